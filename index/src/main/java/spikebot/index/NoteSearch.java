package spikebot.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
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
import java.util.function.Predicate;

/**
 * Answers questions: plans the question ({@link QueryPlanner}), ranks notes by BM25 or, once the model is ready,
 * by BM25 and meaning blended ({@link Fusion}), measures how much of the question each note covers, and highlights
 * the passage shown ({@link Snippets}).
 */
final class NoteSearch implements Closeable {
    /** Hybrid search blends this many of the best keyword and vector matches. */
    static final int HYBRID_CANDIDATES = 50;

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

    List<Hit> search(SearchRequest request, Predicate<Hit> keep, int atMost, boolean byMeaning) {
        QueryPlan plan = planner.plan(request.text());
        boolean listing = request.text().isBlank();
        if (plan.isEmpty() && !listing) return List.of();
        return store.withSearcher(searcher -> {
            Query text = listing ? MatchAllDocsQuery.INSTANCE : plan.query();
            BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
            List<Query> filters = filters(request);
            for (Query filter : filters) query.add(filter, BooleanClause.Occur.FILTER);
            Map<Integer, Float> similarity = new HashMap<>();
            ScoreDoc[] top = listing
                    ? searcher.search(query.build(), request.limit(),
                    new Sort(new SortedNumericSortField(NoteDocuments.DATE, SortField.Type.LONG, true))).scoreDocs
                    : rank(searcher, query.build(), filters, request, similarity, byMeaning);
            QueryPlan.Coverage coverage = listing ? null : plan.coverage(searcher);
            var stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>(top.length);
            for (ScoreDoc scoreDoc : top) {
                Document doc = stored.document(scoreDoc.doc);
                float relevance = listing ? 1f : Math.max(coverage.of(scoreDoc.doc),
                        NoteVectors.relevance(similarity.getOrDefault(scoreDoc.doc, 0f)));
                float score = listing ? 0f : scoreDoc.score;
                if (!keep.test(NoteDocuments.hit(doc, score, relevance, Snippet.EMPTY)) || hits.size() >= atMost) {
                    continue;
                }
                Snippet snippet = snippets.of(text, doc.get(NoteDocuments.TITLE), doc.get(NoteDocuments.BODY));
                hits.add(NoteDocuments.hit(doc, score, relevance, snippet));
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
                            Map<Integer, Float> similarity, boolean byMeaning) throws IOException {
        Optional<float[]> vector = embeddings == null || !byMeaning ? Optional.empty()
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
