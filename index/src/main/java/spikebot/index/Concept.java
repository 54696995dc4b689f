package spikebot.index;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.List;

/**
 * One thing a question asks about: a word with its synonyms (which count as the same word), its parts (which count
 * less: "num" is weaker evidence for "numThreads" than the word itself), and multi-word synonyms as phrases.
 * A note either covers a concept or not, which is what {@link Hit#relevance()} counts.
 *
 * @param text     the words of the question this concept comes from, for explaining a result
 * @param words    the word and its one-word synonyms, as index terms; scored as one term
 * @param parts    the word's parts, as index terms
 * @param phrases  multi-word synonyms, each as a list of index terms
 */
record Concept(String text, List<String> words, List<String> parts, List<List<String>> phrases) {
    /** Weights of the fields: a match in the title or tags says more about what a note is about than one in the body. */
    static final float TITLE_BOOST = 3.0f;
    static final float TAGS_BOOST = 2.0f;
    /**
     * A discussion's opening message states its problem: more than a body, less than a title. On SemEval train
     * part 2 (forum questions as discussions with their replies, bm25, MAP rerank / retrieve) 1.0 gave
     * 0.746 / 0.407, 2.0 0.758 / 0.418, 3.0 0.750 / 0.400.
     */
    static final float QUESTION_BOOST = 2.0f;
    static final float BODY_BOOST = 1.0f;
    /**
     * A discussion's replies weigh like a body. Tuned on SemEval train part 2 with each forum question indexed as
     * a discussion with its replies (bm25; MAP rerank / retrieve): 0.25 gave 0.743 / 0.382, 0.5 0.750 / 0.399,
     * 1.0 0.758 / 0.418, 1.5 0.751 / 0.423, 2.0 0.743 / 0.422. Replies are chattier than a note's body, yet on a
     * forum they hold the words a later asker uses; weighed less, they were wasted.
     */
    static final float REPLIES_BOOST = 1.0f;
    static final float META_BOOST = 0.5f;
    /** Dismax tie-breaker: the best field counts fully, the others a little. */
    static final float FIELD_TIE = 0.1f;
    static final float PART_BOOST = 0.4f;

    Concept {
        words = List.copyOf(words);
        parts = List.copyOf(parts);
        phrases = phrases.stream().map(List::copyOf).toList();
    }

    /** The concept searched in every text field, the best field winning. */
    Query query() {
        return new DisjunctionMaxQuery(List.of(
                new BoostQuery(in(NoteDocuments.TITLE), TITLE_BOOST),
                new BoostQuery(in(NoteDocuments.TAGS), TAGS_BOOST),
                new BoostQuery(in(NoteDocuments.QUESTION), QUESTION_BOOST),
                new BoostQuery(in(NoteDocuments.BODY), BODY_BOOST),
                new BoostQuery(in(NoteDocuments.REPLIES), REPLIES_BOOST),
                new BoostQuery(in(NoteDocuments.META), META_BOOST)), FIELD_TIE);
    }

    /** The concept in one field. */
    Query in(String field) {
        List<Query> alternatives = new ArrayList<>();
        if (!words.isEmpty()) alternatives.add(asOneTerm(field, words));
        if (!parts.isEmpty()) alternatives.add(new BoostQuery(asOneTerm(field, parts), PART_BOOST));
        for (List<String> phrase : phrases) alternatives.add(new PhraseQuery(field, phrase.toArray(String[]::new)));
        if (alternatives.size() == 1) return alternatives.get(0);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Query q : alternatives) any.add(q, BooleanClause.Occur.SHOULD);
        return any.build();
    }

    private static Query asOneTerm(String field, List<String> terms) {
        if (terms.size() == 1) return new TermQuery(new Term(field, terms.get(0)));
        SynonymQuery.Builder same = new SynonymQuery.Builder(field);
        for (String term : terms) same.addTerm(new Term(field, term));
        return same.build();
    }
}
