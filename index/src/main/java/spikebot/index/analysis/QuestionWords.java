package spikebot.index.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Words that carry the asking, not the topic: "has anyone tried…", "is there a note on…", plus ordinary English
 * stop words. A question is searched without them, so that "has anyone tried Polars?" is about Polars only and its
 * relevance is not diluted by "anyone" missing from a note.
 *
 * <p>They are dropped from questions, not from notes: notes keep every word, so phrases that contain one ("out of
 * memory") still match.
 */
public final class QuestionWords {
    private static final String WORDS = """
            a an and are as at be but by for if in into is it its no not of on or such that the their then there
            these they this those to was will with than so also just about from
            i me my we us our ours you your he she him her his them someone somebody anyone anybody everyone
            anything something nothing one ones any some
            has have had having do does did done doing is am are was were been being can could would should
            shall may might must ever already before previously earlier yet still
            try tried trying tries attempt attempted looked look looking seen see found know known
            get got getting use used using
            what which who whom whose how when where why whether
            note notes writeup doc docs
            hi hey hello please thanks thank team folks guys
            instead rather vs versus else other way ways good better best idea ideas thing things stuff like
            want wanted need needed made
            """;
    /**
     * Words that mostly carry the asking ("how do I make…", "where can I find…") but in technical questions are
     * often the topic: make(1), find(1), GitHub Pages, {@code docker compose up}. ("use", as in a TIL titled "Use fd",
     * would be one too, but stemmed it is "us", which is an asking word.)
     * Dropped, "delete a page in pages" could not find the note on deleting a page; searched fully, "make it
     * readable" would pull up notes on Makefiles. So they are searched weakly ({@code QueryPlan#WEAK_WEIGHT}) and
     * never count towards how much of a question a note covers.
     */
    private static final String WEAK = "make find page up";

    private final Set<String> terms;
    private final Set<String> weak;

    /** @param words the analyzer questions are read with, so that the list is compared after stemming */
    public QuestionWords(Analyzer words) {
        Set<String> set = new HashSet<>();
        for (String word : WORDS.split("\\s+")) {
            if (!word.isBlank()) set.add(analyze(words, word));
        }
        this.terms = Set.copyOf(set);
        Set<String> weakSet = new HashSet<>();
        for (String word : WEAK.split("\\s+")) weakSet.add(analyze(words, word));
        this.weak = Set.copyOf(weakSet);
    }

    /** Whether a term (as analyzed) is part of the asking rather than the topic. */
    public boolean isAsking(String term) {
        return terms.contains(term);
    }

    /** Whether a term (as analyzed) is usually part of the asking but may be the topic: searched weakly. */
    public boolean isWeak(String term) {
        return weak.contains(term);
    }

    private static String analyze(Analyzer analyzer, String word) {
        try (TokenStream stream = analyzer.tokenStream("", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            StringBuilder joined = new StringBuilder();
            while (stream.incrementToken()) joined.append(joined.isEmpty() ? "" : " ").append(term);
            stream.end();
            return joined.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
