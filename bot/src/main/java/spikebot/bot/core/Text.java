package spikebot.bot.core;

import java.text.Normalizer;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Text that goes out to Discord: user and note text is escaped so it can neither format nor ping, and everything
 * is cut to size with an ellipsis. Text that comes in is cleaned of invisible characters that could disguise it.
 */
public final class Text {
    public static final String ELLIPSIS = "…";
    /** Characters that format anywhere, plus those that start a heading, list or quote at the start of a line. */
    private static final Pattern MARKDOWN = Pattern.compile("([\\\\*_~`|\\[\\]])|(?m)^(\\s*)([#>-])");
    /** Zero-width characters, bidirectional controls and other invisible formatting (Unicode category Cf). */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cc}&&[^\\n\\t]]");
    private static final Pattern MASS_MENTION = Pattern.compile("@(everyone|here)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MENTION = Pattern.compile("<(@[!&]?|#)(\\d+)>");
    private static final char ZWSP = '\u200B';

    private Text() {
    }

    /**
     * Makes user or note text safe to post: Markdown shown as typed, mentions ({@code @everyone}, {@code <@…>},
     * {@code <#…>}) shown but inert. The adapter also sends every message with no allowed mentions; this makes
     * the text itself harmless too.
     */
    public static String escape(String text) {
        if (text == null) return "";
        String escaped = MARKDOWN.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                m.group(1) != null ? "\\" + m.group(1) : m.group(2) + "\\" + m.group(3)));
        return defuse(escaped);
    }

    /** Neutralises mentions without escaping Markdown: for text the core formats itself around user words. */
    public static String defuse(String text) {
        if (text == null) return "";
        String out = MASS_MENTION.matcher(text).replaceAll("@" + ZWSP + "$1");
        return MENTION.matcher(out).replaceAll(m -> "<" + ZWSP + m.group(1) + m.group(2) + ">");
    }

    /**
     * Cleans what a user typed: Unicode normalised (NFKC), invisible and control characters (zero-width spaces,
     * right-to-left overrides, …) removed, trimmed. Newlines and tabs are kept.
     */
    public static String clean(String text) {
        if (text == null) return "";
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return INVISIBLE.matcher(normal).replaceAll("").strip();
    }

    /** {@link #clean} and folded to one line, for titles, topics and names. */
    public static String oneLine(String text) {
        return clean(text).replaceAll("\\s+", " ");
    }

    /** At most {@code max} characters; longer text ends in an ellipsis. Never splits a surrogate pair. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) return text;
        if (max <= 0) return "";
        int end = max - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, Math.max(end, 0)) + ELLIPSIS;
    }

    /** A Discord timestamp, rendered by each client in its reader's time zone. Styles: R relative, F full, f, D, t. */
    public static String timestamp(Instant instant, char style) {
        return "<t:" + instant.getEpochSecond() + ":" + style + ">";
    }

    /** {@code <#id>}: a link to a channel or thread (it does not ping). */
    public static String channel(String channelId) {
        return "<#" + channelId + ">";
    }

    /** The web link of a channel or thread. */
    public static String channelUrl(String guildId, String channelId) {
        return "https://discord.com/channels/" + guildId + "/" + channelId;
    }
}
