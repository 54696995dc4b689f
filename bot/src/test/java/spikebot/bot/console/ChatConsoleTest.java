package spikebot.bot.console;

import spikebot.bot.wiring.Features;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.Main;
import spikebot.bot.cli.Console;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.ChatCore;
import spikebot.bot.core.GuildConfig;
import spikebot.bot.core.Actor;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console driven through standard input, as a person would use it. */
class ChatConsoleTest {
    @TempDir
    Path kb;

    private String session(String... lines) throws Exception {
        return session(new Actor("1", "alice", true), lines);
    }

    private String session(Actor me, String... lines) throws Exception {
        new KnowledgeBase(kb).write(new Note(NoteKind.SPIKE, "Evaluate Polars as a Pandas replacement",
                LocalDate.of(2025, 3, 12), List.of("carol"), List.of("dataframes"), "no-go", "2d", null, null,
                Map.of(), "Polars lazy API was fast; porting cost too much."));
        ConsoleClock clock = new ConsoleClock(Clock.fixed(Instant.parse("2025-06-02T09:00:00Z"), ZoneOffset.UTC));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new StringReader(String.join("\n", lines) + "\n"));
        try (ChatCore core = Features.core(Map.of(ChatConsole.GUILD, GuildConfig.console(kb)), ChannelAccess.ALL, clock,
                null)) {
            new ChatConsole(core, clock, in, out, me, true).loop(kb);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void askShowsTheAnswerAsReadableText() throws Exception {
        String out = session("/ask has anyone tried polars?", "quit");
        assertTrue(out.contains("┌─ Prior work: has anyone tried polars?"), out);
        assertTrue(out.contains("Evaluate Polars as a Pandas replacement"), out);
        assertTrue(out.contains("spike · **no-go** · carol · "), out);
        assertTrue(out.contains("**Polars**"), "highlight kept: " + out);
        assertFalse(out.contains("<t:"), "timestamps in words: " + out);
    }

    @Test
    void aWholeSpikeFromStartToCloseInTheThread() throws Exception {
        String out = session(
                "/spike start topic:Evaluate DuckDB for the reports timebox:2h template:library",
                "click 2",
                "select 1,3",
                "/spike note text:Runs the monthly report in 4s",
                "wait 1h",
                "/spike close outcome:go",
                "Adopt DuckDB for reports",
                "DuckDB vs Postgres, same 3 reports",
                "",
                "duckdb, reports",
                "/ask duckdb reports",
                "quit");
        assertTrue(out.contains("── new thread #Evaluate DuckDB for the reports in #general ──"), out);
        assertTrue(out.contains("[1] ☐ 1  [2] ☐ 2"), "buttons numbered: " + out);
        assertTrue(out.contains("#general › Evaluate DuckDB for the reports> click 2"), "prompt shows the thread: " + out);
        assertTrue(out.contains("(message updated)"), out);
        assertTrue(out.contains("2. ☑ Installs cleanly in our environment (alice)"), out);
        assertTrue(out.contains("[x] 3. Hello-world runs"), out);
        assertTrue(out.contains("Finding 1 by **alice**: Runs the monthly report in 4s"), out);
        assertTrue(out.contains("⏳ Half time on **Evaluate DuckDB for the reports**"), "reminder after wait: " + out);
        assertTrue(out.contains("── form: Close spike: go ──"), out);
        assertTrue(out.contains("Spike closed: go"), out);
        assertTrue(out.contains("── thread #Evaluate DuckDB for the reports archived ──"), out);
        assertTrue(out.contains("(you are in #general)"), out);
        assertTrue(Files.exists(kb.resolve("spikes/evaluate-duckdb-for-the-reports.md")));
        String note = Files.readString(kb.resolve("spikes/evaluate-duckdb-for-the-reports.md"));
        assertTrue(note.contains("tags: [duckdb, reports]"), note);
        assertTrue(note.contains("- [x] Hello-world runs (alice"), note);
        int lastAsk = out.lastIndexOf("Prior work: duckdb reports");
        assertTrue(lastAsk > 0 && out.indexOf("Evaluate DuckDB for the reports", lastAsk) > 0, out);
    }

    @Test
    void aThreadInACapturedChannelBecomesADiscussionThatAskFindsAndANewOneIsToldWhatCameBefore() throws Exception {
        String out = session(
                "/spikebot capture state:on channel:#general",
                "thread Dedupe near-identical product images",
                "We tried perceptual hashing (pHash) on the catalogue; a Hamming threshold of 8 caught the duplicates.",
                "leave",
                "/ask perceptual hashing hamming threshold",
                "thread Perceptual hashing for near-identical product images?",
                "Has anyone tried perceptual hashing to dedupe near-identical product images?",
                "/spikebot capture state:on channel:#nowhere",
                "quit");
        assertTrue(out.contains("Capture is on in #general"), out);
        assertTrue(out.contains("── new thread #Dedupe near-identical product images in #general ──"), out);
        int ask = out.indexOf("Prior work: perceptual hashing hamming threshold");
        assertTrue(ask > 0 && out.indexOf("💬 Dedupe near-identical product images", ask) > 0, out);
        int asked = out.indexOf("Has this been asked before?");
        assertTrue(asked > out.indexOf("── new thread #Perceptual hashing"), "the new thread is told: " + out);
        assertTrue(out.indexOf("Dedupe near-identical product images", asked) > 0, out);
        assertTrue(out.contains("(no channel or thread named '#nowhere'; `threads` lists them)"), out);
        try (var files = Files.list(kb.resolve("discussions/general"))) {
            Note note = new KnowledgeBase(kb).read("discussions/general/" + files.sorted().findFirst().orElseThrow()
                    .getFileName()).note();
            assertEquals(NoteKind.DISCUSSION, note.kind());
            assertEquals("console", note.extraText("source"), "marked as written in the console, not in Discord");
        }
    }

    @Test
    void aNoteWrittenInTheConsoleSaysSoAndIsDatedByTheCalendarNotByWait() throws Exception {
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        session("/spike start topic:Evaluate DuckDB for the reports timebox:2d", "wait 3d",
                "/spike close outcome:no-go summary:Slower than the warehouse on big joins", "quit");
        LocalDate after = LocalDate.now(ZoneOffset.UTC);
        Note written = new KnowledgeBase(kb).read("spikes/evaluate-duckdb-for-the-reports.md").note();
        assertTrue(written.date().equals(before) || written.date().equals(after), "dated " + written.date());
        assertEquals("console", written.extraText("source"));
        assertEquals(null, written.extraText("guild"), "no Discord guild that would hide it there");
        assertEquals(null, written.extraText("channel"));
        assertEquals(null, written.link());
    }

    @Test
    void threadsSurviveARestartByName() throws Exception {
        session("/spike start topic:Evaluate DuckDB for the reports timebox:2d", "quit");
        String out = session("threads", "go Evaluate DuckDB for the reports", "/spike status", "leave", "/spike list",
                "quit");
        assertTrue(out.contains("  #Evaluate DuckDB for the reports"), out);
        assertTrue(out.contains("#general › Evaluate DuckDB for the reports>"), "go enters it: " + out);
        assertTrue(out.contains("Spike: Evaluate DuckDB for the reports"), "/spike status in its thread: " + out);
        assertFalse(out.matches("(?s).*#\\d{6,}.*"), "no raw ids: " + out);
    }

    @Test
    void formsTakeInlineFieldsAndButtonsOpenForms() throws Exception {
        String out = session(
                "/solved problem:Notebook kernel dies on import solution:Pin numpy<2",
                "/ask quantum annealing for the scheduler",
                "click 1",
                "",
                "A faster scheduler",
                "30m",
                "",
                "",
                "quit");
        assertTrue(out.contains("Saved as a solution: **Notebook kernel dies on import**"), out);
        assertTrue(out.contains("[1] Start a spike"), out);
        assertTrue(out.contains("Topic (required) [Quantum annealing for the scheduler]: "), out);
        assertTrue(out.contains("── new thread #Quantum annealing for the scheduler"), out);
        assertTrue(out.contains("30m · ends"), out);
    }

    @Test
    void mistakesGetOneLineAnswers() throws Exception {
        String out = session("/spike start topic:x timebox:999w", "/spike note text:hi", "click 9", "select 1",
                "/frobnicate", "wait soon", "go nowhere", "quit");
        assertTrue(out.contains("(only you can see this)\n'999w' is too long"), out);
        assertTrue(out.contains("This is not the thread of an open spike"), out);
        assertTrue(out.contains("(there is nothing to click on screen)"), out);
        assertTrue(out.contains("(there is no select menu on screen)"), out);
        assertTrue(out.contains("(unknown command /frobnicate"), out);
        assertTrue(out.contains("(say how long"), out);
        assertTrue(out.contains("(no channel or thread named 'nowhere'"), out);
    }

    @Test
    void runsAsASubcommandAndRefusesAMissingFolder() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayInputStream("help\nquit\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, Main.run(new String[]{"chat", "--kb", kb.toString(), "--user", "bob", "--search", "bm25"},
                console));
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("You are bob in #general"), shown);
        assertTrue(shown.contains("/spike close outcome:… [summary:] [spike:]"), shown);
        assertTrue(shown.contains("click N"), shown);

        assertEquals(2, Main.run(new String[]{"chat", "--kb", kb.resolve("missing").toString()}, console));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("knowledge base folder '" + kb.resolve("missing")
                + "' does not exist"), err.toString());
    }

    @Test
    void waitingNeverMakesAReminderLateAndTimeOnlyMovesForward() throws Exception {
        String out = session(
                "/spike start topic:Try Polars on the ETL timebox:2h",
                "wait -2h",
                "wait 1d 1h30m",
                "quit");
        assertTrue(out.contains("(time only moves forward"), out);
        int waited = out.indexOf("> wait 1d 1h30m");
        assertTrue(waited > 0 && out.indexOf("Half time on **Try Polars on the ETL**") > waited,
                "the refused wait moved no time; the next one brings the reminders: " + out);
        assertTrue(out.contains("(1 day 1 hour 30 minutes pass…)"), out);
        assertTrue(out.contains("Time is up for **Try Polars on the ETL**"), out);
        assertFalse(out.contains("late"), "every reminder came at its time: " + out);
        assertFalse(out.contains("while I was offline"), out);
    }

    @Test
    void cancelClosesAFormWithoutSavingIt() throws Exception {
        String out = session("help", "/solved", "Notebook kernel dies on import", "cancel", "quit");
        assertTrue(out.contains("cancel                   in a form: close it without saving anything"), out);
        assertTrue(out.contains("`cancel` to cancel the form"), out);
        assertTrue(out.contains("(form cancelled: nothing was saved)"), out);
        assertFalse(out.contains("Saved as a solution"), out);
        assertFalse(Files.exists(kb.resolve("solutions")), "no note written");
    }

    @Test
    void aMemberWithoutManageServerIsRefusedWhatOnlyManagersMayDo() throws Exception {
        String out = session(new Actor("2", "bob", false), "/spikebot passive state:on", "quit");
        assertTrue(out.contains("You are bob (a member without Manage Server)"), out);
        assertTrue(out.contains("Only someone with the Manage Server permission"), out);
        String manager = session("/spikebot passive state:on", "quit");
        assertFalse(manager.contains("Only someone with the Manage Server permission"), manager);
    }

    @Test
    void memberAndUserOptionsReachTheConsole() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayInputStream("quit\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, Main.run(new String[]{"chat", "--kb", kb.toString(), "--user", "tester", "--member",
                "--search", "bm25"}, console));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("You are tester (a member without Manage Server)"),
                out.toString(StandardCharsets.UTF_8));

        assertEquals(2, Main.run(new String[]{"chat", "--kb", kb.toString(), "--user", " "}, console));
        assertEquals("spikebot chat: --user needs a name", err.toString(StandardCharsets.UTF_8).strip());
    }
}
