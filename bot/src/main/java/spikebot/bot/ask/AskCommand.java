package spikebot.bot.ask;

import spikebot.bot.core.Action;
import spikebot.bot.core.ControlRow;
import spikebot.bot.core.Audience;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.Choice;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Control;
import spikebot.bot.core.CustomIds;
import spikebot.bot.core.Card;
import spikebot.bot.core.Event;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.HitCards;
import spikebot.bot.core.Limits;
import spikebot.bot.core.Draft;
import spikebot.bot.core.OptionSpec;
import spikebot.bot.core.Origin;
import spikebot.bot.core.PriorWork;
import spikebot.bot.core.Text;
import spikebot.index.Hit;
import spikebot.index.SearchRequest;
import spikebot.knowledge.NoteKind;

import java.util.List;
import java.util.Optional;

/**
 * {@code /ask} and questions put to the bot by mention: the best prior work, or an honest "nothing yet" with a
 * button to start a spike on it.
 */
public final class AskCommand {
    public static final int MAX_ANSWERS = 5;
    /** Longer questions are cut: a question is a sentence or two, and the index needs no essay to match. */
    public static final int MAX_QUESTION = 500;
    /** The "Start a spike" button carries its topic in its custom id; see {@code spikebot.bot.spike}. */
    public static final String START_SPIKE_PREFIX = "spike:new:";

    public static final CommandSpec SPEC = CommandSpec.slash("ask",
            "Has anyone done this before? Search the team's notes",
            OptionSpec.text("question", "What you want to know", true, 1000),
            OptionSpec.choice("kind", "Only this kind of note", false,
                    List.of("spike", "paper-check", "solution", "note")),
            OptionSpec.text("tag", "Only notes with this tag", false, 100).autocompleted(),
            OptionSpec.text("author", "Only notes by this person", false, 100),
            OptionSpec.flag("private", "Only you see the answer"));

    private final ChannelAccess access;

    public AskCommand(ChannelAccess access) {
        this.access = access;
    }

    public List<Action> ask(GuildKnowledge guild, Event.SlashCommand command) {
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
    public List<Action> mention(GuildKnowledge guild, Event.MessagePosted message) {
        String question = Text.oneLine(message.content());
        if (question.isEmpty()) {
            return List.of(Action.Reply.of("Ask me whether something was done before, e.g. \"@Spikebot has anyone "
                    + "tried Polars for our ETL?\", or use `/ask`."));
        }
        SearchRequest request = SearchRequest.of(Text.cut(question, MAX_QUESTION)).withLimit(MAX_ANSWERS);
        return List.of(answer(guild, message.origin(), question, request, false));
    }

    /** Tag suggestions as the user types, from the tags the guild's notes use. */
    public List<Action> autocomplete(GuildKnowledge guild, Event.Autocomplete typing) {
        if (!"tag".equals(typing.option())) return List.of(new Action.Suggest(List.of()));
        String prefix = Text.cut(Text.oneLine(typing.typed()), 100);
        List<Choice> choices = guild.tags(prefix, Limits.CHOICES).stream().map(t -> new Choice(t, t)).toList();
        return List.of(new Action.Suggest(choices));
    }

    private Action.Reply answer(GuildKnowledge guild, Origin origin, String question, SearchRequest request,
                                boolean ephemeral) {
        PriorWork work = PriorWork.find(guild, request, Audience.of(origin, ephemeral), access, Hit.GOOD_ENOUGH);
        String shownQuestion = Text.escape(Text.cut(question, 200));
        String cutNote = question.length() > MAX_QUESTION
                ? "\n(Your question was long: I searched its first " + MAX_QUESTION + " characters.)" : "";
        String withheld = work.withheld() == 0 ? null : work.withheld() + " more from channels not everyone here "
                + "can see: ask with private:true to see them.";
        if (work.isEmpty()) {
            String text = "Nothing good enough on \"" + shownQuestion + "\" yet: nobody seems to have looked into it,"
                    + " or it was never written down." + (withheld == null ? "" : "\n" + withheld) + cutNote
                    + "\nStart a spike and the next person will find it.";
            return new Action.Reply(new Draft(text, List.of(), List.of(ControlRow.of(startSpikeButton(question)))),
                    ephemeral);
        }
        List<Card.Field> fields = work.shown().stream().map(hit -> HitCards.field(hit, guild)).toList();
        String count = work.shown().size() == 1 ? "1 note" : work.shown().size() + " notes";
        Card embed = new Card("Prior work: " + shownQuestion, null, count + ", best first." + cutNote, fields,
                withheld, null);
        return new Action.Reply(new Draft("", List.of(embed), List.of()), ephemeral);
    }

    /** "Start a spike" with the question's topic prefilled; the topic rides in the custom id (cut to fit). */
    public static Control.Button startSpikeButton(String question) {
        String topic = Questions.topic(question).replaceAll("\\s+", " ");
        String id = START_SPIKE_PREFIX + Text.cut(topic, Limits.CUSTOM_ID - START_SPIKE_PREFIX.length());
        return Control.Button.of(CustomIds.of(id), "Start a spike", Control.Style.PRIMARY);
    }
}
