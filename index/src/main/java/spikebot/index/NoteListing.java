package spikebot.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The notes as a list rather than answers to a question: every note that passes a request's filters, in a fixed
 * order, a page at a time; and every tag with how many notes carry it. For browsing ({@code /notes}) and for
 * scheduled work that looks at notes by kind, outcome and date (the digest, the stale review).
 *
 * <p>Separate from {@link NoteIndex#search} because a listing has no question to rank by, needs more than
 * {@link SearchRequest#MAX_LIMIT} notes, and must keep the same order from one page to the next: ties are broken by
 * path, so two notes of one day never swap places between pages.
 */
public final class NoteListing {
    /** How a listing is ordered; undated notes come last either way. */
    public enum Order {
        NEWEST, OLDEST;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One page of a listing.
     *
     * @param notes the notes of this page, without snippets
     * @param total how many notes the whole listing holds (those the reader may see)
     */
    public record Page(List<Hit> notes, int total) {
        public Page {
            notes = List.copyOf(notes);
        }
    }

    private NoteListing() {
    }

    /**
     * The notes that pass the request's filters (its text is ignored) and were born in no channel or in one that
     * {@code mayShowChannel} accepts, in {@code order}, skipping the first {@code offset} and returning at most
     * {@code count}. Hidden notes neither show nor count.
     *
     * <p>Visibility is asked once per channel the index knows, not once per note, and hidden channels become a filter
     * of the query: a page then costs a count and the page's own documents, however many notes match (at 20,000
     * notes, judging each note instead meant loading every stored note, 2 to 3 seconds a page).
     */
    public static Page page(NoteIndex index, SearchRequest filters, Order order, Predicate<String> mayShowChannel,
                            int offset, int count) {
        if (offset < 0 || count < 0) throw new IllegalArgumentException("offset and count must not be negative");
        return index.withSearcher(searcher -> {
            BooleanQuery.Builder query = new BooleanQuery.Builder().add(MatchAllDocsQuery.INSTANCE,
                    BooleanClause.Occur.MUST);
            for (Query filter : NoteSearch.filters(filters)) query.add(filter, BooleanClause.Occur.FILTER);
            List<BytesRef> hidden = new ArrayList<>();
            Terms channels = MultiTerms.getTerms(searcher.getIndexReader(), NoteDocuments.CHANNEL);
            if (channels != null) {
                TermsEnum each = channels.iterator();
                for (BytesRef term = each.next(); term != null; term = each.next()) {
                    if (!mayShowChannel.test(term.utf8ToString())) hidden.add(BytesRef.deepCopyOf(term));
                }
            }
            if (!hidden.isEmpty()) {
                query.add(new TermInSetQuery(NoteDocuments.CHANNEL, hidden), BooleanClause.Occur.MUST_NOT);
            }
            Query built = query.build();
            int total = searcher.count(built);
            if (total == 0 || count == 0 || offset >= total) return new Page(List.of(), total);
            ScoreDoc[] top = searcher.search(built, Math.min(total, offset + count), sort(order)).scoreDocs;
            var stored = searcher.storedFields();
            List<Hit> page = new ArrayList<>();
            for (int i = offset; i < top.length; i++) {
                Document doc = stored.document(top[i].doc);
                page.add(NoteDocuments.hit(doc, 0f, 0f, Snippet.EMPTY));
            }
            return new Page(page, total);
        });
    }

    private static Sort sort(Order order) {
        boolean newest = order == Order.NEWEST;
        SortedNumericSortField date = new SortedNumericSortField(NoteDocuments.DATE, SortField.Type.LONG, newest);
        date.setMissingValue(newest ? Long.MIN_VALUE : Long.MAX_VALUE);
        return new Sort(date, new SortField(NoteDocuments.PATH, SortField.Type.STRING));
    }

    /** Every tag (lower case) with the number of notes that carry it, most used first, then by name. */
    public static Map<String, Integer> tagCounts(NoteIndex index) {
        return index.withSearcher(searcher -> {
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), NoteDocuments.TAG);
            Map<String, Integer> counts = new LinkedHashMap<>();
            if (terms == null) return counts;
            TermsEnum each = terms.iterator();
            for (BytesRef term = each.next(); term != null; term = each.next()) {
                String tag = term.utf8ToString();
                // docFreq counts deleted notes until segments merge; a tag must not outlive its notes.
                int count = searcher.count(new TermQuery(new Term(NoteDocuments.TAG, tag)));
                if (count > 0) counts.put(tag, count);
            }
            Map<String, Integer> sorted = new LinkedHashMap<>();
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted;
        });
    }
}
