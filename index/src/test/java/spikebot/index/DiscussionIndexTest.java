package spikebot.index;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.index.embed.Embedder;
import spikebot.index.embed.Embeddings;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.discussion.Discussion;
import spikebot.knowledge.discussion.DiscussionMessage;
import spikebot.knowledge.discussion.DiscussionNotes;
import spikebot.knowledge.discussion.DiscussionThread;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Discussions in the index: the opening message weighs as the question, replies as replies, snippets by message. */
class DiscussionIndexTest {
    private static final Instant START = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir
    Path root;
    private KnowledgeBase kb;
    private NoteIndex index;

    @BeforeEach
    void setUp() throws IOException {
        kb = new KnowledgeBase(root);
        index = NoteIndex.open(kb);
    }

    @AfterEach
    void tearDown() throws IOException {
        index.close();
    }

    private static DiscussionMessage message(int n, String author, String text) {
        return new DiscussionMessage(Integer.toString(n), "u-" + author, author, START.plusSeconds(60L * n), null,
                text, null, List.of());
    }

    private void put(String threadId, String name, List<DiscussionMessage> messages) throws IOException {
        DiscussionThread thread = new DiscussionThread("g", "c", "ml-help", threadId, name, START, false,
                List.of(), null);
        Note note = DiscussionNotes.note(new Discussion(thread, messages), id -> !id.equals("u-secret"));
        kb.put(DiscussionNotes.path(thread), note);
    }

    @Test
    void theOpeningMessageWeighsMoreThanAReply() throws IOException {
        put("1", "Thread one", List.of(
                message(0, "alice", "Our tokenizer cache corrupts under concurrent writers."),
                message(1, "bob", "Did you try a lock around the writer?")));
        put("2", "Thread two", List.of(
                message(0, "carol", "How do we rotate the storage credentials every month?"),
                message(1, "dave", "Unrelated, but our tokenizer cache corrupts with concurrent writers too.")));
        index.sync();
        List<Hit> hits = index.search(SearchRequest.of("tokenizer cache corrupts concurrent writers"));
        assertEquals(List.of("discussions/ml-help/thread-one-1.md", "discussions/ml-help/thread-two-2.md"),
                hits.stream().map(Hit::path).toList(), "replies are searched, the question counts more");
        assertTrue(hits.get(0).score() > hits.get(1).score() * 1.5, hits.toString());
        assertEquals(NoteKind.DISCUSSION, hits.get(0).kind());
        assertEquals("c", hits.get(0).channel());
    }

    @Test
    void headersAndIdsAreNotWordsOfTheDiscussion() throws IOException {
        put("777", "Thread", List.of(message(0, "zebediah", "Question about caching"),
                message(1, "bob", "An answer")));
        index.sync();
        assertTrue(index.search(SearchRequest.of("utc")).isEmpty(), "the transcript's headers are not indexed");
        assertTrue(index.search(SearchRequest.of("777")).isEmpty(), "the thread id is not a word of it");
        assertEquals(1, index.search(SearchRequest.of("zebediah")).size(), "authors are searched, as for every note");
        assertEquals(1, index.search(SearchRequest.of("ml-help")).size(), "so is the channel's name");
    }

    @Test
    void theSnippetIsTheBestMatchingMessageWithItsAuthor() throws IOException {
        List<DiscussionMessage> messages = new ArrayList<>();
        messages.add(message(0, "alice", "How do I pin the CUDA version in our training image?"));
        for (int i = 1; i <= 40; i++) messages.add(message(i, "p" + i, "Filler reply number " + i + " about nothing."));
        messages.add(message(41, "secret", "Pin it by image digest; mention nvidia-smi here."));
        messages.add(message(42, "bob", "Use the image digest, not the tag: tags move, a digest never does."));
        put("5", "CUDA pinning", messages);
        index.sync();

        Hit hit = index.search(SearchRequest.of("digest")).get(0);
        assertTrue(hit.snippet().text().startsWith("bob: Use the image digest"), hit.snippet().text());
        assertEquals(List.of("digest", "digest"), hit.snippet().highlighted());
        assertTrue(index.search(SearchRequest.of("nvidia-smi")).isEmpty(), "a left-out message is not indexed");

        Hit opening = index.search(SearchRequest.of("cuda version")).get(0);
        assertTrue(opening.snippet().text().startsWith("alice: How do I pin the CUDA version"),
                opening.snippet().text());

        // The two-step path the chat uses reads the same stored messages.
        SearchRequest request = SearchRequest.of("digest");
        List<Hit> twoStep = index.snippets(request, index.candidates(request, SearchMode.BM25));
        assertEquals(hit.snippet(), twoStep.get(0).snippet());
    }

    @Test
    void aMessageFarIntoALongThreadCanBeTheSnippet() throws IOException {
        List<DiscussionMessage> messages = new ArrayList<>();
        messages.add(message(0, "alice", "Opening question about flaky evaluation."));
        for (int i = 1; i < 1_000; i++) {
            messages.add(message(i, "p" + (i % 9), "Reply " + i + " with some ordinary words about evaluation runs."));
        }
        messages.add(message(1_000, "zoe", "The flakiness came from an unseeded dataloader shuffle."));
        put("6", "Flaky eval", messages);
        index.sync();
        Hit hit = index.search(SearchRequest.of("unseeded dataloader shuffle")).get(0);
        assertTrue(hit.snippet().text().startsWith("zoe: The flakiness came from an unseeded dataloader"),
                hit.snippet().text());
    }

    @Test
    void aDiscussionsVectorIsMadeFromItsTitleAndOpeningMessage(@TempDir Path other) throws Exception {
        KnowledgeBase otherKb = new KnowledgeBase(other);
        DiscussionThread thread = new DiscussionThread("g", "c", "ml-help", "9", "Vector", START, false, List.of(),
                null);
        otherKb.put(DiscussionNotes.path(thread), DiscussionNotes.note(new Discussion(thread, List.of(
                message(0, "alice", "Which **sampler** for imbalanced classes?"),
                message(1, "bob", "A weighted one."))), id -> true));
        List<String> embedded = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Embeddings embeddings = Embeddings.start(Embedder::load, (title, text) -> {
            embedded.add(title + "|" + text);
            float[] unit = new float[Embedder.DIMENSION];
            unit[0] = 1;
            return unit;
        }); NoteIndex withVectors = NoteIndex.open(otherKb, embeddings)) {
            withVectors.sync();
            embeddings.awaitIdle();
        }
        assertEquals(List.of("Vector|Which sampler for imbalanced classes?"), embedded,
                "no header, no markup, no replies");
    }

    @Test
    void indexesOfEarlierSchemasAreRebuilt() throws Exception {
        put("1", "Thread", List.of(message(0, "alice", "question")));
        for (String schema : List.of("1", "2")) {
            index.sync();
            assertEquals(1, index.size());
            index.close();
            try (var directory = org.apache.lucene.store.FSDirectory.open(kb.stateDir().resolve("index"));
                 var writer = new org.apache.lucene.index.IndexWriter(directory,
                         new org.apache.lucene.index.IndexWriterConfig())) {
                writer.setLiveCommitData(Map.of("spikebot.schema", schema).entrySet());
                writer.commit();
            }
            index = NoteIndex.open(kb);
            assertEquals(0, index.size(), "schema " + schema + " is emptied, not misread");
        }
        assertEquals(1, index.sync().added());
        assertFalse(index.search(SearchRequest.of("question")).isEmpty());
    }
}
