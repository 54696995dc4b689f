package spikebot.bot.core;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.knowledge.NoteKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.BOB;
import static spikebot.bot.core.ChatDriver.note;
import static spikebot.bot.core.ChatDriver.only;
import static spikebot.bot.core.ChatDriver.text;

/**
 * Who sees which note: a folder note, a note born in a public channel, one born in a private channel and one in a
 * private thread, across /ask (public and private), passive answers and a new spike's prior work, in two guilds.
 * Alice can view everything in guild 1; Bob only its public channels.
 */
class PermissionMatrixTest {
    static final String GENERAL = "100";
    static final String PUBLIC = "200";
    static final String PRIVATE = "300";
    static final String PRIVATE_THREAD = "400";

    @TempDir
    Path root;
    ChannelAccess access = mock(ChannelAccess.class);
    ChatDriver bot;

    @BeforeEach
    void setUp() throws Exception {
        Path kb1 = Files.createDirectories(root.resolve("guild1"));
        Path kb2 = Files.createDirectories(root.resolve("guild2"));
        note(kb1, NoteKind.SPIKE, "Gradient boosting churn folder study", "go", "Churn model from the folder.", null);
        note(kb1, NoteKind.SPIKE, "Gradient boosting churn public study", "go", "Churn model, public channel.", PUBLIC);
        note(kb1, NoteKind.SPIKE, "Gradient boosting churn secret study", "no-go", "Churn model, private.", PRIVATE);
        note(kb1, NoteKind.SOLUTION, "Gradient boosting churn thread study", null, "Churn study, private thread.",
                PRIVATE_THREAD);
        note(kb2, NoteKind.SPIKE, "Gradient boosting churn other guild study", "go", "Churn, another team.", null);

        when(access.canView(anyString(), anyString(), anyString())).thenReturn(false);
        for (String channel : List.of(GENERAL, PUBLIC, PRIVATE, PRIVATE_THREAD)) {
            when(access.canView("g1", ALICE.id(), channel)).thenReturn(true);
        }
        when(access.canView("g1", BOB.id(), GENERAL)).thenReturn(true);
        when(access.canView("g1", BOB.id(), PUBLIC)).thenReturn(true);
        when(access.isPublic(anyString(), anyString())).thenReturn(false);
        when(access.isPublic("g1", GENERAL)).thenReturn(true);
        when(access.isPublic("g1", PUBLIC)).thenReturn(true);

        bot = new ChatDriver(Map.of("g1", GuildConfig.of(kb1),
                "g2", new GuildConfig(kb2, null, java.util.Set.of(GENERAL))), access);
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    private String ask(Actor who, String channel, boolean privately) {
        var o = new Origin("g1", channel, null, who);
        return text(bot.slash(o, "ask", null, "question", "gradient boosting churn study",
                "private", String.valueOf(privately)));
    }

    @Test
    void bobNeverSeesWhatHeCannotViewWhateverHeAsks() {
        for (boolean privately : List.of(false, true)) {
            String answer = ask(BOB, GENERAL, privately);
            assertTrue(answer.contains("folder study"), answer);
            assertTrue(answer.contains("public study"), answer);
            assertFalse(answer.contains("secret"), answer);
            assertFalse(answer.contains("thread study"), answer);
            assertFalse(answer.contains("more from channels"), "no hint of what he cannot see: " + answer);
            assertFalse(answer.contains("other guild"), answer);
        }
        verify(access, atLeastOnce()).canView("g1", BOB.id(), PRIVATE);
    }

    @Test
    void alicesPublicAnswerHoldsBackPrivateNotesAndSaysHowToSeeThem() {
        String answer = ask(ALICE, GENERAL, false);
        assertTrue(answer.contains("public study"), answer);
        assertFalse(answer.contains("secret"), answer);
        assertFalse(answer.contains("thread study"), answer);
        assertTrue(answer.contains("2 more from channels not everyone here can see"), answer);
    }

    @Test
    void alicesPrivateAnswerShowsAllSheCanView() {
        String answer = ask(ALICE, GENERAL, true);
        assertTrue(answer.contains("secret study"), answer);
        assertTrue(answer.contains("thread study"), answer);
        assertFalse(answer.contains("other guild"), answer);
    }

    @Test
    void aPrivateNoteMayBeShownInItsOwnChannel() {
        String answer = ask(ALICE, PRIVATE, false);
        assertTrue(answer.contains("secret study"), answer);
        assertFalse(answer.contains("thread study"), answer);
    }

    @Test
    void permissionsAreCheckedAtAnswerTimeNotCopiedOnce() {
        assertFalse(ask(BOB, GENERAL, true).contains("secret"));
        when(access.canView("g1", BOB.id(), PRIVATE)).thenReturn(true);
        assertTrue(ask(BOB, GENERAL, true).contains("secret"), "Bob was just added to the private channel");
    }

    @Test
    void aNewSpikesPriorWorkShowsOnlyWhatTheWholeChannelMaySee() {
        List<Action> start = bot.slash(new Origin("g1", GENERAL, null, ALICE), "spike", "start",
                "topic", "Gradient boosting churn study");
        String card = text(only(start, Action.OpenThread.class).first());
        assertTrue(card.contains("public study"), card);
        assertFalse(card.contains("secret"), card);
        assertFalse(card.contains("thread study"), card);
        List<Action> after = new ArrayList<>();
        bot.openThread(new Origin("g1", GENERAL, null, ALICE), start, after);
        Action.Reply hint = after.stream().filter(a -> a instanceof Action.Reply r && r.ephemeral())
                .map(Action.Reply.class::cast).findFirst().orElseThrow();
        assertTrue(hint.message().content().contains("2 more notes"), hint.message().content());
    }

    @Test
    void passiveAnswersNeverShowPrivateNotes() {
        var admin = new Origin("g1", GENERAL, null, ChatDriver.ADMIN);
        when(access.canView("g1", ChatDriver.ADMIN.id(), PRIVATE)).thenReturn(true);
        bot.slash(admin, "spikebot", "passive", "state", "on");
        List<Action> answer = bot.say(new Origin("g1", GENERAL, null, ALICE),
                "has anyone done a gradient boosting churn secret study?");
        String shown = answer.isEmpty() ? "" : text(answer);
        assertFalse(shown.contains("secret"), shown);
    }

    @Test
    void anotherGuildSeesOnlyItsOwnNotes() {
        var o = new Origin("g2", GENERAL, null, ALICE);
        String answer = text(bot.slash(o, "ask", null, "question", "gradient boosting churn study", "private", "true"));
        assertTrue(answer.contains("other guild"), answer);
        assertFalse(answer.contains("folder study"), answer);
        assertFalse(answer.contains("public study"), answer);
    }
}
