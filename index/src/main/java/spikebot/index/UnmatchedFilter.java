package spikebot.index;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A tag or author filter that no note passes at all, with the closest values the notes do have: answered as a filter
 * ("No notes have tag `x`"), never as if nobody had looked into the topic.
 *
 * @param field   "tag" or "author"
 * @param value   what was asked for
 * @param closest the existing values nearest to it (a prefix either way, then by edit distance), or, when none is
 *                near, the most used ones
 * @param near    whether {@code closest} are near {@code value} rather than merely the most used
 */
public record UnmatchedFilter(String field, String value, List<String> closest, boolean near) {
    /** Values shown after "closest". */
    static final int SHOWN = 5;
    /** Values examined per field: a team has a few hundred tags and a few dozen authors. */
    private static final int EXAMINED = 5000;

    public UnmatchedFilter {
        closest = List.copyOf(closest);
    }

    /** One line, the same in chat and in the shell; values in backticks, which chat escapes as code. */
    public String message() {
        String what = field.equals("author") ? "Nothing by " + code(value) : "No notes have tag " + code(value);
        if (closest.isEmpty()) return what + ": the knowledge base has no " + field + "s yet.";
        String names = String.join(", ", closest.stream().map(UnmatchedFilter::code).toList());
        String label = field.equals("author") ? "authors" : "tags";
        return what + ". " + (near ? "Closest " + label + ": " : "Most used " + label + ": ") + names + ".";
    }

    private static String code(String value) {
        return "`" + value.replace('`', '\'') + "`";
    }

    /**
     * Empty unless the request filters by tag or author and no note at all passes that filter alone (the question's
     * words aside). Costs one filtered lookup, and a look at the field's values only when it matches nothing: call it
     * when an answer came back empty.
     */
    public static Optional<UnmatchedFilter> of(NoteIndex index, SearchRequest request) {
        for (String field : List.of("tag", "author")) {
            String value = field.equals("tag") ? request.tag() : request.author();
            if (value == null || value.isBlank()) continue;
            SearchRequest alone = new SearchRequest("", null, field.equals("tag") ? value : null,
                    field.equals("author") ? value : null, null, 1);
            if (!index.search(alone).isEmpty()) continue;
            return Optional.of(closest(index, field, value.strip()));
        }
        return Optional.empty();
    }

    private static UnmatchedFilter closest(NoteIndex index, String field, String value) {
        String wanted = NoteDocuments.lower(value);
        String luceneField = field.equals("tag") ? NoteDocuments.TAG : NoteDocuments.AUTHOR;
        return index.withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            record Value(String text, int distance, boolean prefix, int uses) {
            }
            List<Value> values = new ArrayList<>();
            Terms terms = MultiTerms.getTerms(reader, luceneField);
            if (terms != null) {
                TermsEnum each = terms.iterator();
                int examined = 0;
                for (BytesRef term = each.next(); term != null && examined++ < EXAMINED; term = each.next()) {
                    String text = term.utf8ToString();
                    // docFreq counts deleted notes until segments merge: a value must not outlive its notes.
                    int uses = searcher.count(new TermQuery(new Term(luceneField, text)));
                    if (uses == 0) continue;
                    boolean prefix = text.startsWith(wanted) || wanted.startsWith(text);
                    values.add(new Value(text, distance(wanted, text), prefix, uses));
                }
            }
            int nearEnough = Math.max(2, wanted.length() / 3);
            List<String> near = values.stream()
                    .filter(v -> v.prefix() || v.distance() <= nearEnough)
                    .sorted(Comparator.comparing((Value v) -> !v.prefix()).thenComparingInt(Value::distance)
                            .thenComparing(Comparator.comparingInt(Value::uses).reversed()))
                    .limit(SHOWN).map(Value::text).toList();
            if (!near.isEmpty()) return new UnmatchedFilter(field, value, near, true);
            List<String> used = values.stream().sorted(Comparator.comparingInt(Value::uses).reversed()
                    .thenComparing(Value::text)).limit(SHOWN).map(Value::text).toList();
            return new UnmatchedFilter(field, value, used, false);
        });
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each cost 1. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
