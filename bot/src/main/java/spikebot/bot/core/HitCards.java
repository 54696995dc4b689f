package spikebot.bot.core;

import spikebot.index.Hit;
import spikebot.index.MatchGrade;
import spikebot.knowledge.NoteKind;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Prior work as Discord shows it: one embed field per note with kind, title, outcome, authors, age, how well it
 * matches, the highlighted snippet and a link. Used by {@code /ask}, passive answers and a new spike's "before you
 * start". Ages are words ({@link Ages}), not Discord timestamps, so that chat and shell say the same.
 */
public final class HitCards {
    private static final Pattern SAFE_URL = Pattern.compile("https?://[^\\s()<>\\[\\]]{1,1000}");
    private static final int SNIPPET_CHARS = 600;
    private static final int MAX_AUTHORS = 4;

    private HitCards() {
    }

    public static Card.Field field(Hit hit, GuildKnowledge guild) {
        String name = icon(hit.kind()) + " " + Text.escape(Text.oneLine(hit.title()));
        StringBuilder value = new StringBuilder(kindLabel(hit.kind()));
        if (hit.outcome() != null) value.append(" · **").append(Text.escape(hit.outcome())).append("**");
        if (!hit.authors().isEmpty()) value.append(" · ").append(authors(hit.authors()));
        value.append(" · ").append(hit.date() == null ? "undated" : Ages.since(hit.date(), guild.today()));
        value.append(" · ").append(match(hit));
        // Adjacent highlights (parts of one word, like cudaError) merge into one bold run: "****" never comes
        // from the text itself, whose asterisks are escaped.
        String snippet = hit.snippet() == null ? "" : hit.snippet().render(
                s -> Text.escape(s.replace('\n', ' ')), "**", "**").replace("****", "");
        if (!snippet.isBlank()) value.append("\n> ").append(Text.cut(snippet, SNIPPET_CHARS));
        value.append('\n').append(link(hit, guild));
        return new Card.Field(name, value.toString(), false);
    }

    /** One compact line with its match, for answers listed as lines, such as a new spike's "before you start". */
    public static String line(Hit hit, GuildKnowledge guild) {
        return entry(hit, guild) + " · " + match(hit);
    }

    /** One compact line without a match, for notes listed rather than found ({@code /notes}): none was asked. */
    public static String entry(Hit hit, GuildKnowledge guild) {
        String url = guild.linkTo(hit);
        String title = Text.escape(Text.cut(Text.oneLine(hit.title()), 120));
        String shown = url != null && SAFE_URL.matcher(url).matches() ? "[" + title + "](" + url + ")"
                : title + " (`" + hit.path().replace("`", "'") + "`)";
        StringBuilder out = new StringBuilder(icon(hit.kind())).append(' ').append(shown).append(" · ")
                .append(kindLabel(hit.kind()));
        if (hit.outcome() != null) out.append(" · **").append(Text.escape(hit.outcome())).append("**");
        if (hit.date() != null) out.append(" · ").append(Ages.since(hit.date(), guild.today()));
        return out.toString();
    }

    /**
     * "match 86%, strong" or "match 30%, related": the relevance the list is ordered by, so the figure falls down
     * the list, and its grade in words.
     */
    public static String match(Hit hit) {
        return String.format(Locale.ROOT, "match %.0f%%", hit.relevance() * 100)
                + (MatchGrade.of(hit) == MatchGrade.STRONG ? ", strong" : ", related");
    }

    /** A Markdown link to the note, or its path when it has no web home. */
    public static String link(Hit hit, GuildKnowledge guild) {
        String url = guild.linkTo(hit);
        if (url != null && SAFE_URL.matcher(url).matches()) return "[Open](" + url + ")";
        return "`" + hit.path().replace("`", "'") + "`";
    }

    public static String kindLabel(NoteKind kind) {
        return switch (kind) {
            case SPIKE -> "spike";
            case PAPER_CHECK -> "paper check";
            case SOLUTION -> "solution";
            case DECISION -> "decision";
            case DISCUSSION -> "discussion";
            case NOTE -> "note";
        };
    }

    static String icon(NoteKind kind) {
        return switch (kind) {
            case SPIKE -> "🧪";
            case PAPER_CHECK -> "📄";
            case SOLUTION -> "✅";
            case DECISION -> "🧭";
            case DISCUSSION -> "💬";
            case NOTE -> "📝";
        };
    }

    private static String authors(List<String> authors) {
        List<String> shown = authors.subList(0, Math.min(authors.size(), MAX_AUTHORS)).stream()
                .map(a -> Text.escape(Text.oneLine(a))).toList();
        String more = authors.size() > MAX_AUTHORS ? " +" + (authors.size() - MAX_AUTHORS) : "";
        return String.join(", ", shown) + more;
    }
}
