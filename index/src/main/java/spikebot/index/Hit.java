package spikebot.index;

import spikebot.knowledge.NoteKind;

import java.time.LocalDate;
import java.util.List;

/**
 * One note that answers a question.
 *
 * @param path      relative to the knowledge base, with forward slashes
 * @param kind      what the note records
 * @param title     one line
 * @param outcome   e.g. "no-go"; null when the note has none
 * @param authors   who did the work
 * @param date      when; null when the note does not say
 * @param score     Lucene's score: orders the hits of one question, means nothing across questions
 * @param relevance how much of the question the note covers, 0 to 1, comparable across questions: the share of
 *                  the question's words (or their synonyms) the note contains, each weighted by how rare it is.
 *                  Answers grade it with {@link MatchGrade} (strong, related, nothing), show it as the match and
 *                  list hits in its order
 * @param snippet   the best passage of the body (or the title), with the question's words highlighted
 * @param link      the note's {@code link} field (where the discussion lives); null when none
 * @param channel   the Discord channel or thread the note was born in (front matter {@code channel}); null when none
 */
public record Hit(String path, NoteKind kind, String title, String outcome, List<String> authors, LocalDate date,
                  float score, float relevance, Snippet snippet, String link, String channel) {
    /**
     * Below this, a hit is not worth showing as an answer: say "nothing good enough" instead. Tuned on the bundled
     * sample: the 50 relevance questions' expected notes score 0.42 and up, the best hits of questions on topics
     * the sample lacks 0.29 and below.
     */
    public static final float GOOD_ENOUGH = 0.35f;
    /**
     * At or above this, a hit is a strong match: worth an unprompted answer to a message that merely asks "has
     * anyone…?". Well above anything an unrelated question reached on the sample (0.29), since a wrong unprompted
     * answer costs more than a missed one; three in four expected answers reach it.
     */
    public static final float STRONG = 0.6f;

    public Hit {
        authors = List.copyOf(authors);
    }

    public boolean goodEnough() {
        return relevance >= GOOD_ENOUGH;
    }

    public boolean strong() {
        return relevance >= STRONG;
    }
}
