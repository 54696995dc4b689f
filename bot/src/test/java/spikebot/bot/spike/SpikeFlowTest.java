package spikebot.bot.spike;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.Card;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.Control;
import spikebot.bot.core.Defer;
import spikebot.bot.core.Event;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Form;
import spikebot.bot.core.Limits;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.core.ChatDriver.ADMIN;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.BOB;
import static spikebot.bot.core.ChatDriver.T0;
import static spikebot.bot.core.ChatDriver.assertPrivateReply;
import static spikebot.bot.core.ChatDriver.in;
import static spikebot.bot.core.ChatDriver.note;
import static spikebot.bot.core.ChatDriver.only;
import static spikebot.bot.core.ChatDriver.all;
import static spikebot.bot.core.ChatDriver.text;

class SpikeFlowTest {
    @TempDir
    Path kb;
    ChatDriver bot;

    @BeforeEach
    void setUp() {
        note(kb, NoteKind.SPIKE, "Evaluate Polars as a Pandas replacement", "no-go",
                "The lazy API was fast but porting the feature jobs cost too much.", null);
        bot = ChatDriver.single(kb);
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    @Test
    void startOpensAThreadWhoseFirstMessageHasThePlanTheBoxAndPriorWork() {
        var start = new Event.SlashCommand(in("100", ALICE), "spike", "start", ChatDriver.options(
                "topic", "Evaluate Polars lazy API", "goal", "Nightly job under 1h", "timebox", "2d",
                "template", "library", "format", "pair"));
        assertEquals(Optional.of(new Defer(false)), bot.core.deferral(start));
        List<Action> actions = bot.core.handle(start);
        Action.OpenThread open = only(actions, Action.OpenThread.class);
        assertEquals("100", open.channelId());
        assertEquals("Evaluate Polars lazy API", open.name());
        String card = text(open.first());
        assertTrue(card.contains("Nightly job under 1h"), card);
        assertTrue(card.contains("alice"), card);
        assertTrue(card.contains("pair"), card);
        assertTrue(card.contains("2d · ends <t:" + T0.plus(Duration.ofDays(2)).getEpochSecond() + ":F>"), card);
        assertTrue(card.contains(":R>"), card);
        assertTrue(card.contains("1. ☐ Problem stated"), card);
        assertTrue(card.contains("Hello-world runs"), card);
        assertTrue(card.contains("Before you start: prior work"), card);
        assertTrue(card.contains("Evaluate Polars as a Pandas replacement"), card);

        List<Action> after = new ArrayList<>();
        String thread = bot.openThread(in("100", ALICE), actions, after);
        Action.Reply started = only(after, Action.Reply.class);
        assertFalse(started.ephemeral());
        assertTrue(started.message().content().contains("<#" + thread + ">"), started.message().content());
    }

    @Test
    void afterARestartTheFirstMessageStillShowsItsPriorWork() {
        String thread = bot.startSpike(in("100", ALICE), "topic", "Evaluate Polars lazy API");
        bot.restart();
        String card = text(only(bot.click(bot.inThread(thread, ALICE), "spike:tick:" + spikeId(thread) + ":0",
                thread), Action.Update.class).message());
        assertTrue(card.contains("Evaluate Polars as a Pandas replacement"), card);
        assertTrue(card.contains("Checklist (1/5)"), card);
    }

    @Test
    void startingInsideAThreadOpensTheNewThreadInItsParent() {
        String first = bot.startSpike(in("100", ALICE), "topic", "One");
        List<Action> actions = bot.slash(bot.inThread(first, ALICE), "spike", "start", "topic", "Two");
        assertEquals("100", only(actions, Action.OpenThread.class).channelId());
    }

    @Test
    void buttonsAndTheSelectMenuTickItemsAndUpdateTheMessage() {
        String thread = bot.startSpike(in("100", ALICE), "topic", "Evaluate Polars", "template", "library");
        Action.Update update = only(bot.click(bot.inThread(thread, BOB), "spike:tick:" + spikeId(thread) + ":1",
                thread), Action.Update.class);
        String card = text(update.message());
        assertTrue(card.contains("Checklist (1/6)"), card);
        assertTrue(card.contains("2. ☑ Installs cleanly in our environment (bob)"), card);
        Control.Button second = button(update.message(), "☑ 2");
        assertEquals(Control.Style.SUCCESS, second.style());

        List<Action> selected = bot.core.handle(new Event.SelectChoice(bot.inThread(thread, ALICE),
                "spike:check:" + spikeId(thread), thread, List.of("0", "3", "99", "x")));
        String after = text(only(selected, Action.Update.class).message());
        assertTrue(after.contains("Checklist (2/6)"), after);
        assertTrue(after.contains("1. ☑"), after);
        assertTrue(after.contains("2. ☐"), "unticked by the menu: " + after);
        assertTrue(after.contains("4. ☑"), after);
    }

    @Test
    void notesExtensionsStatusAndList() {
        String thread = bot.startSpike(in("100", ALICE), "topic", "Evaluate Polars", "timebox", "4h");
        List<Action> noted = bot.slash(bot.inThread(thread, BOB), "spike", "note", "text", "Lazy API 3x faster");
        assertTrue(text(noted).contains("Finding 1 by **bob**: Lazy API 3x faster"), text(noted));
        Action.Edit edit = only(noted, Action.Edit.class);
        assertEquals(thread, edit.channelId());
        assertTrue(text(edit.message()).contains("1 so far"), text(edit.message()));

        List<Action> extended = bot.slash(bot.inThread(thread, ALICE), "spike", "extend", "by", "2h",
                "reason", "GPU queue was full");
        assertTrue(text(extended).contains("extended by 2h (extension 1): GPU queue was full"), text(extended));
        assertTrue(text(extended).contains("<t:" + T0.plus(Duration.ofHours(6)).getEpochSecond() + ":F>"));
        bot.slash(bot.inThread(thread, ALICE), "spike", "extend", "by", "1h", "reason", "one more run");
        String status = text(bot.slash(bot.inThread(thread, ALICE), "spike", "status"));
        assertTrue(status.contains("4h + 2 extensions"), status);

        String other = bot.startSpike(in("100", BOB), "topic", "Try DuckDB", "timebox", "1h");
        bot.clock.advance(Duration.ofHours(2));
        List<Action> list = bot.slash(in("100", ALICE), "spike", "list");
        Action.Reply reply = only(list, Action.Reply.class);
        assertTrue(reply.ephemeral());
        String shown = text(list);
        assertTrue(shown.contains("Open spikes (2)"), shown);
        assertTrue(shown.contains("Try DuckDB"), shown);
        assertTrue(shown.contains("**overdue**"), shown);
        assertTrue(shown.contains("5h left"), shown);
        assertTrue(shown.indexOf("Try DuckDB") < shown.indexOf("Evaluate Polars"), "soonest deadline first");
        assertNotNull(other);
    }

    @Test
    void onlyOwnerParticipantOrManagerMayCloseOrExtend() {
        String thread = bot.startSpike(in("100", ALICE), "topic", "Evaluate Polars");
        assertPrivateReply(bot.slash(bot.inThread(thread, BOB), "spike", "close", "outcome", "go",
                "summary", "sneaky"), "Only the owner (alice), a participant or someone with Manage Server");
        assertPrivateReply(bot.slash(bot.inThread(thread, BOB), "spike", "extend", "by", "1h", "reason", "x"),
                "Only the owner");

        bot.click(bot.inThread(thread, BOB), "spike:join:" + spikeId(thread), thread);
        assertTrue(text(bot.slash(bot.inThread(thread, BOB), "spike", "extend", "by", "1h", "reason", "joined"))
                .contains("extended by 1h"));
        assertTrue(text(bot.slash(bot.inThread(thread, ADMIN), "spike", "extend", "by", "1h", "reason", "admin"))
                .contains("extension 2"));
    }

    @Test
    void aStartFormWithBadFieldsSaysEveryOneAndReopensWithWhatWasTyped() {
        List<Action> refused = bot.submit(in("100", ALICE), "spike:new", "topic", "Evaluate DuckDB",
                "goal", "Faster reports", "timebox", "soon", "template", "nope", "format", "crowd");
        Action.Reply reply = only(refused, Action.Reply.class);
        assertTrue(reply.ephemeral());
        String text = text(refused);
        assertTrue(text.contains("3 fields need a fix"), text);
        assertTrue(text.contains("Unknown template 'nope'") && text.contains("solo, pair or team"), text);
        assertTrue(all(refused, Action.OpenThread.class).isEmpty(), "nothing started");

        String fix = ((Control.Button) reply.message().rows().get(0).components().get(0)).customId();
        Form again = only(bot.click(in("100", ALICE), fix, "m1"), Action.ShowForm.class).form();
        Map<String, String> kept = new java.util.HashMap<>();
        again.inputs().forEach(i -> kept.put(i.id(), i.value()));
        assertEquals("Evaluate DuckDB", kept.get("topic"));
        assertEquals("Faster reports", kept.get("goal"));
        assertEquals("soon", kept.get("timebox"), "what was typed, to correct");
        assertEquals("crowd", kept.get("format"));

        Action.OpenThread started = only(bot.submit(in("100", ALICE), "spike:new", "topic", "Evaluate DuckDB",
                "goal", "Faster reports", "timebox", "2h", "template", "general", "format", "solo"),
                Action.OpenThread.class);
        assertTrue(started.name().contains("Evaluate DuckDB"));
    }

    @Test
    void aClosedSpikeReopensFromWhereItStoppedWithItsNoteAsPriorWork() throws Exception {
        String thread = bot.startSpike(in("100", ALICE), "topic", "Evaluate Rust dataframe engines",
                "template", "library");
        bot.click(bot.inThread(thread, ALICE), "spike:tick:" + spikeId(thread) + ":0", thread);
        bot.slash(bot.inThread(thread, ALICE), "spike", "close", "outcome", "shelved", "summary",
                "Too young: no window functions yet");

        List<Action> reopened = bot.slash(in("100", BOB), "spike", "reopen", "note",
                "spikes/evaluate-rust-dataframe-engines.md", "timebox", "2d");
        Action.OpenThread open = only(reopened, Action.OpenThread.class);
        String card = text(open.first());
        assertTrue(card.contains("♻ Reopens `spikes/evaluate-rust-dataframe-engines.md`"), card);
        assertTrue(card.contains("Checklist (1/"), "the item done before stays done: " + card);
        assertTrue(card.contains("has anything changed since"), card);

        Action.OpenThread byTitle = only(bot.slash(in("100", BOB), "spike", "reopen", "note",
                "Rust dataframe engines"), Action.OpenThread.class);
        assertTrue(text(byTitle.first()).contains("♻ Reopens `spikes/evaluate-rust-dataframe-engines.md`"));
        assertPrivateReply(bot.slash(in("100", BOB), "spike", "reopen", "note", "quantum annealing"),
                "No closed spike or paper check");
    }

    @Test
    void closingWithAModalWritesTheNoteIndexesItAtOnceAndArchivesTheThread() throws Exception {
        String thread = bot.startSpike(in("100", ALICE), "topic", "Evaluate Rust dataframe engines",
                "template", "library");
        String id = spikeId(thread);
        bot.click(bot.inThread(thread, BOB), "spike:join:" + id, thread);
        bot.click(bot.inThread(thread, BOB), "spike:tick:" + id + ":0", thread);
        bot.slash(bot.inThread(thread, BOB), "spike", "note", "text", "Arrow interop is zero-copy");
        bot.slash(bot.inThread(thread, ALICE), "spike", "extend", "by", "1h", "reason", "needed more data");
        bot.clock.advance(Duration.ofHours(3));

        List<Action> asked = bot.slash(bot.inThread(thread, ALICE), "spike", "close", "outcome", "go");
        Form form = only(asked, Action.ShowForm.class).form();
        assertEquals(1, asked.size());
        assertEquals(List.of("summary", "approaches", "next_steps", "tags"),
                form.inputs().stream().map(Form.TextInput::id).toList());
        assertEquals(Optional.empty(), bot.core.deferral(new Event.SlashCommand(bot.inThread(thread, ALICE),
                "spike", "close", Map.of("outcome", "go"))), "a modal cannot follow a deferral");

        List<Action> closed = bot.submit(bot.inThread(thread, ALICE), form.customId(),
                "summary", "Adopt for the nightly job", "approaches", "Pandas vs Rust engine: 3x faster, same output",
                "next_steps", "Port job 2", "tags", "Dataframes, rust");
        String summary = text(closed);
        assertTrue(summary.contains("Spike closed: go"), summary);
        assertTrue(summary.contains("Adopt for the nightly job"), summary);
        assertEquals(thread, only(closed, Action.ArchiveThread.class).threadId());
        Action.Edit firstMessage = only(closed, Action.Edit.class);
        assertTrue(firstMessage.message().rows().isEmpty(), "no controls on a closed spike");

        var kbFiles = new KnowledgeBase(kb);
        Note note = kbFiles.read("spikes/evaluate-rust-dataframe-engines.md").note();
        assertEquals(NoteKind.SPIKE, note.kind());
        assertEquals("go", note.outcome());
        assertEquals(List.of("alice", "bob"), note.authors());
        assertEquals(List.of("dataframes", "rust"), note.tags());
        assertEquals("g1", note.extraText("guild"));
        assertEquals(thread, note.extraText("channel"));
        assertEquals("https://discord.com/channels/g1/" + thread, note.link());
        assertTrue(note.body().contains("- [x] Problem stated"), note.body());
        assertTrue(note.body().contains("bob: Arrow interop is zero-copy"), note.body());
        assertTrue(note.body().contains("needed more data"), note.body());
        assertTrue(note.body().contains("participants: bob"), note.body());

        String answer = text(bot.slash(in("100", BOB), "ask", null, "question", "rust dataframe engine"));
        assertTrue(answer.contains("Evaluate Rust dataframe engines"), "the next /ask finds it: " + answer);
        assertTrue(answer.contains("https://discord.com/channels/g1/" + thread), answer);

        assertPrivateReply(bot.slash(bot.inThread(thread, ALICE), "spike", "note", "text", "late"),
                "not the thread of an open spike");
        assertFalse(Files.list(kb.resolve(".spikebot/spikes")).anyMatch(p -> p.toString().endsWith(".json")),
                "the closed spike left the store");
    }

    @Test
    void closingInlineNeedsNoModalAndFromOutsideTheThreadPostsThere() {
        String thread = bot.startSpike(in("100", ALICE), "topic", "Evaluate Polars");
        List<Action> closed = bot.slash(in("100", ALICE), "spike", "close", "outcome", "shelved",
                "summary", "Not now", "spike", spikeId(thread));
        assertEquals(thread, only(closed, Action.Post.class).channelId());
        assertTrue(text(closed).contains("shelved"), text(closed));
    }

    @Test
    void aPaperCheckClosesWithClaimAgainstMeasurementCostAndAvailability() throws Exception {
        List<Action> actions = bot.slash(in("100", ALICE), "papercheck", "start",
                "paper", "https://arxiv.org/abs/2207.01848", "claim", "TabPFN beats XGBoost on small tables",
                "timebox", "2d");
        Action.OpenThread open = only(actions, Action.OpenThread.class);
        assertEquals("Paper check: TabPFN beats XGBoost on small tables", open.name());
        assertTrue(text(open.first()).contains("Code available?"), "paper template");
        String thread = bot.openThread(in("100", ALICE), actions, new ArrayList<>());

        assertPrivateReply(bot.slash(bot.inThread(thread, ALICE), "spike", "close", "outcome", "go"),
                "reproduced, partially-reproduced, not-reproduced, not-attempted");
        Form form = only(bot.slash(bot.inThread(thread, ALICE), "spike", "close", "outcome",
                "partially-reproduced"), Action.ShowForm.class).form();
        assertEquals(List.of("summary", "measured", "compute_cost", "code", "data"),
                form.inputs().stream().map(Form.TextInput::id).toList());
        List<Action> closed = bot.submit(bot.inThread(thread, ALICE), form.customId(), "summary", "Only below 1k rows",
                "measured", "AUC 0.81 vs 0.80", "compute_cost", "3 GPU hours", "code", "yes", "data", "no");
        assertTrue(text(closed).contains("AUC 0.81 vs 0.80"), text(closed));
        Note note = new KnowledgeBase(kb).read("paper-checks/tabpfn-beats-xgboost-on-small-tables.md").note();
        assertEquals(NoteKind.PAPER_CHECK, note.kind());
        assertEquals("partially-reproduced", note.outcome());
        assertEquals("https://arxiv.org/abs/2207.01848", note.paper());
        assertTrue(note.body().contains("- Compute cost: 3 GPU hours"), note.body());
    }

    @Test
    void hostileOptionsGetClearAnswers() {
        var here = in("100", ALICE);
        assertPrivateReply(bot.slash(here, "spike", "start", "topic", "x", "timebox", "0m"), "at least 15m");
        assertPrivateReply(bot.slash(here, "spike", "start", "topic", "x", "timebox", "999w"), "at most 4w");
        assertPrivateReply(bot.slash(here, "spike", "start", "topic", "x", "timebox", "soon"), "not a time box");
        assertPrivateReply(bot.slash(here, "spike", "start", "topic", "\u200B\u202E"), "Give the spike a topic");
        assertPrivateReply(bot.slash(here, "spike", "start", "topic", "t".repeat(5000)), "at most 200 characters");
        assertPrivateReply(bot.slash(here, "spike", "start", "topic", "x", "template", "@everyone"),
                "Unknown template");
        assertPrivateReply(bot.slash(here, "spike", "start", "topic", "x", "format", "crowd"), "solo, pair or team");
        assertPrivateReply(bot.slash(here, "spike", "status", "spike", "../../etc"), "No open spike with id");
        assertPrivateReply(bot.click(here, "spike:tick:nope:1", "m"), "No open spike");
        assertPrivateReply(bot.click(here, "garbage", "m"), "not one I know");
        assertPrivateReply(bot.submit(here, "spike:close:zzz:go", "summary", "x"), "already closed");

        String thread = bot.startSpike(here, "topic", "<@123> @everyone **bold**");
        String card = text(bot.slash(bot.inThread(thread, ALICE), "spike", "status"));
        assertFalse(card.contains("@everyone"), card);
        assertFalse(card.contains("<@123>"), card);
        assertTrue(card.contains("\\*\\*bold\\*\\*"), card);
        assertPrivateReply(bot.slash(bot.inThread(thread, ALICE), "spike", "note", "text", "n".repeat(3000)),
                "at most 2000 characters");
        assertPrivateReply(bot.click(bot.inThread(thread, ALICE), "spike:tick:" + spikeId(thread) + ":77", thread),
                "not one I know");
    }

    @Test
    void statusShowsTheFindingsThemselvesCutToFitDiscord() {
        String thread = bot.startSpike(in("100", ALICE), "topic", "Evaluate Polars");
        bot.slash(bot.inThread(thread, BOB), "spike", "note", "text", "Lazy API 3x faster");
        bot.slash(bot.inThread(thread, ALICE), "spike", "note", "text", "Arrow interop\nis zero-copy");
        String status = text(bot.slash(bot.inThread(thread, ALICE), "spike", "status"));
        assertTrue(status.contains("Findings (2)"), status);
        assertTrue(status.contains("1. **bob**: Lazy API 3x faster"), status);
        assertTrue(status.contains("2. **alice**: Arrow interop is zero-copy"), status);

        for (int i = 3; i <= 11; i++) {
            bot.slash(bot.inThread(thread, BOB), "spike", "note", "text", "finding " + i + " " + "x".repeat(150));
        }
        bot.slash(bot.inThread(thread, ALICE), "spike", "note", "text", "long ".repeat(399) + "END");
        Card card = only(bot.slash(bot.inThread(thread, ALICE), "spike", "status"), Action.Reply.class)
                .message().embeds().get(0);
        Card.Field findings = card.fields().stream().filter(f -> f.name().startsWith("Findings")).findFirst()
                .orElseThrow();
        assertEquals("Findings (12)", findings.name());
        assertTrue(findings.value().length() <= Limits.FIELD_VALUE, findings.value().length() + " characters");
        assertTrue(findings.value().contains("11. **bob**: finding 11"), findings.value());
        assertTrue(findings.value().contains("12. **alice**: long long"), "the latest is shown: " + findings.value());
        assertTrue(findings.value().startsWith("… 8 earlier findings (all go into the note)\n9. **bob**"),
                findings.value());
        assertFalse(findings.value().contains("END"), "a long finding is cut");
    }

    @Test
    void editChangesTopicAndGoalForThoseWhoRunTheSpike() {
        String thread = bot.startSpike(in("100", ALICE), "topic", "Evaluate Polars", "goal", "Faster ETL");
        assertPrivateReply(bot.slash(bot.inThread(thread, BOB), "spike", "edit", "goal", "sneaky"),
                "Only the owner (alice), a participant or someone with Manage Server can edit this spike");
        assertPrivateReply(bot.slash(bot.inThread(thread, ALICE), "spike", "edit"), "Say what to change");
        assertPrivateReply(bot.slash(bot.inThread(thread, ALICE), "spike", "edit", "topic", "t".repeat(300)),
                "at most 200 characters");

        List<Action> edited = bot.slash(bot.inThread(thread, ALICE), "spike", "edit", "topic", "Evaluate Polars lazy",
                "goal", "Nightly job under 1h");
        assertTrue(text(edited).contains("topic: **Evaluate Polars lazy**; goal: Nightly job under 1h"),
                text(edited));
        String card = text(only(edited, Action.Edit.class).message());
        assertTrue(card.contains("Spike: Evaluate Polars lazy"), card);
        assertTrue(card.contains("**Goal:** Nightly job under 1h"), card);

        String byManager = text(bot.slash(bot.inThread(thread, ADMIN), "spike", "edit", "goal", "Under 30m"));
        assertTrue(byManager.contains("goal: Under 30m"), byManager);
        String status = text(bot.slash(bot.inThread(thread, BOB), "spike", "status"));
        assertTrue(status.contains("Evaluate Polars lazy") && status.contains("Under 30m"), status);
    }

    @Test
    void extensionsStopAtFourWeeksInAll() {
        String thread = bot.startSpike(in("100", ALICE), "topic", "Evaluate Polars", "timebox", "1w");
        var here = bot.inThread(thread, ALICE);
        assertTrue(text(bot.slash(here, "spike", "extend", "by", "2w", "reason", "a")).contains("extended by 2w"));
        assertPrivateReply(bot.slash(here, "spike", "extend", "by", "2w", "reason", "b"),
                "A spike runs at most 4w in all, its time box and extensions together; this one has 3w, so it can "
                        + "be extended by at most 1w.");
        assertTrue(text(bot.slash(here, "spike", "extend", "by", "1w", "reason", "c")).contains("extension 2"));
        assertPrivateReply(bot.slash(here, "spike", "extend", "by", "15m", "reason", "d"),
                "this one has 4w, so it cannot be extended again");
        String status = text(bot.slash(here, "spike", "status"));
        assertTrue(status.contains("1w + 2 extensions · ends <t:" + T0.plus(Duration.ofDays(28)).getEpochSecond()),
                status);
    }

    @Test
    void solvedInASpikesThreadStartsFromTheSpikeAndTakesTags() throws Exception {
        String thread = bot.startSpike(in("100", ALICE), "topic", "CUDA OOM in fine-tuning", "goal",
                "Batch 64 on the A10s");
        Form form = only(bot.slash(bot.inThread(thread, BOB), "solved", null), Action.ShowForm.class).form();
        assertEquals("CUDA OOM in fine-tuning\n\nBatch 64 on the A10s", form.inputs().get(0).value());
        assertEquals("tags", form.inputs().get(4).id());
        Form elsewhere = only(bot.slash(in("100", BOB), "solved", null), Action.ShowForm.class).form();
        assertEquals(null, elsewhere.inputs().get(0).value(), "outside a spike's thread the problem starts empty");

        bot.submit(bot.inThread(thread, BOB), form.customId(), "problem", form.inputs().get(0).value(),
                "solution", "Gradient accumulation", "tags", "CUDA, #fine tuning");
        Note note = new KnowledgeBase(kb).read("solutions/cuda-oom-in-fine-tuning.md").note();
        assertEquals(List.of("cuda", "fine-tuning"), note.tags());
    }

    @Test
    void listShowsEachSpikeByItsThreadLinkAndTopic() {
        String thread = bot.startSpike(in("100", ALICE), "topic", "Evaluate Polars");
        bot.slash(bot.inThread(thread, ALICE), "spike", "note", "text", "one");
        Card list = only(bot.slash(in("100", ALICE), "spike", "list"), Action.Reply.class).message().embeds().get(0);
        assertEquals("🧪 Evaluate Polars", list.fields().get(0).name());
        // <#id> is how Discord names a thread: every client shows the thread's name there, and so does the console.
        assertTrue(list.fields().get(0).value().contains("<#" + thread + ">"), list.fields().get(0).value());
        assertTrue(list.fields().get(0).value().contains("1 finding ·"), list.fields().get(0).value());
    }

    @Test
    void customIdsRoundTripStayShortAndOldOnesGetAClearAnswer() {
        List<SpikeIds> ids = List.of(new SpikeIds.Tick("k3xq9a", 14), new SpikeIds.Join("k3xq9a"),
                new SpikeIds.Check("k3xq9a"), new SpikeIds.Close("a".repeat(40), "partially-reproduced"),
                new SpikeIds.StartForm(), new SpikeIds.StartOffer("abcdefgh23"), new SpikeIds.ThreadRef("k3xq9a"));
        for (SpikeIds id : ids) {
            assertEquals(Optional.of(id), SpikeIds.parse(id.customId()), id.customId());
            assertTrue(id.customId().length() <= Limits.CUSTOM_ID, id.customId());
        }
        for (String forged : List.of("spike", "spike:tick:k3xq9a", "spike:tick:k3xq9a:-1", "spike:tick:K!:1",
                "spike:close:k3xq9a:Go Now", "spike:join:", "spike:fly:k3xq9a", "ask:tick:k3xq9a:1")) {
            assertEquals(Optional.empty(), SpikeIds.parse(forged), forged);
        }
        assertPrivateReply(bot.click(in("100", ALICE), "spike:vote:k3xq9a:1", "m"),
                "it may be from an older version of this message");
        Form old = only(bot.click(in("100", ALICE), "spike:new:Evaluate Polars: lazy", "m"),
                Action.ShowForm.class).form();
        assertEquals("Evaluate Polars: lazy", old.inputs().get(0).value(), "an old button carried its topic");
    }

    @Test
    void aFailedThreadStartsNoSpike() {
        List<Action> actions = bot.slash(in("100", ALICE), "spike", "start", "topic", "Nope");
        String ref = only(actions, Action.OpenThread.class).ref();
        assertPrivateReply(bot.core.handle(new Event.ThreadFailed(in("100", ALICE), ref, "Missing Permission")),
                "could not open the thread");
        assertPrivateReply(bot.slash(in("100", ALICE), "spike", "list"), "No open spikes");
    }

    private String spikeId(String thread) {
        String footer = text(bot.slash(bot.inThread(thread, ALICE), "spike", "status"));
        var m = java.util.regex.Pattern.compile("(?:Spike|Paper check) ([a-z0-9]+) ·").matcher(footer);
        assertTrue(m.find(), footer);
        return m.group(1);
    }

    private static Control.Button button(Draft m, String label) {
        return m.rows().stream().flatMap(r -> r.components().stream())
                .filter(c -> c instanceof Control.Button b && label.equals(b.label()))
                .map(Control.Button.class::cast).findFirst().orElseThrow();
    }
}
