package spikebot.bot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.MutableClock;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeInteraction;
import spikebot.bot.discord.fake.FakeWorld;
import spikebot.knowledge.NoteKind;
import spikebot.bot.wiring.Features;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.*;

/**
 * Who sees what, with every kind of permission overwrite Discord has, checked against Discord's own rules rather
 * than against what we expect the bot to do. One note is born in each place: #general; #lounge, where a member
 * overwrite denies dave; #board, where only erin is allowed, by a member overwrite; #lab-synced (its category's
 * overwrites: Researcher and erin allowed) and #lab-unsynced (its own: dave allowed, not erin); #research (a role
 * overwrite); a private thread in #board and one in #general; #vault, which the bot itself may not view; and the
 * folder. Every person in the guild then asks for each note, publicly and privately; passive answers come in
 * three channels; and a new spike lists prior work.
 *
 * <p>The truth is the fake's own computation of Discord's documented algorithm (base permissions from
 * {@code @everyone} and roles, Administrator grants all, then the {@code @everyone} overwrite, the role overwrites,
 * the member's own overwrite; threads follow their parent, private threads need membership or Manage Threads). A
 * leak is a note in an answer that one of its readers may not view: a private answer's asker, or anyone who can
 * read the channel of a public one. A miss is a note left out though the bot's rule shows it: the asker may view
 * it, and the answer is private, or in the note's own channel, or the note's channel is one every member may
 * view. The one documented limit: Discord hides from the bot who may view a channel the bot cannot view (it sends
 * it obfuscated), so such notes are shown only to the owner and administrators.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordOverwriteMatrixTest {
    @RegisterExtension
    static final FakeDiscordExtension fake = new FakeDiscordExtension();
    private static final String TOPIC = "kafka consumer lag alerts";
    private static final List<FakeWorld.User> PEOPLE = List.of(OLIVIA, ALICE, BOB, MARIA, DAVE, ERIN, FRANK);
    /**
     * Questions name a note by its key, and a leak is its code word in an answer: the answer may quote the
     * question ("Nothing good enough on …"), never the code word.
     */
    private static final List<String> KEYS = List.of("ganges", "volga", "danube", "mekong", "yukon", "orinoco",
            "limpopo", "zambezi", "tagus", "loire");
    /** Code word → the channel its note was born in (0 for the folder). */
    private final Map<String, Long> notes = new LinkedHashMap<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private FakeDiscord discord;
    private FakeWorld world;
    private int cases;
    private final List<String> leaks = new ArrayList<>();
    private final List<String> misses = new ArrayList<>();

    @BeforeAll
    void bornInEachPlace(@TempDir Path root) throws Exception {
        Path kb = Files.createDirectories(root.resolve("ml-team"));
        ChatDriver.note(kb, NoteKind.SOLUTION, "Kafka consumer lag alerts runbook " + key("tapir") + " tapir", null,
                "Check the exporter first.", null);
        notes.put("tapir", 0L);
        discord = fake.discord();
        world = discord.world();
        DiscordSettings settings = new DiscordSettings(Map.of(Long.toUnsignedString(ML_TEAM),
                new DiscordSettings.GuildSettings(kb, null, Set.of(id(GENERAL), id(LOUNGE), id(LAB_SYNCED)), null)),
                Duration.ofHours(1));
        fake.startBot(settings, (access, history) -> Features.core(settings.coreConfigs(), access, history, clock, null));
        FakeWorld.Channel boardThread = discord.openThread(ERIN, BOARD, "board minutes", true, ERIN);
        FakeWorld.Channel generalThread = discord.openThread(ALICE, GENERAL, "incident review", true, ALICE);
        solved(BOB, GENERAL, "zebra");
        solved(BOB, LOUNGE, "lynx");
        solved(ERIN, BOARD, "okapi");
        solved(ALICE, LAB_SYNCED, "ibex");
        solved(DAVE, LAB_UNSYNCED, "gecko");
        solved(ALICE, RESEARCH, "quokka");
        solved(ERIN, boardThread.id, "marmot");
        solved(ALICE, generalThread.id, "narwhal");
        solved(DAVE, VAULT, "yak");
    }

    private String key(String word) {
        return KEYS.get(notes.containsKey(word) ? List.copyOf(notes.keySet()).indexOf(word) : notes.size());
    }

    private static String id(long id) {
        return Long.toUnsignedString(id);
    }

    private void solved(FakeWorld.User who, long channel, String word) {
        assertTrue(world.canView(who.id(), channel), who.name() + " can post there");
        FakeInteraction form = discord.slash(who, channel, "solved", Map.of());
        ObjectNode saved = discord.submitModal(who, form, Map.of("problem",
                "Kafka consumer lag alerts " + key(word) + " " + word, "solution", "Raised the exporter's scrape interval")).awaitReply();
        assertTrue(saved.get("content").asText().contains("Saved as a solution"), saved.toString());
        notes.put(word, channel);
    }

    private List<Long> readers(long channel) {
        return world.members(ML_TEAM).stream().filter(m -> m != BOT.id() && world.canView(m, channel)).toList();
    }

    private boolean mayView(long user, long noteChannel) {
        return noteChannel == 0 || world.canView(user, noteChannel);
    }

    /** Every member who can read {@code channel} may view the note. */
    private boolean everyReaderMayView(long channel, long noteChannel) {
        return readers(channel).stream().allMatch(r -> mayView(r, noteChannel));
    }

    /** What the bot can know: a channel it cannot view looks closed to all but the owner and administrators. */
    private boolean botCanTell(FakeWorld.User viewer, long noteChannel) {
        return noteChannel != VAULT || viewer == OLIVIA || viewer == FRANK;
    }

    /**
     * Judges one answer about {@code target}: no note in it that a reader may not view; the target there when the
     * bot's rule shows it.
     */
    private void judge(String context, FakeWorld.User viewer, JsonNode answer, String target, long channel,
                       boolean privately) {
        String text = noLeak(context, viewer, answer, channel, privately);
        if (shows(viewer, notes.get(target), channel, privately) && !text.contains(target)) {
            misses.add(context + ": " + target + " missing for " + viewer.name());
        }
    }

    /** Checks that no note in the answer is one a reader of it may not view; returns the answer's text. */
    private String noLeak(String context, FakeWorld.User viewer, JsonNode answer, long channel, boolean privately) {
        String text = DiscordPermissionMatrixTest.text(answer);
        Predicate<Long> readerMayView = n -> privately ? mayView(viewer.id(), n) : everyReaderMayView(channel, n);
        for (var note : notes.entrySet()) {
            cases++;
            if (text.contains(note.getKey()) && !readerMayView.test(note.getValue())) {
                leaks.add(context + ": " + note.getKey() + " shown to " + viewer.name() + " in " + text);
            }
        }
        return text;
    }

    /**
     * The bot's rule: a note its reader may view and the bot can tell so, in a private answer, or in its own
     * channel, or from a channel every member may view.
     */
    private boolean shows(FakeWorld.User viewer, long born, long channel, boolean privately) {
        return mayView(viewer.id(), born) && botCanTell(viewer, born)
                && (privately || born == 0 || born == channel || everyMemberMayView(born));
    }

    private boolean everyMemberMayView(long noteChannel) {
        return world.members(ML_TEAM).stream().allMatch(m -> m == BOT.id() || mayView(m, noteChannel));
    }

    @Test
    void askPubliclyAndPrivatelyPassiveAnswersAndPriorWorkLeakNothingAndMissNothing() {
        for (FakeWorld.User viewer : PEOPLE) {
            for (String word : notes.keySet()) {
                for (boolean privately : List.of(false, true)) {
                    ObjectNode answer = discord.slash(viewer, GENERAL, "ask", Map.of("question", TOPIC + " " + key(word),
                            "private", privately)).awaitReply();
                    assertEquals(privately, (answer.path("flags").asInt() & 64) != 0, answer.toString());
                    judge("/ask" + (privately ? " private" : ""), viewer, answer, word, GENERAL, privately);
                }
            }
        }
        // A passive answer comes only when there is something to show: the questions that should get one are
        // awaited and judged; every message the bot posted in those channels is checked for leaks at the end.
        Map<Long, FakeWorld.User> passive = Map.of(GENERAL, DAVE, LOUNGE, ERIN, LAB_SYNCED, ALICE);
        passive.forEach((channel, poster) -> {
            for (String word : notes.keySet()) {
                clock.advance(Duration.ofMinutes(11)); // past the passive answers' cool-down
                ObjectNode question = discord.post(poster, channel, "has anyone looked into " + TOPIC + " " + key(word)
                        + " before?");
                if (!shows(poster, notes.get(word), channel, false)) continue;
                JsonNode answer = discord.await(c -> c.is("POST", "channels/" + channel + "/messages")
                        && question.get("id").asText().equals(c.body().at("/message_reference/message_id").asText()))
                        .body();
                judge("passive in " + world.channel(channel).name, poster, answer, word, channel, false);
            }
        });
        for (FakeWorld.User viewer : List.of(BOB, ERIN, FRANK)) {
            for (String word : notes.keySet()) {
                FakeInteraction start = discord.slash(viewer, GENERAL, "spike start", Map.of("topic",
                        TOPIC + " " + key(word) + " " + viewer.name()));
                String reply = DiscordPermissionMatrixTest.text(start.awaitReply());
                long thread = Long.parseUnsignedLong(reply.replaceAll("(?s).*<#(\\d+)>.*", "$1"));
                judge("prior work", viewer, discord.messagesIn(thread).get(0), word, GENERAL, false);
            }
        }
        passive.forEach((channel, poster) -> discord.messagesIn(channel).stream()
                .filter(m -> m.path("type").asInt() == 0 && (m.path("flags").asInt() & 64) == 0)
                .forEach(m -> noLeak("passive in " + world.channel(channel).name, poster, m, channel, false)));
        System.out.printf("overwrite matrix: %d cases (answer × note), %d leaks, %d misses%n", cases, leaks.size(),
                misses.size());
        assertEquals(List.of(), leaks, "leaks");
        assertEquals(List.of(), misses, "misses");
    }

    /**
     * An admin denies bob #general by a member overwrite while the bot runs: his next private answer leaves out the
     * note born there. The gateway delivers the CHANNEL_UPDATE before the interaction, as Discord orders events.
     */
    @Test
    void aMemberOverwriteAddedNowCountsForTheNextAnswer() {
        Map<String, Object> question = Map.of("question", TOPIC + " " + key("zebra"), "private", true);
        assertTrue(DiscordPermissionMatrixTest.text(discord.slash(BOB, LOUNGE, "ask", question).awaitReply())
                .contains("zebra"));
        try {
            discord.setOverwrites(GENERAL, new FakeWorld.Overwrite(BOB.id(), true, EnumSet.noneOf(Permission.class),
                    EnumSet.of(Permission.VIEW_CHANNEL)));
            String after = DiscordPermissionMatrixTest.text(discord.slash(BOB, LOUNGE, "ask", question).awaitReply());
            assertFalse(after.contains("zebra"), after);
        } finally {
            discord.setOverwrites(GENERAL);
        }
        assertTrue(DiscordPermissionMatrixTest.text(discord.slash(BOB, LOUNGE, "ask", question).awaitReply())
                .contains("zebra"), "allowed again");
    }
}
