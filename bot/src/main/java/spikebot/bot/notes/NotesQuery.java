package spikebot.bot.notes;

import spikebot.bot.core.Refusal;
import spikebot.bot.core.Text;
import spikebot.index.NoteListing;
import spikebot.index.SearchRequest;
import spikebot.knowledge.NoteKind;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code /notes list} was asked for: the filters and the order, checked once when the command comes in.
 *
 * @param kind    null for every kind
 * @param tag     null for any tag
 * @param author  null for anyone
 * @param outcome null for any outcome; always one some kind takes
 */
record NotesQuery(NoteKind kind, String tag, String author, String outcome, NoteListing.Order order) {
    static final int MAX_TEXT = 100;

    /** Every outcome any kind takes: the choices of the {@code outcome} option. */
    static List<String> outcomes() {
        return Arrays.stream(NoteKind.values()).flatMap(k -> k.outcomes().stream()).toList();
    }

    /** @throws Refusal with a one-line reason for an unknown kind, outcome or order */
    static NotesQuery from(Map<String, String> options) {
        NoteKind kind = null;
        String kindText = blankToNull(options.get("kind"));
        if (kindText != null) {
            kind = NoteKind.parse(kindText).orElseThrow(() -> new Refusal("Unknown kind '" + shown(kindText)
                    + "': choose one of " + NoteKind.ids() + "."));
        }
        String outcome = blankToNull(options.get("outcome"));
        if (outcome != null) {
            outcome = outcome.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
            if (!outcomes().contains(outcome)) {
                throw new Refusal("Unknown outcome '" + shown(options.get("outcome")) + "': choose one of "
                        + String.join(", ", outcomes()) + ".");
            }
            if (kind != null && !kind.accepts(outcome)) {
                throw new Refusal("A " + kind.id() + " does not end '" + outcome + "'"
                        + (kind.outcomes().isEmpty() ? ": it has no outcome." : ": it ends "
                        + String.join(", ", kind.outcomes()) + "."));
            }
        }
        String sortText = blankToNull(options.get("sort"));
        NoteListing.Order order = NoteListing.Order.NEWEST;
        if (sortText != null) {
            Optional<NoteListing.Order> parsed = Arrays.stream(NoteListing.Order.values())
                    .filter(o -> o.id().equals(sortText.strip().toLowerCase(Locale.ROOT))).findFirst();
            order = parsed.orElseThrow(() -> new Refusal("Unknown sort '" + shown(sortText)
                    + "': choose newest or oldest."));
        }
        return new NotesQuery(kind, text(options.get("tag")), text(options.get("author")), outcome, order);
    }

    SearchRequest filters() {
        return new SearchRequest("", kind, tag, author, outcome, SearchRequest.DEFAULT_LIMIT);
    }

    /** "spike · tag polars · by ana · no-go", for the listing's title; user text escaped. */
    String describe() {
        StringBuilder out = new StringBuilder();
        if (kind != null) out.append(kind.id()).append(" · ");
        if (tag != null) out.append("tag ").append(Text.escape(tag)).append(" · ");
        if (author != null) out.append("by ").append(Text.escape(author)).append(" · ");
        if (outcome != null) out.append(outcome).append(" · ");
        out.append(order == NoteListing.Order.NEWEST ? "newest first" : "oldest first");
        return out.toString();
    }

    private static String text(String value) {
        String clean = Text.oneLine(value);
        return clean.isEmpty() ? null : Text.cut(clean, MAX_TEXT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String shown(String value) {
        return Text.escape(Text.cut(Text.oneLine(value), 40));
    }
}
