package spikebot.bot.solved;

import spikebot.bot.core.Action;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.CustomIds;
import spikebot.bot.core.Defer;
import spikebot.bot.core.Event;
import spikebot.bot.core.Feature;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Form;
import spikebot.bot.core.Needs;
import spikebot.bot.core.Origin;
import spikebot.bot.core.Refusal;
import spikebot.bot.core.Text;
import spikebot.knowledge.NoteFile;
import spikebot.knowledge.NoteLinks;
import spikebot.knowledge.spike.Person;
import spikebot.knowledge.spike.Solution;
import spikebot.knowledge.spike.Spike;
import spikebot.knowledge.spike.Tags;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * "How we solved it": {@code /solved} in a thread, or "Save as solution" on a message, asks for problem,
 * solution, what did not work, links and tags, then writes a solution note and indexes it at once. In a spike's
 * thread the problem starts as the spike's topic and goal: what was investigated is usually what was solved.
 */
public final class SolvedFeature implements Feature {
    public static final String MENU = "Save as solution";
    /** Custom-id prefix of this feature; its one id is the form's. */
    static final String PREFIX = "solved";
    static final String FORM = CustomIds.of(PREFIX, "save");
    static final int MAX_FIELD = 4000;

    public static final CommandSpec SPEC = CommandSpec.slash("solved",
            "Save how this was solved as a note the team can find");
    public static final CommandSpec MENU_SPEC = CommandSpec.messageMenu(MENU);

    private final Clock clock;
    private final BiFunction<GuildKnowledge, String, Optional<Spike>> spikeInThread;
    private final DiscussionLink discussions;

    /**
     * A captured discussion in the thread where a solution was saved: told the solution's path (its note links to
     * it), it answers with the discussion note's path (the solution links back); empty when the thread is not
     * captured. A function of the wiring, so that this package depends on no other feature.
     */
    @FunctionalInterface
    public interface DiscussionLink {
        DiscussionLink NONE = (guild, threadId, solutionPath) -> Optional.empty();

        Optional<String> solved(GuildKnowledge guild, String threadId, String solutionPath) throws IOException;
    }

    /**
     * @param spikeInThread the open spike whose thread a channel is, if any (a function rather than the spike
     *                      feature itself, so that this package depends on no other feature)
     * @param discussions   the captured discussion of the thread, linked both ways with the solution
     */
    public SolvedFeature(Clock clock, BiFunction<GuildKnowledge, String, Optional<Spike>> spikeInThread,
                         DiscussionLink discussions) {
        this.clock = clock;
        this.spikeInThread = spikeInThread;
        this.discussions = discussions;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(SPEC, MENU_SPEC);
    }

    @Override
    public List<String> customIdPrefixes() {
        return List.of(PREFIX);
    }

    /** Showing the form changes nothing and must answer within 3 seconds: it never waits for the guild's lock. */
    @Override
    public Needs needs(Event event) {
        return event instanceof Event.FormSubmit ? Needs.LOCK : Needs.NOTHING;
    }

    @Override
    public List<Action> handle(GuildKnowledge guild, Event event) throws IOException {
        return switch (event) {
            case Event.SlashCommand c -> command(guild, c);
            case Event.MessageCommand m -> menu(m);
            case Event.FormSubmit f -> submit(guild, f);
            default -> throw new Refusal("This control is not one I know; it may be from an older version.");
        };
    }

    /** Writing the note fsyncs: acknowledge the form first. */
    @Override
    public Optional<Defer> deferral(Event event) {
        return event instanceof Event.FormSubmit m && m.customId().equals(FORM)
                ? Optional.of(new Defer(false)) : Optional.empty();
    }

    List<Action> command(GuildKnowledge guild, Event.SlashCommand command) {
        String problem = spikeInThread.apply(guild, command.origin().channelId())
                .map(s -> s.goal().isBlank() ? s.topic() : s.topic() + "\n\n" + s.goal()).orElse(null);
        return List.of(new Action.ShowForm(form(problem, null)));
    }

    /** "Save as solution" on a message: the message becomes the solution's first draft. */
    List<Action> menu(Event.MessageCommand command) {
        String draft = Text.clean(command.content());
        return List.of(new Action.ShowForm(form(null, draft.isEmpty() ? null : draft)));
    }

    List<Action> submit(GuildKnowledge guild, Event.FormSubmit form) throws IOException {
        if (!form.customId().equals(FORM)) throw new Refusal("This form is not one I know.");
        String problem = field(form, "problem");
        String solution = field(form, "solution");
        if (problem == null) throw new Refusal("Describe the problem: it is what the next person will search for.");
        if (solution == null) throw new Refusal("Describe the solution: what fixed it?");
        Origin o = form.origin();
        Solution note = new Solution(problem, solution, field(form, "did_not_work"), field(form, "links"),
                Tags.parse(Text.oneLine(form.field("tags"))), new Person(o.actor().id(), o.actor().name()), clock.instant(), guild.id(), o.channelId(),
                Text.channelUrl(guild.id(), o.channelId()));
        NoteFile written = guild.write(note.toNote());
        Optional<String> discussion = discussions.solved(guild, o.channelId(), written.path());
        if (discussion.isPresent()) {
            guild.replace(Map.of(written.path(), written.note().withExtra("discussion", discussion.get())), List.of());
        }
        String base = guild.config().noteUrlBase();
        String where = base != null ? "[" + written.path() + "](" + NoteLinks.url(base, written.path()) + ")"
                : "`" + written.path() + "`";
        return List.of(new Action.Reply(Draft.text("✅ Saved as a solution: **" + Text.escape(note.title())
                + "** by " + Text.escape(o.actor().name()) + " → " + where + ". `/ask` finds it from now on."),
                false));
    }

    private static Form form(String problemDraft, String solutionDraft) {
        return new Form(FORM, "Save as solution", List.of(
                new Form.TextInput("problem", "Problem (what people will search for)", true, true, problemDraft,
                        "e.g. CUDA out of memory when fine-tuning with batch 64", MAX_FIELD),
                new Form.TextInput("solution", "Solution", true, true, solutionDraft, "What fixed it", MAX_FIELD),
                new Form.TextInput("did_not_work", "What did not work", true, false, null,
                        "Often the most useful part", MAX_FIELD),
                new Form.TextInput("links", "Links", true, false, null, "PRs, docs, issues", 2000),
                new Form.TextInput("tags", "Tags, comma-separated", false, false, null, "e.g. cuda, oom", 200)));
    }

    private static String field(Event.FormSubmit form, String id) {
        String value = Text.clean(form.field(id));
        if (value.length() > MAX_FIELD) {
            throw new Refusal("'" + id.replace('_', ' ') + "' is at most " + MAX_FIELD + " characters.");
        }
        return value.isEmpty() ? null : value;
    }
}
