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

/**
 * Answers questions: plans the question ({@link QueryPlanner}), ranks notes by BM25 or, once the model is ready,
 * by BM25 and meaning blended ({@link Fusion}), measures how much of the question each note covers, and highlights
 * the passage shown ({@link Snippets}).
 *
 * <p>In two steps, each holding a searcher only for itself: {@link #candidates} ranks, and {@link #snippets}
 * highlights the candidates the caller kept. Between them the caller decides what its audience may see, which in
 * Discord means REST look-ups that may take a while: no searcher (which pins index files) is held meanwhile, and
 * dropped notes cost no highlighting, which is most of a search's time.
 */
final class NoteSearch implements Closeable {
    /** Hybrid search blends this many of the best keyword and vector matches. */
    static final int HYBRID_CANDIDATES = 50;
    /** What a snippet is made from. */
    private static final Set<String> SNIPPET_FIELDS = Set.of(NoteDocuments.TITLE, NoteDocuments.BODY);

    private final IndexStore store;
    private final Analyzer questionAnalyzer;
    private final QueryPlanner planner;
    private final Snippets snippets;
    /** The model for hybrid search, or null for BM25 alone. Shared, not owned: whoever made it closes it. */
    private final Embeddings embeddings;

    NoteSearch(IndexStore store, Analyzer noteAnalyzer, Synonyms.Loaded synonyms, Embeddings embeddings) {
        this.store = store;
        this.embeddings = embeddings;
        this.questionAnalyzer = new QuestionAnalyzer(synonyms.map());
        this.planner = new QueryPlanner(questionAnalyzer, noteAnalyzer,
                new QuestionWords(QuestionAnalyzer.withoutSynonyms()));
        this.snippets = new Snippets(noteAnalyzer);
    }

    /**
     * The best {@code request.limit()} notes for a question, best first, without snippets; the searcher is released
     * before this returns. Blank text lists the newest notes that pass the filters.
     */
    List<Candidate> candidates(SearchRequest request, SearchMode mode) {
        boolean listing = request.text().isBlank();
        QueryPlan plan = planner.plan(request.text());
        if (plan.isEmpty() && !listing) return List.of();
        return store.withSearcher(searcher -> {
            BooleanQuery.Builder query = new BooleanQuery.Builder()
                    .add(listing ? MatchAllDocsQuery.INSTANCE : plan.query(), BooleanClause.Occur.MUST);
            List<Query> filters = filters(request);
            for (Query filter : filters) query.add(filter, BooleanClause.Occur.FILTER);
            Map<Integer, Float> similarity = new HashMap<>();
            ScoreDoc[] top = listing
                    ? searcher.search(query.build(), request.limit(),
                    new Sort(new SortedNumericSortField(NoteDocuments.DATE, SortField.Type.LONG, true))).scoreDocs
                    : rank(searcher, query.build(), filters, request, similarity, mode);
            QueryPlan.Coverage coverage = listing ? null : plan.coverage(searcher);
            StoredFields stored = searcher.storedFields();
            List<Candidate> candidates = new ArrayList<>(top.length);
            for (ScoreDoc scoreDoc : top) {
                float relevance = listing ? 1f : Math.max(coverage.of(scoreDoc.doc),
                        NoteVectors.relevance(similarity.getOrDefault(scoreDoc.doc, 0f)));
                float score = listing ? 0f : scoreDoc.score;
                Document doc = withoutBody(stored, scoreDoc.doc);
                candidates.add(Candidate.of(NoteDocuments.hit(doc, score, relevance, Snippet.EMPTY)));
            }
            return candidates;
        });
    }

    /** The stored note without its body, which only a snippet needs: most candidates are never shown. */
    private static Document withoutBody(StoredFields stored, int doc) throws IOException {
        DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor() {
            @Override
            public Status needsField(FieldInfo field) {
                return field.name.equals(NoteDocuments.BODY) ? Status.NO : Status.YES;
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
    List<Hit> snippets(SearchRequest request, List<Candidate> candidates) {
        if (candidates.isEmpty()) return List.of();
        Query highlight = request.text().isBlank() ? MatchAllDocsQuery.INSTANCE : planner.plan(request.text()).query();
        return store.withSearcher(searcher -> {
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>(candidates.size());
            for (Candidate candidate : candidates) {
                TopDocs found = searcher.search(new TermQuery(NoteDocuments.pathTerm(candidate.path())), 1);
                Snippet snippet = Snippet.EMPTY;
                if (found.scoreDocs.length > 0) {
                    Document doc = stored.document(found.scoreDocs[0].doc, SNIPPET_FIELDS);
                    snippet = snippets.of(highlight, doc.get(NoteDocuments.TITLE), doc.get(NoteDocuments.BODY));
                }
                hits.add(candidate.withSnippet(snippet));
            }
            return hits;
        });
    }

    /**
     * BM25 alone, or, once the model is ready, BM25 and the nearest vectors blended ({@link Fusion}). Both sides
     * take the same filters; each contributes its best {@link #HYBRID_CANDIDATES}. Fills {@code similarity} with the
     * cosine of each nearest note, for its relevance.
     */
    private ScoreDoc[] rank(IndexSearcher searcher, Query keyword, List<Query> filters, SearchRequest request,
                            Map<Integer, Float> similarity, SearchMode mode) throws IOException {
        Optional<float[]> vector = embeddings == null || mode == SearchMode.BM25 ? Optional.empty()
                : embeddings.query(request.text());
        if (vector.isEmpty()) return searcher.search(keyword, request.limit()).scoreDocs;
        int candidates = Math.max(request.limit(), HYBRID_CANDIDATES);
        Query filter = null;
        if (!filters.isEmpty()) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (Query f : filters) all.add(f, BooleanClause.Occur.FILTER);
            filter = all.build();
        }
        ScoreDoc[] words = searcher.search(keyword, candidates).scoreDocs;
        ScoreDoc[] meaning = searcher.search(
                new KnnFloatVectorQuery(NoteVectors.FIELD, vector.get(), candidates, filter), candidates).scoreDocs;
        // Lucene scores a unit-vector dot product as (1 + cosine) / 2.
        for (ScoreDoc d : meaning) similarity.put(d.doc, 2 * d.score - 1);
        List<ScoreDoc> fused = Fusion.blend(words, meaning, Fusion.SEMANTIC_WEIGHT,
                doc -> NoteVectors.has(searcher, doc));
        return fused.subList(0, Math.min(request.limit(), fused.size())).toArray(ScoreDoc[]::new);
    }

    private static List<Query> filters(SearchRequest request) {
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
