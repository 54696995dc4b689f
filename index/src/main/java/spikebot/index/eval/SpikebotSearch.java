package spikebot.index.eval;

import spikebot.index.Candidate;
import spikebot.index.Hit;
import spikebot.index.NoteIndex;
import spikebot.index.SearchMode;
import spikebot.index.SearchRequest;
import spikebot.index.embed.Embeddings;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFormat;
import spikebot.knowledge.NoteKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Spikebot's own search, exactly as the bot runs it: every pool question is written as a note into a temporary
 * knowledge base, indexed by {@link NoteIndex}, and ranked by {@link NoteIndex#candidates} (the ranking every answer
 * starts from; the snippets, which the scores do not need, are left out). The only thing eval-specific is how a
 * forum question becomes a note: a plain note (subject as title, body as text), or a discussion
 * ({@link ForumDiscussions}).
 */
public final class SpikebotSearch implements Retriever {
    private final Embeddings embeddings;
    private final Function<RelatedQuestion, Note> asNote;
    private Path root;
    private NoteIndex index;

    /** Each forum question as a plain note. @param embeddings the model for hybrid search, or null for BM25 alone */
    public SpikebotSearch(Embeddings embeddings) {
        this(embeddings, SpikebotSearch::plainNote);
    }

    /** @param asNote how a forum question becomes a note */
    public SpikebotSearch(Embeddings embeddings, Function<RelatedQuestion, Note> asNote) {
        this.embeddings = embeddings;
        this.asNote = asNote;
    }

    /** Subject as title, body as text. */
    static Note plainNote(RelatedQuestion r) {
        return Note.of(NoteKind.NOTE, r.subject().isBlank() ? r.id() : r.subject(), r.body());
    }

    @Override
    public void index(Pool pool) throws Exception {
        root = Files.createTempDirectory("spikebot-eval-");
        for (RelatedQuestion r : pool.documents()) {
            Files.writeString(root.resolve(r.id() + ".md"), NoteFormat.render(asNote.apply(r)));
        }
        index = NoteIndex.open(new KnowledgeBase(root), embeddings);
        index.sync();
        if (embeddings != null) embeddings.awaitIdle();
    }

    @Override
    public List<Scored> search(OriginalQuestion question, int limit) {
        List<Scored> scored = new ArrayList<>();
        SearchRequest request = SearchRequest.of(question.text()).withLimit(Math.min(limit, SearchRequest.MAX_LIMIT));
        for (Candidate candidate : index.candidates(request, SearchMode.HYBRID)) {
            scored.add(new Scored(candidate.path().replaceFirst("\\.md$", ""), candidate.score()));
        }
        return scored;
    }

    /** The hits as the bot gets them, with their relevance: for checking the answer grades on the benchmark. */
    public List<Hit> hits(OriginalQuestion question, int limit) {
        return index.search(SearchRequest.of(question.text()).withLimit(Math.min(limit, SearchRequest.MAX_LIMIT)));
    }

    /** The related question a hit stands for. */
    public static String id(Hit hit) {
        return hit.path().replaceFirst("\\.md$", "");
    }

    @Override
    public void close() throws IOException {
        if (index != null) index.close();
        if (root != null) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
