package spikebot.index;

import spikebot.knowledge.NoteKind;

import java.time.LocalDate;

/**
 * A question and the filters that narrow it. Null filters do not filter.
 *
 * @param text    the question as the user typed it; blank asks for the newest notes that pass the filters
 * @param kind    only notes of this kind
 * @param tag     only notes with this tag (any case)
 * @param author  only notes by this author (any case)
 * @param outcome only notes with this outcome, e.g. "no-go"
 * @param since   only notes dated on or after this day
 * @param until   only notes dated on or before this day
 * @param limit   at most this many hits, 1 to {@link #MAX_LIMIT}
 */
public record SearchRequest(String text, NoteKind kind, String tag, String author, String outcome,
                            LocalDate since, LocalDate until, int limit) {
    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 100;

    public SearchRequest {
        text = text == null ? "" : text;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
        }
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("since " + since + " is after until " + until);
        }
    }

    /** Without a date range. */
    public SearchRequest(String text, NoteKind kind, String tag, String author, String outcome, int limit) {
        this(text, kind, tag, author, outcome, null, null, limit);
    }

    /** A question without filters, {@link #DEFAULT_LIMIT} hits. */
    public static SearchRequest of(String text) {
        return new SearchRequest(text, null, null, null, null, DEFAULT_LIMIT);
    }

    public SearchRequest withKind(NoteKind newKind) {
        return new SearchRequest(text, newKind, tag, author, outcome, since, until, limit);
    }

    public SearchRequest withTag(String newTag) {
        return new SearchRequest(text, kind, newTag, author, outcome, since, until, limit);
    }

    public SearchRequest withAuthor(String newAuthor) {
        return new SearchRequest(text, kind, tag, newAuthor, outcome, since, until, limit);
    }

    public SearchRequest withOutcome(String newOutcome) {
        return new SearchRequest(text, kind, tag, author, newOutcome, since, until, limit);
    }

    /** Only notes dated within [since, until]; either may be null for an open end. */
    public SearchRequest withDates(LocalDate newSince, LocalDate newUntil) {
        return new SearchRequest(text, kind, tag, author, outcome, newSince, newUntil, limit);
    }

    public SearchRequest withLimit(int newLimit) {
        return new SearchRequest(text, kind, tag, author, outcome, since, until, newLimit);
    }
}
