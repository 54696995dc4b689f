package spikebot.index.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * How a question becomes terms: the same words as {@link NoteAnalyzer}, then synonyms as a token graph
 * ("k8s" also means "kubernetes", "OOM" also means the phrase "out of memory").
 *
 * <p>Word parts are left out here on purpose: Lucene's synonym filter cannot read stacked tokens (it misplaces
 * them in the graph), so the query builder adds each word's parts itself, from {@link NoteAnalyzer}.
 */
public final class QuestionAnalyzer extends Analyzer {
    private final SynonymMap synonyms;

    public QuestionAnalyzer(SynonymMap synonyms) {
        this.synonyms = synonyms;
    }

    /** Words only: what the synonyms file itself is read with. */
    public static QuestionAnalyzer withoutSynonyms() {
        return new QuestionAnalyzer(null);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer words = new StandardTokenizer();
        TokenStream stream = NoteAnalyzer.normalize(words);
        if (synonyms != null && synonyms.fst != null) stream = new SynonymGraphFilter(stream, synonyms, true);
        return new TokenStreamComponents(words, stream);
    }
}
