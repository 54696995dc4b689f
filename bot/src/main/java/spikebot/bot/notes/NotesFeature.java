package spikebot.bot.notes;

import spikebot.bot.core.Action;
import spikebot.bot.core.Audience;
import spikebot.bot.core.Card;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.Choice;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Control;
import spikebot.bot.core.ControlRow;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Event;
import spikebot.bot.core.Feature;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.KeptBehindTokens;
import spikebot.bot.core.HitCards;
import spikebot.bot.core.Limits;
import spikebot.bot.core.Needs;
import spikebot.bot.core.OptionSpec;
import spikebot.bot.core.Origin;
import spikebot.bot.core.Refusal;
import spikebot.bot.core.Text;
import spikebot.index.Hit;
import spikebot.index.NoteListing;
import spikebot.knowledge.NoteKind;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code /notes list} pages through the knowledge base, ten notes a page, filtered by kind, tag, author and outcome,
 * with Previous and Next buttons; {@code /notes tags} lists the tags with their counts. Both answer only the one who
 * asked: browsing is personal, and a page of ten notes would bury a channel's conversation.
 *
 * <p>A listing's order is fixed (date, then path), so paging back and forth shows the same notes on the same page
 * while the notes do not change. Notes the asker may not see (born in a channel they cannot view) neither show nor
 * count, as in {@code /ask}.
 */
public final class NotesFeature implements Feature {
    static final int PAGE_SIZE = 10;

    public static final CommandSpec SPEC = CommandSpec.group("notes", "Browse the team's notes",
            CommandSpec.slash("list", "Page through the notes, newest first",
                    OptionSpec.choice("kind", "Only this kind of note", false,
                            Arrays.stream(NoteKind.values()).map(NoteKind::id).toList()),
                    OptionSpec.text("tag", "Only notes with this tag", false, NotesQuery.MAX_TEXT).autocompleted(),
                    OptionSpec.text("author", "Only notes by this person", false, NotesQuery.MAX_TEXT),
                    OptionSpec.choice("outcome", "Only notes that ended so", false, NotesQuery.outcomes()),
                    OptionSpec.choice("sort", "newest (default) or oldest first", false,
                            Arrays.stream(NoteListing.Order.values()).map(NoteListing.Order::id).toList())),
            CommandSpec.slash("tags", "The tags in use, with how many notes carry each"));

    private final ChannelAccess access;
    private final Clock clock;
    /** The filters of each listing shown: its buttons carry a token. */
    private final KeptBehindTokens<NotesQuery> listings = new KeptBehindTokens<>();

    public NotesFeature(ChannelAccess access, Clock clock) {
        this.access = access;
        this.clock = clock;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(SPEC);
    }

    @Override
    public List<String> customIdPrefixes() {
        return List.of(PageButton.PREFIX);
    }

    /** Reads the index only: alongside questions, never behind a write. Suggestions answer at once. */
    @Override
    public Needs needs(Event event) {
        return event instanceof Event.Autocomplete ? Needs.NOTHING : Needs.SEARCHER;
    }

    @Override
    public List<Action> handle(GuildKnowledge guild, Event event) {
        return switch (event) {
            case Event.SlashCommand c when "tags".equals(c.subcommand()) -> List.of(tags(guild));
            case Event.SlashCommand c -> list(guild, c);
            case Event.ButtonClick b -> page(guild, b);
            case Event.Autocomplete a -> suggestTags(guild, a);
            default -> throw new Refusal("This control is not one I know; it may be from an older version.");
        };
    }

    List<Action> list(GuildKnowledge guild, Event.SlashCommand command) {
        NotesQuery query = NotesQuery.from(command.options());
        String token = listings.keep(query, clock.instant());
        return List.of(new Action.Reply(render(guild, command.origin(), query, token, 0), true));
    }

    List<Action> page(GuildKnowledge guild, Event.ButtonClick click) {
        PageButton button = PageButton.parse(click.customId()).orElseThrow(() ->
                new Refusal("This button is not one I know; it may be from an older version. Use /notes list."));
        NotesQuery query = listings.get(button.listing(), clock.instant()).orElseThrow(() ->
                new Refusal("This list has expired (they are kept for a day): run /notes list again."));
        return List.of(new Action.Update(render(guild, click.origin(), query, button.listing(),
                button.page())));
    }

    /** The one listing call of this feature. */
    private Draft render(GuildKnowledge guild, Origin origin, NotesQuery query, String token, int pageNumber) {
        Audience audience = Audience.of(origin, true);
        NoteListing.Page page = guild.list(query.filters(), query.order(),
                channel -> audience.judge(channel, access) == Audience.Verdict.SHOW, pageNumber * PAGE_SIZE,
                PAGE_SIZE);
        int pages = Math.max(1, (page.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page.total() == 0) {
            return Draft.text("No notes match (" + query.describe() + "). Try fewer filters, or `/notes tags` to see "
                    + "which tags are in use.");
        }
        if (page.notes().isEmpty()) {
            return Draft.text("There are only " + pages + (pages == 1 ? " page" : " pages") + " now: run /notes "
                    + "list again.");
        }
        StringBuilder lines = new StringBuilder();
        int n = pageNumber * PAGE_SIZE;
        for (Hit hit : page.notes()) {
            lines.append(++n).append(". ").append(HitCards.entry(hit, guild));
            if (!hit.authors().isEmpty()) {
                lines.append(" · ").append(Text.escape(Text.cut(String.join(", ", hit.authors()), 80)));
            }
            lines.append('\n');
        }
        Card card = new Card("Notes: " + query.describe() + " (" + page.total() + ")", null, lines.toString().strip(),
                List.of(), "Page " + (pageNumber + 1) + " of " + pages, null);
        Control.Button previous = new Control.Button(new PageButton(token, Math.max(0, pageNumber - 1)).customId(),
                "Previous", Control.Style.SECONDARY, null, pageNumber == 0);
        Control.Button next = new Control.Button(new PageButton(token, pageNumber + 1).customId(), "Next",
                Control.Style.SECONDARY, null, pageNumber + 1 >= pages);
        return new Draft("", List.of(card), List.of(ControlRow.of(previous, next)));
    }

    /** Every tag with its count, as many as fit one message; the rest counted. */
    Action tags(GuildKnowledge guild) {
        Map<String, Integer> counts = guild.tagCounts();
        if (counts.isEmpty()) return Action.Reply.privately("No note has a tag yet.");
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String item = "`" + e.getKey().replace("`", "'") + "` " + e.getValue();
            if (out.length() + item.length() + 40 > Limits.EMBED_DESCRIPTION) break;
            if (!out.isEmpty()) out.append(" · ");
            out.append(item);
            shown++;
        }
        if (shown < counts.size()) out.append("\n… and ").append(counts.size() - shown).append(" more, used less.");
        Card card = new Card("Tags (" + counts.size() + "), most used first", null, out.toString(), List.of(),
                "/notes list tag:NAME shows a tag's notes", null);
        return new Action.Reply(new Draft("", List.of(card), List.of()), true);
    }

    private static List<Action> suggestTags(GuildKnowledge guild, Event.Autocomplete typing) {
        if (!"tag".equals(typing.option())) return List.of(new Action.Suggest(List.of()));
        String prefix = Text.cut(Text.oneLine(typing.typed()), NotesQuery.MAX_TEXT);
        return List.of(new Action.Suggest(guild.tags(prefix, Limits.CHOICES).stream().map(t -> new Choice(t, t))
                .toList()));
    }
}
