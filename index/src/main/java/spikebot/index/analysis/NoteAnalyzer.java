package spikebot.index.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How note text becomes index terms: Unicode word boundaries, the parts of technical words stacked on them
 * ({@link WordPartsFilter}), then {@link #normalize(TokenStream) normalized} words.
 *
 * <p>No stop words are removed: "out of memory" must stay a phrase that a synonym can point at, and BM25 already
 * gives common words almost no weight. No synonyms either: they are applied to questions only
 * ({@link QuestionAnalyzer}), so a team that edits its synonyms file needs no re-index.
 */
public final class NoteAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer words = new StandardTokenizer();
        return new TokenStreamComponents(words, normalize(new WordPartsFilter(words)));
    }

    /**
     * What every word goes through, in notes, questions and the synonyms file alike, so that they meet on the same
     * terms: lower case, no possessive {@code 's}, accents folded (café finds cafe), Porter-stemmed (forecasting
     * finds forecast). Porter rather than a lighter stemmer because notes are short: recall matters more than the
     * odd false friend.
     */
    static TokenStream normalize(TokenStream words) {
        TokenStream stream = new LowerCaseFilter(words);
        stream = new EnglishPossessiveFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        return new PorterStemFilter(stream);
    }
}
