package spikebot.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.IOUtils;
import spikebot.index.SearchTimings.Stage;
import spikebot.index.analysis.QuestionAnalyzer;
import spikebot.index.analysis.QuestionWords;
import spikebot.index.analysis.Synonyms;
import spikebot.index.embed.Embeddings;
import spikebot.index.embed.Fusion;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Answers questions: plans the question ({@link QueryPlanner}), ranks notes by BM25 or, once the model is ready,
 * by BM25 and meaning blended ({@link Fusion}), measures how much of the question each note covers, and highlights
 * the passage shown ({@link Snippets}).
 *
 * <p>For callers that drop some notes, in two steps, each holding a searcher only for itself: {@link #candidates}
 * ranks, and {@link #snippets} highlights the candidates the caller kept. Between them the caller decides what its
 * audience may see, which in Discord means REST look-ups that may take a while: no searcher (which pins index
 * files) is held meanwhile, and dropped notes cost no highlighting, about half of a search's time. Callers that
 * show every hit use {@link #search}, which does both on one searcher and reads each note once.
 */
final class NoteSearch implements Closeable {
    /** Hybrid search blends this many of the best keyword and vector matches. */
    static final int HYBRID_CANDIDATES = 50;
    /** What a snippet is made from. */
    private static final Set<String> SNIPPET_TEXT = Set.of(NoteDocuments.BODY, NoteDocuments.POSTS);
    private static final Set<String> SNIPPET_FIELDS =
            Set.of(NoteDocuments.TITLE, NoteDocuments.BODY, NoteDocuments.POSTS);

    private final IndexStore store;
    private final Analyzer questionAnalyzer;
    private final QueryPlanner planner;
    private final Snippets snippets;
    /** The model for hybrid search, or null for BM25 alone. Shared, not owned: whoever made it closes it. */
    private final Embeddings embeddings;
    /**
     * The last question planned, so that {@link #snippets} right after {@link #candidates} of the same question does
     * not plan it again (a tenth of a chat answer's index time). One entry: questions do not repeat otherwise, and
     * a plan is immutable, so threads may share it; a miss only costs the planning.
     */
    private final AtomicReference<QueryPlan> lastPlan = new AtomicReference<>(new QueryPlan("", List.of()));

    NoteSearch(IndexStore store, Analyzer noteAnalyzer, Synonyms.Loaded synonyms, Embeddings embeddings) {
        this.store = store;
        this.embeddings = embeddings;
        this.questionAnalyzer = new QuestionAnalyzer(synonyms.map());
        this.planner = new QueryPlanner(questionAnalyzer, noteAnalyzer,
                new QuestionWords(QuestionAnalyzer.withoutSynonyms()));
        this.snippets = new Snippets(noteAnalyzer);
    }

    /**
     * The best {@code request.limit()} notes for a question, best first, with their snippets: every hit is shown,
     * so one searcher does it all and each note is read once. Blank text lists the newest notes that pass the
     * filters.
     */
    List<Hit> search(SearchRequest request, SearchTimings timings) {
        timings.restart();
        QueryPlan plan = planner.plan(request.text());
        timings.lap(Stage.PLAN);
        if (plan.isEmpty() && !request.text().isBlank()) return List.of();
        return store.withSearcher(searcher -> {
            Ranked ranked = rank(searcher, request, plan, SearchMode.HYBRID, timings);
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>(ranked.size());
            for (int i = 0; i < ranked.size(); i++) {
                Document doc = stored.document(ranked.top[i].doc);
                Candidate candidate = ranked.candidate(i, doc);
                timings.lap(Stage.CARDS);
                hits.add(candidate.withSnippet(snippets.of(ranked.text, candidate.kind(),
                        doc.get(NoteDocuments.TITLE), NoteDocuments.snippetText(doc, candidate.kind()))));
                timings.lap(Stage.SNIPPETS);
            }
            return hits;
        });
    }

    /**
     * As {@link #search}, without snippets, for callers that drop some candidates first; the searcher is released
     * before this returns.
     */
    List<Candidate> candidates(SearchRequest request, SearchMode mode, SearchTimings timings) {
        timings.restart();
        QueryPlan plan = plan(request);
        timings.lap(Stage.PLAN);
        if (plan.isEmpty() && !request.text().isBlank()) return List.of();
        return store.withSearcher(searcher -> {
            Ranked ranked = rank(searcher, request, plan, mode, timings);
            StoredFields stored = searcher.storedFields();
            List<Candidate> candidates = new ArrayList<>(ranked.size());
            for (int i = 0; i < ranked.size(); i++) {
                candidates.add(ranked.candidate(i, withoutBody(stored, ranked.top[i].doc)));
            }
            timings.lap(Stage.CARDS);
            return candidates;
        });
    }

    /** The stored note without its body (or messages), which only a snippet needs: most candidates are never shown. */
    private static Document withoutBody(StoredFields stored, int doc) throws IOException {
        DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor() {
            @Override
            public Status needsField(FieldInfo field) {
                return SNIPPET_TEXT.contains(field.name) ? Status.NO : Status.YES;
            }
        };
        stored.document(doc, visitor);
        return visitor.getDocument();
    }

    /**
     * The candidates, in the same order, each with the passage that best shows why it answers the question. Reads
     * each note's current text by its path: a note edited since shows its new text, a note deleted since (rare: a
     * few milliseconds apart) an empty snippet.
     */
    List<Hit> snippets(SearchRequest request, List<Candidate> candidates, SearchTimings timings) {
        if (candidates.isEmpty()) return List.of();
        timings.restart();
        QueryPlan last = lastPlan.get();
        Query highlight = textQuery(request, last.question().equals(request.text()) ? last : plan(request));
        timings.lap(Stage.SNIPPET_PLAN);
        return store.withSearcher(searcher -> {
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>(candidates.size());
            for (Candidate candidate : candidates) {
                TopDocs found = searcher.search(new TermQuery(NoteDocuments.pathTerm(candidate.path())), 1);
                Snippet snippet = Snippet.EMPTY;
                if (found.scoreDocs.length > 0) {
                    Document doc = stored.document(found.scoreDocs[0].doc, SNIPPET_FIELDS);
                    snippet = snippets.of(highlight, candidate.kind(), doc.get(NoteDocuments.TITLE),
                            NoteDocuments.snippetText(doc, candidate.kind()));
                }
                hits.add(candidate.withSnippet(snippet));
            }
            timings.lap(Stage.SNIPPETS);
            return hits;
        });
    }

    private QueryPlan plan(SearchRequest request) {
        QueryPlan plan = planner.plan(request.text());
        lastPlan.set(plan);
        return plan;
    }

    /** What the notes are matched on and the snippets mark: the question's words; every note for a listing. */
    private static Query textQuery(SearchRequest request, QueryPlan plan) {
        return request.text().isBlank() ? MatchAllDocsQuery.INSTANCE : plan.query();
    }

    /**
     * The best notes of one searcher, best first, with their relevance; {@code top} holds its doc ids, valid only
     * while that searcher is held.
     */
    private record Ranked(Query text, ScoreDoc[] top, float[] relevance, boolean listing) {
        int size() {
            return top.length;
        }

        Candidate candidate(int i, Document doc) {
            return Candidate.of(NoteDocuments.hit(doc, listing ? 0f : top[i].score, relevance[i], Snippet.EMPTY));
        }
    }

    private Ranked rank(IndexSearcher searcher, SearchRequest request, QueryPlan plan, SearchMode mode,
                        SearchTimings timings) throws IOException {
        boolean listing = request.text().isBlank();
        Query text = textQuery(request, plan);
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        List<Query> filters = filters(request);
        for (Query filter : filters) query.add(filter, BooleanClause.Occur.FILTER);
        timings.lap(Stage.QUERY);
        Map<Integer, Float> similarity = new HashMap<>();
        ScoreDoc[] top;
        if (listing) {
            top = searcher.search(query.build(), request.limit(),
                    new Sort(new SortedNumericSortField(NoteDocuments.DATE, SortField.Type.LONG, true))).scoreDocs;
            timings.lap(Stage.WORDS);
        } else {
            top = best(searcher, query.build(), filters, request, similarity, mode, timings);
        }
        float[] relevance = new float[top.length];
        QueryPlan.Coverage coverage = listing ? null : plan.coverage(searcher);
        for (int i = 0; i < top.length; i++) {
            relevance[i] = listing ? 1f : Math.max(coverage.of(top[i].doc),
                    NoteVectors.relevance(similarity.getOrDefault(top[i].doc, 0f)));
        }
        timings.lap(Stage.RELEVANCE);
        return new Ranked(text, top, relevance, listing);
    }

    /**
     * BM25 alone, or, once the model is ready, BM25 and the nearest vectors blended ({@link Fusion}). Both sides
     * take the same filters; each contributes its best {@link #HYBRID_CANDIDATES}. Fills {@code similarity} with the
     * cosine of each nearest note, for its relevance.
     */
    private ScoreDoc[] best(IndexSearcher searcher, Query keyword, List<Query> filters, SearchRequest request,
                            Map<Integer, Float> similarity, SearchMode mode, SearchTimings timings)
            throws IOException {
        Optional<float[]> vector = embeddings == null || mode == SearchMode.BM25 ? Optional.empty()
                : embeddings.query(request.text());
        timings.lap(Stage.EMBED);
        if (vector.isEmpty()) {
            ScoreDoc[] words = searcher.search(keyword, request.limit()).scoreDocs;
            timings.lap(Stage.WORDS);
            return words;
        }
        int candidates = Math.max(request.limit(), HYBRID_CANDIDATES);
        Query filter = null;
        if (!filters.isEmpty()) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (Query f : filters) all.add(f, BooleanClause.Occur.FILTER);
            filter = all.build();
        }
        ScoreDoc[] words = searcher.search(keyword, candidates).scoreDocs;
        timings.lap(Stage.WORDS);
        ScoreDoc[] meaning = searcher.search(
                new KnnFloatVectorQuery(NoteVectors.FIELD, vector.get(), candidates, filter), candidates).scoreDocs;
        timings.lap(Stage.MEANING);
        // Lucene scores a unit-vector dot product as (1 + cosine) / 2.
        for (ScoreDoc d : meaning) similarity.put(d.doc, 2 * d.score - 1);
        List<ScoreDoc> fused = Fusion.blend(words, meaning, Fusion.SEMANTIC_WEIGHT,
                doc -> NoteVectors.has(searcher, doc));
        timings.lap(Stage.FUSION);
        return fused.subList(0, Math.min(request.limit(), fused.size())).toArray(ScoreDoc[]::new);
    }

    /** The request's filters as queries; package-private for {@link NoteListing}. */
    static List<Query> filters(SearchRequest request) {
        List<Query> filters = new ArrayList<>();
        if (request.kind() != null) filters.add(new TermQuery(new Term(NoteDocuments.KIND, request.kind().id())));
        if (blankToNull(request.tag()) != null) {
            filters.add(new TermQuery(new Term(NoteDocuments.TAG, NoteDocuments.lower(request.tag()))));
        }
        if (blankToNull(request.author()) != null) {
            filters.add(new TermQuery(new Term(NoteDocuments.AUTHOR, NoteDocuments.lower(request.author()))));
        }
        if (blankToNull(request.outcome()) != null) {
            String outcome = NoteDocuments.lower(request.outcome()).replace(' ', '-');
            filters.add(new TermQuery(new Term(NoteDocuments.OUTCOME, outcome)));
        }
        if (request.since() != null || request.until() != null) {
            long from = request.since() == null ? Long.MIN_VALUE : request.since().toEpochDay();
            long to = request.until() == null ? Long.MAX_VALUE : request.until().toEpochDay();
            filters.add(LongField.newRangeQuery(NoteDocuments.DATE, from, to));
        }
        return filters;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public void close() throws IOException {
        IOUtils.close(questionAnalyzer);
    }
}
