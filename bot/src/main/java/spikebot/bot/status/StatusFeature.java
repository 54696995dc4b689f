package spikebot.bot.status;

import spikebot.bot.core.Action;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Defer;
import spikebot.bot.core.Event;
import spikebot.bot.core.Feature;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.Needs;
import spikebot.bot.core.Refusal;
import spikebot.bot.core.Text;
import spikebot.index.IndexCensus;
import spikebot.knowledge.Problem;
import spikebot.knowledge.spike.SpikeStore;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /spikebot status} (Manage Server): what the bot knows in this server, so that an admin can tell a quiet bot
 * from a broken knowledge base: notes indexed, how many have their vector when search is hybrid (until they do,
 * those notes are found by their words only), open spikes, captured channels and discussions, and the files that are not valid notes, each as
 * {@code file:line: reason}. Edits to the folder are picked up within a minute (the core's resync).
 */
public final class StatusFeature implements Feature {
    /** Malformed files listed in chat; the rest are counted (Discord caps a message at 2,000 characters). */
    static final int LISTED = 10;

    public static final CommandSpec SPEC = CommandSpec.group("spikebot", "Spikebot settings for this server",
            CommandSpec.slash("status", "Notes indexed, vectors, open spikes and files that are not valid notes")
                    .withExample("/spikebot status")).forManagers();

    private final Clock clock;
    private final Function<GuildKnowledge, String> capture;

    /** @param capture one line on captured discussions (channels, notes kept), from the wiring */
    public StatusFeature(Clock clock, Function<GuildKnowledge, String> capture) {
        this.clock = clock;
        this.capture = capture;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(SPEC);
    }

    /** Only reads; counting vectors and spikes may take longer than Discord's 3 seconds on a large folder. */
    @Override
    public Needs needs(Event event) {
        return Needs.NOTHING;
    }

    @Override
    public Optional<Defer> deferral(Event event) {
        return Optional.of(new Defer(true));
    }

    @Override
    public List<Action> handle(GuildKnowledge guild, Event event) throws IOException {
        if (!(event instanceof Event.SlashCommand command)) throw new Refusal("That is not something status answers.");
        if (!command.origin().actor().canManageServer()) {
            return List.of(Action.Reply.privately("Only someone with the Manage Server permission can see Spikebot's "
                    + "status."));
        }
        return List.of(Action.Reply.privately(text(guild)));
    }

    private String text(GuildKnowledge guild) throws IOException {
        List<String> lines = new ArrayList<>();
        IndexCensus census = guild.census();
        lines.add("**Notes indexed:** " + census.notes());
        if (guild.hybrid()) {
            lines.add("**Search:** hybrid (words and meaning). **Vectors:** " + census.withVectors() + " of "
                    + census.notes() + (census.withoutVectors() == 0 ? ""
                    : " (" + census.withoutVectors() + " notes not embedded yet are found by their words only until "
                      + "they are)"));
        } else {
            lines.add("**Search:** words only (bm25): no vectors.");
        }
        SpikeStore.Loaded spikes = new SpikeStore(guild.stateDir().resolve("spikes")).load();
        long overdue = spikes.spikes().stream().filter(s -> s.overdue(clock.instant())).count();
        lines.add("**Open spikes:** " + spikes.spikes().size() + (overdue == 0 ? "" : " (" + overdue + " overdue)")
                + (spikes.problems().isEmpty() ? "" : "; " + spikes.problems().size() + " spike files unreadable"));
        lines.add(capture.apply(guild));
        List<Problem> malformed = guild.malformed();
        if (malformed.isEmpty()) {
            lines.add("**Malformed notes:** none.");
        } else {
            lines.add("**Malformed notes:** " + malformed.size() + " (not indexed; fix them and they are picked up "
                    + "within a minute):");
            for (Problem problem : malformed.subList(0, Math.min(LISTED, malformed.size()))) {
                lines.add("• `" + Text.cut(Text.oneLine(problem.toString()), 180).replace('`', '\'') + "`");
            }
            if (malformed.size() > LISTED) {
                lines.add("… and " + (malformed.size() - LISTED) + " more: `spikebot index` lists them all.");
            }
        }
        List<String> settings = guild.settingsProblems();
        if (!settings.isEmpty()) {
            lines.add("**Team settings left out** (the rest applies):");
            for (String problem : settings.subList(0, Math.min(LISTED, settings.size()))) {
                lines.add("• `" + Text.cut(Text.oneLine(problem), 180).replace('`', '\'') + "`");
            }
        }
        // Values a note was read without (a date or kind that could not be read): the note is searchable, the value
        // is not. As the last read of each file found them.
        List<Problem> warnings = guild.kb().warnings();
        if (!warnings.isEmpty()) {
            lines.add("**Read without some values:** " + warnings.size() + ":");
            for (Problem problem : warnings.subList(0, Math.min(LISTED, warnings.size()))) {
                lines.add("• `" + Text.cut(Text.oneLine(problem.toString()), 180).replace('`', '\'') + "`");
            }
            if (warnings.size() > LISTED) {
                lines.add("… and " + (warnings.size() - LISTED) + " more: `spikebot index --rebuild` lists them all.");
            }
        }
        return String.join("\n", lines);
    }
}
