package spikebot.index;

import spikebot.knowledge.NoteKind;

import java.time.LocalDate;
import java.util.List;

/**
 * A note that ranks for a question, before its snippet is made: everything a caller needs to decide whether its
 * audience may see the note (its channel), whether it is good enough to show (its relevance), and to show it as a
 * card. The search that found it has released its searcher, so the caller may take its time deciding (Discord
 * permission look-ups go over the network); {@link NoteIndex#snippets} then turns the kept ones into {@link Hit}s.
 *
 * <p>Apart from {@link Hit} rather than a hit with an empty snippet, so that a card can never be shown with a
 * snippet that was simply not made yet.
 *
 * @param path      relative to the knowledge base, with forward slashes
 * @param kind      what the note records
 * @param title     one line
 * @param outcome   e.g. "no-go"; null when the note has none
 * @param authors   who did the work
 * @param date      when; null when the note does not say
 * @param score     orders the candidates of one question, means nothing across questions
 * @param relevance how much of the question the note covers, 0 to 1, comparable across questions; see
 *                  {@link Hit#relevance()}
 * @param link      the note's {@code link} field; null when none
 * @param channel   the Discord channel or thread the note was born in; null when none
 */
public record Candidate(String path, NoteKind kind, String title, String outcome, List<String> authors,
                        LocalDate date, float score, float relevance, String link, String channel) {
    public Candidate {
        authors = List.copyOf(authors);
    }

    /** The fields a stored note gives, as {@link NoteDocuments#hit} reads them. */
    static Candidate of(Hit stored) {
        return new Candidate(stored.path(), stored.kind(), stored.title(), stored.outcome(), stored.authors(),
                stored.date(), stored.score(), stored.relevance(), stored.link(), stored.channel());
    }

    /** This note as an answer, with the passage that shows why. */
    public Hit withSnippet(Snippet snippet) {
        return new Hit(path, kind, title, outcome, authors, date, score, relevance, snippet, link, channel);
    }
}
