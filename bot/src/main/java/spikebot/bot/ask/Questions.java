package spikebot.bot.ask;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises the question Spikebot exists for, "has this been done before?", in the many ways people ask it, and
 * pulls out what it is about.
 */
public final class Questions {
    private static final String WHO = "(?:any\\s?one|any\\s?body|some\\s?one|some\\s?body|we|you(?: all| guys)?|"
            + "the team|people|folks|y'?all)";
    private static final String ANYONE = "(?:any\\s?one|any\\s?body|some\\s?one|some\\s?body)";
    private static final String DONE = "(?:tr(?:y|ied)|do(?:ne)?|used?|look(?:ed)?|check(?:ed)?|evaluat(?:e|ed)|"
            + "test(?:ed)?|benchmark(?:ed)?|compared?|play(?:ed)?|work(?:ed)?|experiment(?:ed)?|seen?|buil[dt]|"
            + "r[au]n|investigat(?:e|ed)|explored?|consider(?:ed)?|attempt(?:ed)?|reproduc(?:e|ed)|solved?|"
            + "fix(?:ed)?|hit|had|deal(?:t)?|manag(?:e|ed)|g[eo]t)";
    /** "has anyone…", "did anyone…", "have we ever…", "anyone tried…", "is there a note on…", and variants. */
    private static final Pattern DONE_BEFORE = Pattern.compile(String.join("|",
            "\\b(?:has|have|had|did|does|do)\\s+" + WHO + "\\s+(?:ever\\s+|already\\s+|previously\\s+|before\\s+)*"
                    + "(?:\\w+\\s+)?" + DONE + "\\b",
            "(?:^|[.!?,:;]\\s*)" + ANYONE + "\\s+(?:ever\\s+|already\\s+)?" + DONE + "\\b",
            "\\bhave\\s+we\\s+ever\\b",
            "\\b(?:is|are)\\s+there\\s+(?:a|an|any)\\s+(?:\\w+\\s+)?(?:note|notes|write-?ups?|docs?|spikes?|"
                    + "paper\\s?checks?|post-?mortems?|results?)\\s+(?:on|about|for|of|regarding)\\b",
            "\\bdo\\s+we\\s+have\\s+(?:a|an|any)\\s+(?:\\w+\\s+)?(?:note|notes|write-?ups?|docs?|spikes?|results?)\\b",
            "\\b(?:was|were)\\s+there\\s+(?:ever\\s+)?(?:a|an|any)\\s+(?:spike|paper\\s?check|experiment|"
                    + "investigation)s?\\b",
            "\\b(?:been\\s+(?:tried|done|looked\\s+into|evaluated|tested)\\s+before)\\b"),
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEAD = Pattern.compile("^(?:(?:hey|hi|hello|so|ok|okay|quick question)"
            + "(?:\\s+(?:all|team|folks|everyone|there))?[,!:]?\\s+)*"
            + "(?:(?:has|have|had|did|does|do)\\s+" + WHO + "\\s+(?:ever\\s+|already\\s+|previously\\s+)*|"
            + ANYONE + "\\s+(?:ever\\s+)?|(?:is|are)\\s+there\\s+(?:a|an|any)\\s+(?:\\w+\\s+)?\\S+\\s+"
            + "(?:on|about|for|of|regarding)\\s+|do\\s+we\\s+have\\s+(?:a|an|any)\\s+\\S+\\s+(?:on|about|for)\\s+)"
            + "(?:" + DONE + "\\s+(?:out\\s+|into\\s+|at\\s+|with\\s+|on\\s+)?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAIL = Pattern.compile("(?:\\s+(?:before|already|yet|here|ever))*\\s*[?!.]*\\s*$",
            Pattern.CASE_INSENSITIVE);

    private Questions() {
    }

    /** Whether the text asks if something was done, tried or written down before. */
    public static boolean asksIfDoneBefore(String text) {
        return text != null && DONE_BEFORE.matcher(text).find();
    }

    /**
     * What the question is about, to prefill a spike's topic: "has anyone tried Polars for ETL?" → "Polars for
     * ETL". Falls back to the question itself.
     */
    public static String topic(String question) {
        String q = question == null ? "" : question.strip();
        String t = TAIL.matcher(LEAD.matcher(q).replaceFirst("")).replaceFirst("").strip();
        if (t.isEmpty()) t = q;
        if (t.isEmpty()) return t;
        return t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
    }
}
