package spikebot.knowledge.discussion;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.MalformedNoteException;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFormat;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.NoteParser;
import spikebot.knowledge.text.Passages;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiscussionNotesTest {
    private static final Instant START = Instant.parse("2026-11-30T09:12:00Z");
    private static final DiscussionThread THREAD = new DiscussionThread("g1", "c1", "ml-help", "t1",
            "Pin the CUDA version?", START, false, List.of("docker", "#gpu"), null);

    private static DiscussionMessage message(String id, String authorId, String author, int minutes, String text) {
        return new DiscussionMessage(id, authorId, author, START.plusSeconds(60L * minutes), null, text, null, List.of());
    }

    private static DiscussionMessage reply(String id, String authorId, String author, int minutes, String text,
                                           String to) {
        return new DiscussionMessage(id, authorId, author, START.plusSeconds(60L * minutes), null, text, to, List.of());
    }

    private static Note roundTrip(Note note) throws MalformedNoteException {
        return NoteParser.parse(NoteFormat.render(note), "discussions/ml-help/x.md");
    }

    @Test
    void pathIsChannelThenThreadNameAndIdAsSlugs() {
        assertEquals("discussions/ml-help/pin-the-cuda-version-t1.md", DiscussionNotes.path(THREAD));
        DiscussionThread hostile = new DiscussionThread("g", "c", "../../etc", "12/../34", "a/b\\c\n../x", START,
                false, List.of(), null);
        String path = DiscussionNotes.path(hostile);
        assertEquals("discussions/etc/a-b-c-x-12-34.md", path);
        DiscussionThread blank = new DiscussionThread("g", "c", null, "99", "  ", START, false, List.of(), null);
        assertEquals("discussions/c/thread-99.md", DiscussionNotes.path(blank));
        DiscussionThread sameName = new DiscussionThread("g1", "c1", "ml-help", "t2", THREAD.name(), START, false,
                List.of(), null);
        assertFalse(DiscussionNotes.path(sameName).equals(DiscussionNotes.path(THREAD)));
    }

    @Test
    void frontMatterHoldsTheThreadsFacts() throws Exception {
        DiscussionThread privateThread = new DiscussionThread("g1", "c1", "ml-help", "t1", "Pin CUDA", START, true,
                List.of("docker", "#gpu"), null);
        List<DiscussionMessage> messages = List.of(
                message("1", "u-a", "alice", 0, "How?"),
                message("2", "u-b", "bob", 1, "Digest."),
                message("3", "u-c", "carol", 2, "Agreed."),
                message("4", "u-c", "carol", 3, "Also the driver."),
                new DiscussionMessage("5", "u-b", "bob", START.plusSeconds(240), START.plusSeconds(900), "edited", null,
                        List.of()),
                message("6", "u-d", "dave", 5, "+1"));
        Note note = DiscussionNotes.note(new Discussion(privateThread, messages), id -> true);
        assertEquals(NoteKind.DISCUSSION, note.kind());
        assertEquals("Pin CUDA", note.title());
        assertEquals(LocalDate.of(2026, 11, 30), note.date());
        assertEquals(List.of("bob", "carol", "alice", "dave"), note.authors()); // 2, 2 (bob spoke first), 1, 1
        assertEquals(List.of("docker", "gpu"), note.tags());
        assertEquals("https://discord.com/channels/g1/t1", note.link());
        assertEquals("2026-11-30T09:27:00Z", note.extraText("updated"));
        assertEquals("t1", note.extraText("channel"), "a private thread is seen through itself");
        assertEquals("c1", DiscussionNotes.note(new Discussion(THREAD, messages), id -> true).extraText("channel"));
        assertEquals("g1", note.extraText("guild"));
        assertEquals("ml-help", note.extraText("parent"));
        assertEquals("t1", note.extraText("thread"));
        assertEquals(6, note.extra().get("messages"));
        assertEquals(note, roundTrip(note));
    }

    @Test
    void bodyShowsAuthorsTimesRepliesFilesAndCode() throws Exception {
        DiscussionMessage first = new DiscussionMessage("1", "u-a", "alice", START, null,
                "How do I pin it?\n\n```dockerfile\nFROM nvidia/cuda:12.2\n\n  RUN x\n```", null,
                List.of(new DiscussionMessage.Attachment("build log.txt", "https://cdn.example.com/a b/build.log")));
        DiscussionMessage second = new DiscussionMessage("2", "u-b", "bob", START.plusSeconds(480),
                START.plusSeconds(600), "Use the digest.", "1", List.of());
        Note note = DiscussionNotes.note(new Discussion(THREAD, List.of(first, second)), id -> true);
        assertEquals("""
                **alice** · 2026-11-30 09:12 UTC
                > How do I pin it?
                >
                > ```dockerfile
                > FROM nvidia/cuda:12.2
                >
                >   RUN x
                > ```

                📎 [build log\\.txt](<https://cdn.example.com/a%20b/build.log>)

                **bob** · 2026-11-30 09:20 UTC · edited · replying to alice
                > Use the digest.""", note.body());
        assertEquals("How do I pin it?\n\n```dockerfile\nFROM nvidia/cuda:12.2\n\n  RUN x\n```\n\n"
                + "[build log\\.txt](<https://cdn.example.com/a%20b/build.log>)", DiscussionNotes.question(note));
        assertEquals("> Use the digest.", DiscussionNotes.replies(note));
        List<String> passages = Passages.of(note.body()).stream().map(p -> p.text()).toList();
        assertTrue(passages.contains("FROM nvidia/cuda:12.2\n\n  RUN x"), passages.toString());
        assertTrue(passages.contains("📎 build log.txt"), passages.toString());
    }

    /** What people type in chat that is also Markdown structure: each stays inside its own message. */
    private static final List<String> HOSTILE = List.of(
            "# A heading\n---\ntitle: fake\nkind: spike\n---",
            "```python\nnever closed\n**mallory** · 2026-11-30 09:30 UTC\n*2026-11-30 09:30 UTC · a message left out at "
                    + "its author's request*",
            "<!-- hide everything after this\n<div>\n<script>alert(1)</script>",
            "text\n**mallory** · 2026-11-30 09:40 UTC · replying to alice\nfaked a header",
            "📎 [evil](<javascript:alert(1)>)\n*… 9 messages left out here to keep this note under 2 MB: x.*",
            "    indented code\n> quoted\n>> deeper\n\n- item\n1. one\n| a | b |\n|---|---|\n| 1 | 2 |",
            "nul\0 bell\u0007 del\u007F c1\u0085 cr\r lf\r\nls\u2028ps\u2029 lone\uD800 emoji 😀 rtl\u202E tab\t.",
            "$$ x $$ {{ liquid }} {% raw %} [[wiki]] ![img](x.png) <https://auto.link> <@123> <t:1:R>",
            "line with trailing spaces  \nnext");

    @Test
    void messagesCannotBreakOutOfTheirQuote() throws Exception {
        List<DiscussionMessage> messages = new ArrayList<>();
        messages.add(message("0", "u-a", "alice", 0, "Opening question"));
        for (int i = 0; i < HOSTILE.size(); i++) {
            messages.add(message(Integer.toString(i + 1), "u-m", "mallory\n**admin** [x](y)", i + 1, HOSTILE.get(i)));
        }
        Note note = DiscussionNotes.note(new Discussion(THREAD, messages), id -> true);
        assertEquals(note, roundTrip(note));

        List<DiscussionNotes.Post> posts = DiscussionNotes.posts(note);
        assertEquals(messages.size(), posts.size());
        assertEquals("Opening question", DiscussionNotes.question(note));
        for (int i = 1; i < posts.size(); i++) assertEquals("mallory **admin** [x](y)", posts.get(i).author());
        assertEquals(MessageText.clean(HOSTILE.get(0)), posts.get(1).text());
        assertEquals(MessageText.clean(HOSTILE.get(1)), posts.get(2).text());
        assertEquals(MessageText.clean(HOSTILE.get(3)), posts.get(4).text());
        assertEquals(MessageText.clean(HOSTILE.get(5)), posts.get(6).text());
        assertEquals(MessageText.clean(HOSTILE.get(8)), posts.get(9).text());

        // Rendered, the body is one paragraph (header) and one quote per message, nothing else at the top.
        Document doc = (Document) Parser.builder().build().parse(note.body());
        int quotes = 0;
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof BlockQuote) quotes++;
            assertFalse(n instanceof Heading || n instanceof ThematicBreak || n instanceof HtmlBlock, n.toString());
        }
        assertEquals(messages.size(), quotes);
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlBlock html) {
                throw new AssertionError("raw HTML left: " + html.getLiteral());
            }

            @Override
            public void visit(HtmlInline html) {
                throw new AssertionError("raw HTML left: " + html.getLiteral());
            }
        });
        assertFalse(note.body().contains("\0") || note.body().contains("\u0007") || note.body().contains("\r")
                || note.body().contains("\u2029") || note.body().contains("\uD800\u0020"));
        assertTrue(note.body().contains("emoji 😀"));
        assertTrue(note.body().contains("\\<!-- hide"), note.body());
    }

    @Test
    void onlyWebAddressesBecomeFileLinks() {
        DiscussionMessage m = new DiscussionMessage("1", "u", "u", START, null, "", null, List.of(
                new DiscussionMessage.Attachment("evil.js", "javascript:alert(1)"),
                new DiscussionMessage.Attachment("a]b.png", "https://cdn.example.com/x>y\n<z")));
        Note note = DiscussionNotes.note(new Discussion(THREAD, List.of(m)), id -> true);
        assertEquals("**u** · 2026-11-30 09:12 UTC\n\n📎 evil\\.js (file not linked: not a web address) · "
                + "[a\\]b\\.png](<https://cdn.example.com/x%3Ey%0A%3Cz>)", note.body());
    }

    @Test
    void leftOutMessagesKeepNeitherTextNorFilesNorName() throws Exception {
        List<DiscussionMessage> messages = List.of(
                message("1", "u-a", "alice", 0, "Question"),
                new DiscussionMessage("2", "u-secret", "Secretive Sam", START.plusSeconds(60), null,
                        "my private words", null,
                        List.of(new DiscussionMessage.Attachment("secret.pdf", "https://cdn.example.com/secret.pdf"))),
                reply("3", "u-b", "bob", 2, "Answer to sam", "2"),
                new DiscussionMessage("4", "u-b", "bob", START.plusSeconds(180), null, null, null, List.of()),
                reply("5", "u-a", "alice", 4, "Answer to a missing one", "404"));
        Note note = DiscussionNotes.note(new Discussion(THREAD, messages), id -> !id.equals("u-secret"));
        String file = NoteFormat.render(note);
        for (String secret : List.of("private words", "secret.pdf", "Secretive", "Sam", "u-secret")) {
            assertFalse(file.contains(secret), secret + " leaked into\n" + file);
        }
        assertEquals(List.of("alice", "bob"), note.authors());
        assertTrue(note.body().contains("*2026-11-30 09:13 UTC · a message left out at its author's request*"));
        assertTrue(note.body().contains("· replying to a message not shown\n> Answer to sam"));
        assertTrue(note.body().contains("· replying to a message not shown\n> Answer to a missing one"));
        List<DiscussionNotes.Post> posts = DiscussionNotes.posts(note);
        assertEquals(List.of(false, true, false, true, false), posts.stream().map(DiscussionNotes.Post::leftOut).toList());
        assertEquals(note, roundTrip(note));
    }

    @Test
    void aThreadOfOnlyLeftOutMessagesHasNoAuthorsAndNoQuestion() throws Exception {
        DiscussionThread unnamed = new DiscussionThread("g", "c", "help", "t9", "", START, false, List.of(), null);
        List<DiscussionMessage> messages = List.of(message("1", "u-x", "x", 0, "# Secret first line"),
                message("2", "u-y", "y", 1, "more"));
        Note note = DiscussionNotes.note(new Discussion(unnamed, messages), id -> false);
        assertEquals(DiscussionNotes.UNTITLED, note.title(), "the opening line of a left-out message is not a title");
        assertEquals(List.of(), note.authors());
        assertEquals("", DiscussionNotes.question(note));
        assertEquals("", DiscussionNotes.replies(note));
        assertEquals(2, DiscussionNotes.posts(note).size());
        assertFalse(NoteFormat.render(note).contains("Secret"));
        assertEquals(note, roundTrip(note));
    }

    @Test
    void anEmptyThreadIsANoteWithoutBody() throws Exception {
        Note note = DiscussionNotes.note(new Discussion(THREAD, List.of()), id -> true);
        assertEquals("", note.body());
        assertEquals(List.of(), DiscussionNotes.posts(note));
        assertEquals("", DiscussionNotes.question(note));
        assertEquals(START.toString(), note.extraText("updated"));
        assertEquals(0, note.extra().get("messages"));
        assertEquals(note, roundTrip(note));
    }

    @Test
    void anUnnamedThreadIsTitledByItsFirstLine() throws Exception {
        DiscussionThread unnamed = new DiscussionThread("g", "c", "help", "t9", " \n", START, false, List.of(), null);
        Note note = DiscussionNotes.note(new Discussion(unnamed, List.of(
                message("1", "u", "u", 0, "\n```\ncode first\n```\n## **Why** is `x` slow?\nbody"))), id -> true);
        assertEquals("code first", note.title());
        Note heading = DiscussionNotes.note(new Discussion(unnamed, List.of(
                message("1", "u", "u", 0, "## **Why** is `x` slow?\nbody"))), id -> true);
        assertEquals("Why is x slow?", heading.title());
        assertEquals(heading, roundTrip(heading));
    }

    @Test
    void aVeryLongThreadKeepsItsOpeningAndNewestMessagesUnderTheSizeLimit() throws Exception {
        List<DiscussionMessage> messages = new ArrayList<>();
        String line = "x".repeat(1_900) + " 😀\n";
        for (int i = 0; i < 5_000; i++) {
            messages.add(message(Integer.toString(i), "u" + (i % 400), "person number " + (i % 400) + " "
                    + "n".repeat(90), i, "message " + i + "\n" + line));
        }
        Note note = DiscussionNotes.note(new Discussion(THREAD, messages), id -> true);
        String file = NoteFormat.render(note);
        long bytes = file.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= KnowledgeBase.MAX_NOTE_BYTES, bytes + " bytes");
        assertTrue(bytes > KnowledgeBase.MAX_NOTE_BYTES - 8_000, "the budget is used, not wasted: " + bytes);
        assertEquals(note, roundTrip(note));
        List<DiscussionNotes.Post> posts = DiscussionNotes.posts(note);
        assertTrue(posts.get(0).text().startsWith("message 0\n"));
        assertTrue(posts.get(posts.size() - 1).text().startsWith("message 4999\n"));
        int kept = posts.size();
        assertTrue(note.body().contains("*… " + String.format("%,d", 5_000 - kept) + " messages left out here"),
                "says how many were left out");
        assertTrue(posts.get(1).text().startsWith("message " + (5_000 - kept + 1) + "\n"), "the newest ones follow");
        assertEquals(DiscussionNotes.MAX_AUTHORS, note.authors().size());
        assertEquals(5_000, note.extra().get("messages"));
    }

    @Test
    void fiveThousandShortMessagesAllFit() throws Exception {
        List<DiscussionMessage> messages = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) messages.add(message(Integer.toString(i), "u" + (i % 7), "p" + (i % 7), i, "ok " + i));
        Note note = DiscussionNotes.note(new Discussion(THREAD, messages), id -> true);
        List<DiscussionNotes.Post> posts = DiscussionNotes.posts(note);
        assertEquals(5_000, posts.size());
        assertEquals("ok 4999", posts.get(4_999).text());
        assertEquals(note, roundTrip(note));
    }

    @Test
    void aHugeMessageIsCutAndSaysSo() {
        String huge = "```\n" + "y".repeat(DiscussionNotes.MAX_MESSAGE_CHARS * 3);
        Note note = DiscussionNotes.note(new Discussion(THREAD, List.of(message("1", "u", "u", 0, huge),
                message("2", "v", "v", 1, "after"))), id -> true);
        assertTrue(note.body().contains("· only its first 16,000 characters kept"));
        List<DiscussionNotes.Post> posts = DiscussionNotes.posts(note);
        assertEquals(DiscussionNotes.MAX_MESSAGE_CHARS, posts.get(0).text().length());
        assertEquals("after", posts.get(1).text(), "an unclosed fence ends with its message");
    }

    @Test
    void textAPersonAddsToTheNoteIsKept() {
        Note captured = DiscussionNotes.note(new Discussion(THREAD, List.of(message("1", "u", "alice", 0, "Q"),
                message("2", "v", "bob", 1, "A"))), id -> true);
        Note edited = new Note(captured.kind(), captured.title(), captured.date(), captured.authors(),
                captured.tags(), null, null, null, captured.link(), captured.extra(),
                "Summary by hand.\n\n" + captured.body() + "\n\nSolved: use the digest.");
        List<DiscussionNotes.Post> posts = DiscussionNotes.posts(edited);
        assertEquals(List.of("Summary by hand.", "Q", "A\n\nSolved: use the digest."),
                posts.stream().map(DiscussionNotes.Post::text).toList());
    }

    @Test
    void namesStayNamesAndRoundTrip() {
        Set<String> names = Set.of("**admin**", "a\\b", "[x](y)", "back`tick", "ünïcode ✓", "<b>bold</b>", "_",
                "emoji 😀 name");
        AtomicInteger id = new AtomicInteger();
        for (String name : names) {
            Note note = DiscussionNotes.note(new Discussion(THREAD, List.of(
                    message(Integer.toString(id.incrementAndGet()), "u", name, 0, "hi"))), x -> true);
            assertEquals(name, DiscussionNotes.posts(note).get(0).author());
            assertEquals(List.of(name), note.authors());
            String html = org.commonmark.renderer.text.TextContentRenderer.builder().build()
                    .render(Parser.builder().build().parse(note.body().lines().findFirst().orElseThrow()));
            assertTrue(html.startsWith(name + " · "), html);
        }
    }
}
