package spikebot.index;

import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags for autocompletion, read from the terms of the exact-tag field rather than from the notes: walking the
 * sorted terms from the prefix costs the same whether the index holds ten notes or a hundred thousand.
 */
final class TagSuggestions {
    /** Autocomplete shows a handful; a prefix like "a" should not make it walk every tag. */
    private static final int MAX_TAGS_EXAMINED = 2000;

    private final IndexStore store;

    TagSuggestions(IndexStore store) {
        this.store = store;
    }

    /** Tags that start with a prefix (any case), most used first. */
    List<String> startingWith(String prefix, int limit) {
        String start = prefix == null ? "" : NoteDocuments.lower(prefix);
        return store.withSearcher(searcher -> {
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), NoteDocuments.TAG);
            if (terms == null || limit <= 0) return List.of();
            Map<String, Integer> counts = new LinkedHashMap<>();
            TermsEnum each = terms.iterator();
            if (each.seekCeil(new BytesRef(start)) == TermsEnum.SeekStatus.END) return List.of();
            int examined = 0;
            for (BytesRef term = each.term(); term != null && examined < MAX_TAGS_EXAMINED; term = each.next()) {
                String tag = term.utf8ToString();
                if (!tag.startsWith(start)) break;
                examined++;
                // docFreq counts deleted notes until segments merge; a tag must not outlive its notes.
                int count = searcher.count(new TermQuery(new Term(NoteDocuments.TAG, tag)));
                if (count > 0) counts.put(tag, count);
            }
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .map(Map.Entry::getKey)
                    .toList();
        });
    }
}
