package spikebot.bot.who;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.Card;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.GuildConfig;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.BOB;
import static spikebot.bot.core.ChatDriver.in;
import static spikebot.bot.core.ChatDriver.only;
import static spikebot.bot.core.ChatDriver.text;

class WhoFeatureTest {
    @TempDir
    Path kb;
    ChatDriver bot;

    @AfterEach
    void tearDown() {
        if (bot != null) bot.close();
    }

    private void note(NoteKind kind, String title, LocalDate date, List<String> authors, String outcome,
                      String channel) throws IOException {
        Map<String, Object> extra = channel == null ? Map.of() : Map.of("guild", "g1", "channel", channel);
        new KnowledgeBase(kb).write(new Note(kind, title, date, authors, List.of("dataframes"), outcome, null, null,
                null, extra, "We looked at " + title + ". Findings follow."));
    }

    private void teamNotes() throws IOException {
        note(NoteKind.SPIKE, "Evaluate Polars for the nightly ETL", LocalDate.of(2025, 5, 1), List.of("dana", "erin"),
                "no-go", null);
        note(NoteKind.SOLUTION, "Polars join ran out of memory on wide tables", LocalDate.of(2025, 4, 2),
                List.of("dana"), null, null);
        note(NoteKind.SPIKE, "Polars lazy API compared with pandas", LocalDate.of(2021, 1, 10), List.of("frank"),
                "shelved", null);
        note(NoteKind.SOLUTION, "CUDA out of memory when fine-tuning", LocalDate.of(2025, 5, 20), List.of("gus"),
                null, null);
    }

    private static List<Card.Field> people(List<Action> actions) {
        return only(actions, Action.Reply.class).message().embeds().get(0).fields();
    }

    @Test
    void ranksPeopleByHowCloselyAndRecentlyTheyWorkedOnItWithTheirTopTwoNotes() throws IOException {
        teamNotes();
        bot = ChatDriver.single(kb);
        List<Card.Field> people = people(bot.slash(in("100", ALICE), "who", null, "topic", "polars"));
        List<String> names = people.stream().map(Card.Field::name).toList();
        assertEquals(List.of("1. dana", "2. erin", "3. frank"), names);
        String dana = people.get(0).value();
        assertTrue(dana.contains("2 pieces of work"), dana);
        assertTrue(dana.contains("owned:") && dana.contains("Evaluate Polars for the nightly ETL"), dana);
        assertTrue(dana.contains("wrote:") && dana.contains("Polars join ran out of memory"), dana);
        assertTrue(people.get(1).value().contains("joined:"), people.get(1).value());
        assertFalse(text(bot.slash(in("100", ALICE), "who", null, "topic", "polars")).contains("gus"));
    }

    @Test
    void saysPlainlyWhenNobodyMatches() throws IOException {
        teamNotes();
        bot = ChatDriver.single(kb);
        List<Action> actions = bot.slash(in("100", ALICE), "who", null, "topic", "kubernetes autoscaling");
        assertTrue(text(actions).startsWith("Nobody matches \"kubernetes autoscaling\""), text(actions));
        assertTrue(only(actions, Action.Reply.class).message().embeds().isEmpty());
    }

    @Test
    void aNoteSomeoneCannotSeeDoesNotMakeItsAuthorAnExpertToThem() throws IOException {
        note(NoteKind.SPIKE, "Polars in the secret pricing model", LocalDate.of(2025, 5, 1), List.of("hank"), "go",
                "777");
        note(NoteKind.SPIKE, "Polars for the public dashboard", LocalDate.of(2025, 5, 1), List.of("ivy"), "go",
                null);
        // Alice may view channel 777 (a private channel), Bob may not.
        ChannelAccess access = new ChannelAccess() {
            @Override
            public boolean canView(String guildId, String userId, String channelId) {
                return !channelId.equals("777") || userId.equals(ALICE.id());
            }

            @Override
            public boolean isPublic(String guildId, String channelId) {
                return !channelId.equals("777");
            }
        };
        bot = new ChatDriver(Map.of("g1", GuildConfig.of(kb)), access);
        String toBob = text(bot.slash(in("100", BOB), "who", null, "topic", "polars", "private", "true"));
        assertFalse(toBob.contains("hank"), toBob);
        assertTrue(toBob.contains("ivy"), toBob);
        String toAlicePrivately = text(bot.slash(in("100", ALICE), "who", null, "topic", "polars", "private",
                "true"));
        assertTrue(toAlicePrivately.contains("hank"), toAlicePrivately);
        String toAliceInPublic = text(bot.slash(in("100", ALICE), "who", null, "topic", "polars"));
        assertFalse(toAliceInPublic.contains("hank"), toAliceInPublic);
        assertTrue(toAliceInPublic.contains("1 more piece of work"), toAliceInPublic);
    }

    @Test
    void peopleOnAnOpenSpikeAreAmongThoseToAsk() throws IOException {
        teamNotes();
        bot = ChatDriver.single(kb);
        bot.startSpike(in("100", BOB), "topic", "Evaluate DuckDB for the feature store", "timebox", "2d");
        List<Card.Field> people = people(bot.slash(in("100", ALICE), "who", null, "topic", "duckdb"));
        assertEquals("1. bob", people.get(0).name());
        assertTrue(people.get(0).value().contains("owns, open now"), people.get(0).value());
    }

    @Test
    void recentWorkOutranksOldWorkOfTheSameRelevance() {
        LocalDate today = LocalDate.of(2025, 6, 1);
        List<Experts.Expert> ranked = Experts.rank(List.of(
                new Experts.Work("Old", Experts.Role.WROTE, "a", 0.8f, LocalDate.of(2020, 1, 1)),
                new Experts.Work("new", Experts.Role.WROTE, "b", 0.8f, LocalDate.of(2025, 5, 1)),
                new Experts.Work("old", Experts.Role.OWNED, "c", 0.5f, null)), today);
        assertEquals(List.of("new", "old"), ranked.stream().map(Experts.Expert::name).toList());
        assertEquals(2, ranked.get(1).pieces(), "names differing only in case are one person");
    }
}
