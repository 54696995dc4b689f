package spikebot.index;

import java.util.Comparator;
import java.util.List;

/**
 * How far a hit can be trusted as an answer, in the three grades every answer uses (chat, console, shell):
 * a strong match; a related note that may not be about the same thing; nothing plausible. A false "nobody did it"
 * is the worst answer a bot against redoing work can give, so {@link #PLAUSIBLE} is set low enough that no question
 * the labelled set can answer falls below it, and what lies between it and {@link #STRONG} is shown with a warning
 * rather than hidden.
 *
 * <p>Graded on {@link Hit#relevance()}, which is comparable across questions (Lucene's score is not). The match a
 * person sees is that relevance, so hits are shown in its order ({@link #byMatch}): people read the percentage as
 * the order, and a 45% first above an 86% second reads as a mistake.
 *
 * <p>Thresholds calibrated on {@code index/src/test/resources/grades/questions.tsv} (70 chat questions over the
 * bundled sample, 18 of them on topics it lacks), never on the relevance test; {@code GradeCalibrationTest} prints
 * the figures for BM25 and hybrid.
 */
public enum MatchGrade {
    /** The note answers the question: worth an unprompted answer. */
    STRONG,
    /** The note shares some of the question's rarer words or its meaning: shown as "related, maybe not the same". */
    RELATED,
    /** Nothing plausible: only then does an answer say nobody seems to have looked into it. */
    NONE;

    /** At or above this relevance a hit is {@link #STRONG}; see {@link Hit#STRONG}. */
    public static final float STRONG_AT = Hit.STRONG;
    /**
     * At or above this relevance a hit is at least {@link #RELATED}. Tuned on the odd lines of the labelled set: for
     * none of their answerable questions to end in "nothing", it may be at most 0.121 with BM25 ("our llm endpoint
     * is slow when lots of people use it" finds the vLLM note by "llm" alone) and 0.075 with hybrid (the meaning
     * brings in a RAG note that shares no rare word with "the docs bot gives wrong answers"); set just below both.
     * The price: most questions the sample cannot answer share a word with some note and get "related" rather than
     * "nothing" (2 of 18 get "nothing"), which shows a weak note with a warning and still offers a spike.
     */
    public static final float PLAUSIBLE = 0.07f;

    public static MatchGrade of(float relevance) {
        if (relevance >= STRONG_AT) return STRONG;
        if (relevance >= PLAUSIBLE) return RELATED;
        return NONE;
    }

    public static MatchGrade of(Hit hit) {
        return of(hit.relevance());
    }

    /**
     * The grade of an answer made of these hits: its best hit's; {@link #NONE} for no hit.
     */
    public static MatchGrade ofAnswer(List<Hit> hits) {
        float best = 0f;
        for (Hit hit : hits) best = Math.max(best, hit.relevance());
        return hits.isEmpty() ? NONE : of(best);
    }

    /**
     * The hits best match first, so the match shown falls down the list; equal matches keep the ranking's order
     * (Lucene's or hybrid's score breaks the tie). Reorders only what the ranking already chose to show.
     */
    public static List<Hit> byMatch(List<Hit> hits) {
        return hits.stream().sorted(Comparator.comparing(Hit::relevance).reversed()).toList();
    }

    /** The hits that are at least {@link #RELATED}, best match first: never pad a list with 0% matches. */
    public static List<Hit> plausible(List<Hit> hits) {
        return byMatch(hits).stream().filter(h -> of(h) != NONE).toList();
    }
}
