package spikebot.bot.ask;

import spikebot.bot.core.Action;
import spikebot.bot.core.ControlRow;
import spikebot.bot.core.Audience;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.Choice;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Control;
import spikebot.bot.core.Defer;
import spikebot.bot.core.Feature;
import spikebot.bot.core.Card;
import spikebot.bot.core.Event;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.HitCards;
import spikebot.bot.core.Limits;
import spikebot.bot.core.Draft;
import spikebot.bot.core.OptionSpec;
import spikebot.bot.core.Needs;
import spikebot.bot.core.Origin;
import spikebot.bot.core.PriorWork;
import spikebot.bot.core.Refusal;
import spikebot.bot.core.Text;
import spikebot.index.MatchGrade;
import spikebot.index.SearchRequest;
import spikebot.index.UnmatchedFilter;
import spikebot.knowledge.NoteKind;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code /ask} and questions put to the bot by mention: the best prior work, related notes that may not be the same,
 * or an honest "nothing yet", with a button to start a spike unless a note matches strongly.
 */
public final class AskFeature implements Feature {
    public static final int MAX_ANSWERS = 5;
    /** Longer questions are cut: a question is a sentence or two, and the index needs no essay to match. */
    public static final int MAX_QUESTION = 500;

    public static final CommandSpec SPEC = CommandSpec.slash("ask",
            "Has anyone done this before? Search the team's notes",
            OptionSpec.text("question", "What you want to know", true, 1000),
            OptionSpec.choice("kind", "Only this kind of note", false,
                    Arrays.stream(NoteKind.values()).map(NoteKind::id).toList()),
            OptionSpec.text("tag", "Only notes with this tag", false, 100).autocompleted(),
            OptionSpec.text("author", "Only notes by this person", false, 100),
            OptionSpec.flag("private", "Only you see the answer"))
            .withExample("/ask question:has anyone tried Polars for the ETL? kind:spike");

    private final ChannelAccess access;
    /** Makes the "Start a spike" button offered when nothing fits; the spike feature owns that button. */
    private final Function<String, Control.Button> startSpike;

    /**
     * @param access     who may see which channel, asked at answer time
     * @param startSpike topic → a button that opens the spike start form with it
     */
    public AskFeature(ChannelAccess access, Function<String, Control.Button> startSpike) {
        this.access = access;
        this.startSpike = startSpike;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(SPEC);
    }

    /** Questions put to the bot by mentioning it. */
    @Override
    public boolean hears(Event.MessagePosted message) {
        return message.mentionsBot();
    }

    /** Questions search in parallel with other questions; suggestions must answer at once. */
    @Override
    public Needs needs(Event event) {
        return event instanceof Event.Autocomplete ? Needs.NOTHING : Needs.SEARCHER;
    }

    /** A search with snippets can take longer than Discord's 3 seconds under load: acknowledge first. */
    @Override
    public Optional<Defer> deferral(Event event) {
        return event instanceof Event.SlashCommand c
                ? Optional.of(new Defer("true".equalsIgnoreCase(c.option("private")))) : Optional.empty();
    }

    @Override
    public List<Action> handle(GuildKnowledge guild, Event event) {
        return switch (event) {
            case Event.SlashCommand c -> ask(guild, c);
            case Event.MessagePosted m -> mention(guild, m);
            case Event.Autocomplete a -> autocomplete(guild, a);
            default -> throw new Refusal("That is not something /ask answers.");
        };
    }

    List<Action> ask(GuildKnowledge guild, Event.SlashCommand command) {
        boolean ephemeral = "true".equalsIgnoreCase(command.option("private"));
        String question = Text.oneLine(command.option("question"));
        if (question.isEmpty()) {
            return List.of(new Action.Reply(Draft.text("Ask a question, e.g. `/ask question: has anyone tried "
                    + "Polars for our ETL?`"), true));
        }
        SearchRequest request = SearchRequest.of(Text.cut(question, MAX_QUESTION)).withLimit(MAX_ANSWERS);
        String kindText = command.option("kind");
        if (kindText != null) {
            Optional<NoteKind> kind = NoteKind.parse(kindText);
            if (kind.isEmpty()) {
                return List.of(Action.Reply.privately("Unknown kind '" + Text.escape(Text.cut(Text.oneLine(kindText),
                        40)) + "': choose one of " + NoteKind.ids() + "."));
            }
            request = request.withKind(kind.get());
        }
        String tag = Text.oneLine(command.option("tag"));
        if (!tag.isEmpty()) request = request.withTag(Text.cut(tag, 100));
        String author = Text.oneLine(command.option("author"));
        if (!author.isEmpty()) request = request.withAuthor(Text.cut(author, 100));
        return List.of(answer(guild, command.origin(), question, request, ephemeral));
    }

    /** A question asked by mentioning the bot: always a public reply to that message. */
    List<Action> mention(GuildKnowledge guild, Event.MessagePosted message) {
        String question = Text.oneLine(message.content());
        if (question.isEmpty()) {
            return List.of(Action.Reply.of("Ask me whether something was done before, e.g. \"@Spikebot has anyone "
                    + "tried Polars for our ETL?\", or use `/ask`."));
        }
        SearchRequest request = SearchRequest.of(Text.cut(question, MAX_QUESTION)).withLimit(MAX_ANSWERS);
        return List.of(answer(guild, message.origin(), question, request, false));
    }

    /** Tag suggestions as the user types, from the tags the guild's notes use. */
    List<Action> autocomplete(GuildKnowledge guild, Event.Autocomplete typing) {
        if (!"tag".equals(typing.option())) return List.of(new Action.Suggest(List.of()));
        String prefix = Text.cut(Text.oneLine(typing.typed()), 100);
        List<Choice> choices = guild.tags(prefix, Limits.CHOICES).stream().map(t -> new Choice(t, t)).toList();
        return List.of(new Action.Suggest(choices));
    }

    /**
     * The answer in three grades ({@link MatchGrade}): strong prior work; otherwise "related, maybe not the same"
     * with the plausible notes and a button to start a spike; "nothing" only when nothing is plausible. A tag or
     * author filter that no note passes is answered as a filter, with the closest existing values.
     */
    private Action.Reply answer(GuildKnowledge guild, Origin origin, String question, SearchRequest request,
                                boolean ephemeral) {
        PriorWork work = PriorWork.find(guild, request, Audience.of(origin, ephemeral), access, MatchGrade.PLAUSIBLE);
        String shownQuestion = Text.escape(Text.cut(question, 200));
        String footnote = question.length() > MAX_QUESTION
                ? "\n(Your question was long: I searched its first " + MAX_QUESTION + " characters.)" : "";
        String withheld = work.withheld() == 0 ? null : work.withheld() + " more from channels not everyone here "
                + "can see: ask with private:true to see them.";
        ControlRow spike = ControlRow.of(startSpike.apply(Questions.topic(question)));
        if (work.isEmpty() && work.withheld() == 0) {
            Optional<UnmatchedFilter> filter = guild.unmatchedFilter(request);
            if (filter.isPresent()) {
                return new Action.Reply(Draft.text(Text.defuse(filter.get().message())
                        + " Ask again without it, or with one of those."), ephemeral);
            }
        }
        // A weak answer may be weak because meaning was not searched: say so rather than let it pass for the truth.
        String wordsOnly = work.grade() == MatchGrade.STRONG ? null : guild.byWordsOnly();
        if (wordsOnly != null) footnote += "\n(" + wordsOnly + ".)";
        return switch (work.grade()) {
            case NONE -> new Action.Reply(new Draft("Nothing on \"" + shownQuestion + "\" yet: nobody seems to have "
                    + "looked into it, or it was never written down." + (withheld == null ? "" : "\n" + withheld)
                    + footnote + "\nStart a spike and the next person will find it.", List.of(), List.of(spike)),
                    ephemeral);
            case RELATED -> new Action.Reply(new Draft("", List.of(new Card("Related, maybe not the same: "
                    + shownQuestion, null, "No note matches your question well; these share part of it, best match "
                    + "first. If none is what you mean, start a spike." + footnote, fields(guild, work), withheld,
                    null)), List.of(spike)), ephemeral);
            case STRONG -> new Action.Reply(new Draft("", List.of(new Card("Prior work: " + shownQuestion, null,
                    count(work) + ", best match first." + footnote, fields(guild, work), withheld, null)), List.of()),
                    ephemeral);
        };
    }

    private static List<Card.Field> fields(GuildKnowledge guild, PriorWork work) {
        return work.shown().stream().map(hit -> HitCards.field(hit, guild)).toList();
    }

    private static String count(PriorWork work) {
        return work.shown().size() == 1 ? "1 note" : work.shown().size() + " notes";
    }
}
