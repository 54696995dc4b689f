package spikebot.bot.passive;

import spikebot.bot.ask.Questions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people thought of passive answers, counted so that it means something: one vote per person per answer, the
 * last one wins (a second click changes the vote, it does not add one). Read back from {@link FeedbackLog}, kept up
 * to date as answers and votes come, and used both to report ({@link FeedbackReport}) and to stop offering a note
 * that people said does not answer a question.
 *
 * <p>A vote is on a whole answer (its buttons are under all its notes), so it counts for each note the answer showed.
 */
final class FeedbackVotes {
    /** A note voted not relevant to a question by this many people is not offered again for near-identical ones. */
    static final int UNWELCOME_AFTER = 2;
    /**
     * Questions whose topic words overlap this much (Jaccard) are near-identical: "has anyone tried Polars for the
     * ETL?" and "did anyone try polars for ETL" are, "Polars for reporting" is not.
     */
    static final double NEAR_IDENTICAL = 0.75;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}+#.-]*");
    private static final Set<String> FILLER = Set.of("a", "an", "the", "for", "of", "to", "in", "on", "with", "our",
            "we", "it", "is", "are", "and", "or", "any", "anyone", "someone", "ever", "before", "try", "tried",
            "using", "use", "used", "this", "that", "as", "at", "by", "be");

    /** One passive answer: the message it replied to, the question asked, and the notes it showed. */
    record Answer(String message, String question, List<String> notes) {
        Answer {
            notes = List.copyOf(notes);
        }
    }

    private final Map<String, Answer> answers = new LinkedHashMap<>();
    /** Answered message → voter → helpful; insertion order kept for the report. */
    private final Map<String, Map<String, Boolean>> votes = new LinkedHashMap<>();

    /** Replays the log's entries in order; unknown or incomplete entries are skipped. */
    static FeedbackVotes of(List<Map<String, Object>> entries) {
        FeedbackVotes book = new FeedbackVotes();
        for (Map<String, Object> entry : entries) {
            Object message = entry.get("message");
            if (!(message instanceof String id)) continue;
            if ("answer".equals(entry.get("type")) && entry.get("notes") instanceof List<?> notes) {
                Object question = entry.get("question");
                book.answered(new Answer(id, question instanceof String q ? q : "",
                        notes.stream().map(String::valueOf).toList()));
            } else if ("feedback".equals(entry.get("type")) && entry.get("user") instanceof String user
                    && entry.get("verdict") instanceof String verdict) {
                book.vote(id, user, FeedbackButton.HELPFUL.equals(verdict));
            }
        }
        return book;
    }

    synchronized void answered(Answer answer) {
        answers.put(answer.message(), answer);
    }

    /**
     * Records a vote, replacing the same person's earlier vote on the same answer.
     *
     * @return the earlier vote (true helpful), or null when this is the person's first
     */
    synchronized Boolean vote(String message, String user, boolean helpful) {
        return votes.computeIfAbsent(message, m -> new LinkedHashMap<>()).put(user, helpful);
    }

    /** Notes that {@link #UNWELCOME_AFTER} or more people voted not relevant to this question or a near-identical one. */
    synchronized Set<String> unwelcome(String question) {
        Set<String> words = topicWords(question);
        Map<String, Set<String>> against = new LinkedHashMap<>();
        for (Answer answer : answers.values()) {
            if (similarity(words, topicWords(answer.question())) < NEAR_IDENTICAL) continue;
            votes.getOrDefault(answer.message(), Map.of()).forEach((user, helpful) -> {
                if (helpful) return;
                for (String note : answer.notes()) against.computeIfAbsent(note, n -> new HashSet<>()).add(user);
            });
        }
        Set<String> unwelcome = new LinkedHashSet<>();
        against.forEach((note, users) -> {
            if (users.size() >= UNWELCOME_AFTER) unwelcome.add(note);
        });
        return unwelcome;
    }

    /** Helpful and not-relevant counts, one line per key, for {@link FeedbackReport}. */
    record Tally(String key, int answers, int helpful, int notRelevant) {
        int votes() {
            return helpful + notRelevant;
        }
    }

    synchronized List<Tally> byNote() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Answer answer : answers.values()) {
            int[] v = count(answer.message());
            for (String note : answer.notes()) add(counts, note, v);
        }
        return tallies(counts);
    }

    synchronized List<Tally> byQuestion() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Answer answer : answers.values()) {
            String key = answer.question().isBlank() ? "(question not recorded)" : answer.question();
            add(counts, key, count(answer.message()));
        }
        return tallies(counts);
    }

    private int[] count(String message) {
        int helpful = 0, notRelevant = 0;
        for (boolean vote : votes.getOrDefault(message, Map.of()).values()) {
            if (vote) helpful++;
            else notRelevant++;
        }
        return new int[]{helpful, notRelevant};
    }

    private static void add(Map<String, int[]> counts, String key, int[] votes) {
        int[] c = counts.computeIfAbsent(key, k -> new int[3]);
        c[0]++;
        c[1] += votes[0];
        c[2] += votes[1];
    }

    private static List<Tally> tallies(Map<String, int[]> counts) {
        List<Tally> out = new ArrayList<>();
        counts.forEach((key, c) -> out.add(new Tally(key, c[0], c[1], c[2])));
        return out;
    }

    /** The words that say what a question is about: its topic, lower case, without filler. */
    static Set<String> topicWords(String question) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(Questions.topic(question == null ? "" : question).toLowerCase(Locale.ROOT));
        while (m.find()) {
            String word = m.group().replaceAll("[.-]+$", "");
            if (!word.isEmpty() && !FILLER.contains(word)) words.add(word);
        }
        return words;
    }

    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / (a.size() + b.size() - both.size());
    }
}
