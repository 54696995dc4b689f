package spikebot.index.analysis;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Makes technical words findable by their parts as well as whole: {@code numThreads} also yields {@code num} and
 * {@code Threads}, {@code max_bin} yields {@code max} and {@code bin}, {@code ResNet50} yields {@code ResNet},
 * {@code Res}, {@code Net} and {@code 50}, {@code py3.10} yields {@code py} and {@code 3.10}.
 *
 * <p>The parts are stacked on the whole word (position increment 0), so the text keeps its positions and phrase
 * queries over ordinary words are unaffected. Parts shorter than two characters are dropped: {@code k8s} splits
 * into nothing worth finding, so it is only findable as written.
 *
 * <p>Why not Lucene's WordDelimiterGraphFilter: it emits a token graph that must be flattened at index time and
 * splits plural acronyms ({@code GPUs} into {@code GP} and {@code Us}); stacking is all search needs here. It must
 * run before lower-casing, since case changes mark the parts.
 */
public final class WordPartsFilter extends TokenFilter {
    /** Type of the tokens this filter adds, so that query building can weigh them less than whole words. */
    public static final String PART_TYPE = "<PART>";
    /** A 255-character token of single letters would otherwise flood the index. */
    private static final int MAX_PARTS = 12;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute positionIncrement = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final Deque<Part> pending = new ArrayDeque<>();
    private State whole;

    public WordPartsFilter(TokenStream input) {
        super(input);
    }

    /** A part of a word: its text and where it lies in the word. */
    public record Part(String text, int start, int end) {
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            Part part = pending.poll();
            restoreState(whole);
            int wordStart = offset.startOffset();
            // Offsets inside the word are exact only when no char filter changed the word's length.
            boolean exact = offset.endOffset() - wordStart == term.length();
            term.setEmpty().append(part.text());
            if (exact) offset.setOffset(wordStart + part.start(), wordStart + part.end());
            positionIncrement.setPositionIncrement(0);
            type.setType(PART_TYPE);
            return true;
        }
        if (!input.incrementToken()) return false;
        if (!mayHaveParts(term.buffer(), term.length())) return true;
        List<Part> parts = parts(term.toString());
        if (!parts.isEmpty()) {
            pending.addAll(parts);
            whole = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        whole = null;
    }

    /**
     * The parts of a word worth finding on their own, in order of position, without the word itself.
     * Words are cut at {@code _}, {@code -} and {@code .} (but not a decimal point), between letters and digits,
     * and where the case changes ({@code numThreads}, {@code XGBoost}; plural acronyms like {@code GPUs} stay whole).
     * A run of letters cut by case changes is also kept joined ({@code ResNet} from {@code ResNet50}).
     */
    public static List<Part> parts(String word) {
        List<Part> parts = new ArrayList<>();
        for (int[] segment : segments(word)) {
            int from = segment[0], to = segment[1];
            if (from != 0 || to != word.length()) add(parts, word, from, to);
            List<int[]> runs = letterDigitRuns(word, from, to);
            for (int[] run : runs) {
                if (runs.size() > 1) add(parts, word, run[0], run[1]);
                if (Character.isLetter(word.charAt(run[0]))) {
                    List<int[]> cases = caseParts(word, run[0], run[1]);
                    if (cases.size() > 1) for (int[] c : cases) add(parts, word, c[0], c[1]);
                }
            }
        }
        parts.removeIf(p -> p.text().equalsIgnoreCase(word));
        parts.sort(Comparator.comparingInt(Part::start).thenComparing(Comparator.comparingInt(Part::end).reversed()));
        List<Part> distinct = new ArrayList<>();
        for (Part p : parts) {
            boolean seen = distinct.stream().anyMatch(d -> d.text().toLowerCase(Locale.ROOT)
                    .equals(p.text().toLowerCase(Locale.ROOT)));
            if (!seen && distinct.size() < MAX_PARTS) distinct.add(p);
        }
        return distinct;
    }

    /**
     * A cheap look at the characters, no allocation: almost every word of prose is plain lower case or capitalised,
     * and those have no parts. Answers true for anything {@link #parts} might cut.
     */
    static boolean mayHaveParts(char[] chars, int length) {
        for (int i = 1; i < length; i++) {
            char prev = chars[i - 1], c = chars[i];
            if (c == '_' || c == '-' || c == '.' || Character.isUpperCase(c)
                    || Character.isDigit(c) != Character.isDigit(prev)) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Part> parts, String word, int from, int to) {
        if (to - from >= 2) parts.add(new Part(word.substring(from, to), from, to));
    }

    /** Spans between separators; a dot between two digits is a decimal point, not a separator. */
    private static List<int[]> segments(String word) {
        List<int[]> segments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= word.length(); i++) {
            boolean cut = i == word.length() || isSeparator(word, i);
            if (cut) {
                if (i > start) segments.add(new int[]{start, i});
                start = i + 1;
            }
        }
        return segments;
    }

    private static boolean isSeparator(String word, int i) {
        char c = word.charAt(i);
        if (c == '_' || c == '-') return true;
        if (c != '.') return false;
        boolean decimal = i > 0 && i + 1 < word.length()
                && Character.isDigit(word.charAt(i - 1)) && Character.isDigit(word.charAt(i + 1));
        return !decimal;
    }

    /** Runs of letters and runs of digits (with their decimal points). */
    private static List<int[]> letterDigitRuns(String word, int from, int to) {
        List<int[]> runs = new ArrayList<>();
        int start = from;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || isLetterLike(word.charAt(i)) != isLetterLike(word.charAt(i - 1))) {
                runs.add(new int[]{start, i});
                start = i;
            }
        }
        return runs;
    }

    private static boolean isLetterLike(char c) {
        return !(Character.isDigit(c) || c == '.');
    }

    /** "numThreads" → num|Threads, "XGBoost" → XG|Boost, but "GPUs" stays whole. */
    private static List<int[]> caseParts(String word, int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int start = from;
        for (int i = from + 1; i < to; i++) {
            char prev = word.charAt(i - 1), c = word.charAt(i);
            boolean lowerToUpper = Character.isLowerCase(prev) && Character.isUpperCase(c);
            boolean acronymEnd = Character.isUpperCase(prev) && Character.isUpperCase(c)
                    && lowerRunLength(word, i + 1, to) >= 2;
            if (lowerToUpper || acronymEnd) {
                parts.add(new int[]{start, i});
                start = i;
            }
        }
        parts.add(new int[]{start, to});
        return parts;
    }

    private static int lowerRunLength(String word, int from, int to) {
        int n = 0;
        while (from + n < to && Character.isLowerCase(word.charAt(from + n))) n++;
        return n;
    }
}
