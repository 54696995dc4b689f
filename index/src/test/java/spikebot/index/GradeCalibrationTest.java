package spikebot.index;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.index.embed.Embeddings;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.SampleKnowledgeBase;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three grades of {@link MatchGrade} on a labelled set that is not the relevance test
 * ({@code grades/questions.tsv}: chat questions over the sample, each with the notes worth showing, some with none).
 * The set is split in two: odd lines tune {@link MatchGrade#PLAUSIBLE} (the highest threshold at which none of their
 * answerable questions would get "nothing"), even lines report how the grades do on questions they were not tuned
 * on, for BM25 and hybrid:
 * <ul>
 *   <li>strong precision: of the hits an answer marks strong, how many are notes worth showing;</li>
 *   <li>false "nothing": answerable questions answered "nothing" (the goal is none);</li>
 *   <li>relevant shown: answerable questions whose answer shows at least one note worth showing;</li>
 *   <li>honest "nothing": questions the sample cannot answer that get "nothing" rather than "related".</li>
 * </ul>
 * It also compares the order shown (by match) with the ranking's own, by the reciprocal rank of the first note worth
 * showing.
 */
class GradeCalibrationTest {
    /** What an answer shows, as /ask does. */
    static final int SHOWN = 5;

    @TempDir
    static Path root;
    private static Embeddings embeddings;
    private static NoteIndex bm25;
    private static NoteIndex hybrid;

    record Question(int line, String text, Set<String> relevant) {
        boolean answerable() {
            return !relevant.isEmpty();
        }

        boolean tuning() {
            return line % 2 == 1;
        }
    }

    /** One half's figures. */
    record Figures(int strongHits, int strongRight, int answerable, int falseNothing, int relevantShown,
                   int unanswerable, int honestNothing, double rrByMatch, double rrByRank, List<String> notes) {
        String row(String name) {
            return String.format(Locale.ROOT, "%-16s strong precision %3d/%-3d = %5.1f%% | false nothing %d/%d | "
                            + "relevant shown %d/%d | honest nothing %d/%d = %5.1f%% | MRR by match %.3f, by rank %.3f",
                    name, strongRight, strongHits, percent(strongRight, strongHits), falseNothing, answerable,
                    relevantShown, answerable, honestNothing, unanswerable, percent(honestNothing, unanswerable),
                    rrByMatch / answerable, rrByRank / answerable);
        }
    }

    @BeforeAll
    static void indexTheSample() throws Exception {
        Path words = Files.createDirectories(root.resolve("bm25"));
        Path meaning = Files.createDirectories(root.resolve("hybrid"));
        SampleKnowledgeBase.copyTo(words);
        SampleKnowledgeBase.copyTo(meaning);
        bm25 = NoteIndex.open(new KnowledgeBase(words));
        bm25.sync();
        embeddings = Embeddings.start();
        hybrid = NoteIndex.open(new KnowledgeBase(meaning), embeddings);
        hybrid.sync();
        embeddings.awaitIdle();
    }

    @AfterAll
    static void close() throws Exception {
        bm25.close();
        hybrid.close();
        embeddings.close();
    }

    static List<Question> questions() throws IOException {
        List<Question> questions = new ArrayList<>();
        Set<String> sample = Set.copyOf(SampleKnowledgeBase.paths());
        try (InputStream in = GradeCalibrationTest.class.getResourceAsStream("/grades/questions.tsv")) {
            assertTrue(in != null, "grades/questions.tsv is missing");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int n = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] fields = line.split("\t");
                assertEquals(2, fields.length, "question TAB paths (or -) expected: " + line);
                Set<String> relevant = fields[1].strip().equals("-") ? Set.of() : Set.of(fields[1].strip().split(","));
                for (String path : relevant) assertTrue(sample.contains(path), "not a sample note: " + path);
                questions.add(new Question(++n, fields[0].strip(), relevant));
            }
        }
        return questions;
    }

    @Test
    void gradesAreHonestOnQuestionsTheyWereNotTunedOn() throws IOException {
        List<Question> questions = questions();
        long unanswerable = questions.stream().filter(q -> !q.answerable()).count();
        assertTrue(questions.size() >= 60 && unanswerable >= 15, "at least 60 questions, 15 of them unanswerable");

        float tunedBm25 = tunedPlausible(bm25, questions);
        float tunedHybrid = tunedPlausible(hybrid, questions);
        System.out.printf(Locale.ROOT, "Grades: %d questions (%d the sample cannot answer); tuning half allows "
                        + "PLAUSIBLE up to %.3f (bm25), %.3f (hybrid); set to %.2f, STRONG at %.2f%n",
                questions.size(), unanswerable, tunedBm25, tunedHybrid, MatchGrade.PLAUSIBLE, MatchGrade.STRONG_AT);
        List<String> failures = new ArrayList<>();
        for (var mode : List.of(new Object[]{"bm25", bm25}, new Object[]{"hybrid", hybrid})) {
            String name = (String) mode[0];
            NoteIndex index = (NoteIndex) mode[1];
            Figures tuning = figures(index, questions.stream().filter(Question::tuning).toList());
            Figures reporting = figures(index, questions.stream().filter(q -> !q.tuning()).toList());
            System.out.println(tuning.row(name + " tuning"));
            System.out.println(reporting.row(name + " reporting"));
            reporting.notes().forEach(n -> System.out.println("    " + n));
            if (reporting.falseNothing() > 0) failures.add(name + ": 'nothing' while a relevant note exists");
        }
        assertTrue(MatchGrade.PLAUSIBLE <= Math.min(tunedBm25, tunedHybrid),
                "PLAUSIBLE is above what the tuning half allows");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * Showing hits by match instead of by the ranking's score, on the relevance test's questions (read only, never
     * tuned on here): the price of one order everywhere, printed for the README.
     */
    @Test
    void orderByMatchOnTheRelevanceQuestions() throws IOException {
        for (var mode : List.of(new Object[]{"bm25", bm25}, new Object[]{"hybrid", hybrid})) {
            double byMatch = 0, byRank = 0;
            int top1Match = 0, top1Rank = 0;
            List<SampleRelevanceTest.Question> questions = SampleRelevanceTest.questions();
            for (SampleRelevanceTest.Question q : questions) {
                List<Hit> ranked = ((NoteIndex) mode[1]).search(SearchRequest.of(q.text()).withLimit(SHOWN));
                Question labelled = new Question(0, q.text(), Set.of(q.expected()));
                byMatch += reciprocalRank(MatchGrade.byMatch(ranked), labelled);
                byRank += reciprocalRank(ranked, labelled);
                if (reciprocalRank(MatchGrade.byMatch(ranked), labelled) == 1) top1Match++;
                if (reciprocalRank(ranked, labelled) == 1) top1Rank++;
            }
            System.out.printf(Locale.ROOT, "relevance test, %s, top %d: MRR by match %.3f (first %d), by rank %.3f "
                            + "(first %d) of %d%n", mode[0], SHOWN, byMatch / questions.size(), top1Match,
                    byRank / questions.size(), top1Rank, questions.size());
        }
    }

    /** The highest threshold at which every answerable tuning question still shows a note worth showing. */
    private static float tunedPlausible(NoteIndex index, List<Question> questions) {
        float allowed = 1f;
        String by = "";
        for (Question q : questions) {
            if (!q.tuning() || !q.answerable()) continue;
            float bestRelevant = 0f;
            for (Hit hit : index.search(SearchRequest.of(q.text()).withLimit(SHOWN))) {
                if (q.relevant().contains(hit.path())) bestRelevant = Math.max(bestRelevant, hit.relevance());
            }
            if (bestRelevant > 0f && bestRelevant < allowed) {
                allowed = bestRelevant;
                by = q.text();
            }
        }
        System.out.printf(Locale.ROOT, "  tuning bound %.3f set by: %s%n", allowed, by);
        return allowed;
    }

    private static Figures figures(NoteIndex index, List<Question> questions) {
        int strongHits = 0, strongRight = 0, answerable = 0, falseNothing = 0, relevantShown = 0;
        int unanswerable = 0, honestNothing = 0;
        double rrByMatch = 0, rrByRank = 0;
        List<String> notes = new ArrayList<>();
        for (Question q : questions) {
            List<Hit> ranked = index.search(SearchRequest.of(q.text()).withLimit(SHOWN));
            List<Hit> shown = MatchGrade.plausible(ranked);
            MatchGrade grade = MatchGrade.ofAnswer(shown);
            for (Hit hit : shown) {
                if (MatchGrade.of(hit) == MatchGrade.STRONG) {
                    strongHits++;
                    if (q.relevant().contains(hit.path())) strongRight++;
                    else notes.add(String.format(Locale.ROOT, "strong but not relevant: %s -> %s %.2f", q.text(),
                            hit.path(), hit.relevance()));
                }
            }
            if (q.answerable()) {
                answerable++;
                if (grade == MatchGrade.NONE) {
                    falseNothing++;
                    notes.add("nothing, though answerable: " + q.text());
                }
                if (shown.stream().anyMatch(h -> q.relevant().contains(h.path()))) relevantShown++;
                else notes.add("no relevant note shown: " + q.text() + " -> "
                        + shown.stream().limit(2).map(Hit::path).toList());
                rrByMatch += reciprocalRank(shown, q);
                rrByRank += reciprocalRank(ranked, q);
            } else {
                unanswerable++;
                if (grade == MatchGrade.NONE) honestNothing++;
                else notes.add(String.format(Locale.ROOT, "%s for an unanswerable question: %s -> %s %.2f", grade,
                        q.text(), shown.get(0).path(), shown.get(0).relevance()));
            }
        }
        return new Figures(strongHits, strongRight, answerable, falseNothing, relevantShown, unanswerable,
                honestNothing, rrByMatch, rrByRank, notes);
    }

    private static double reciprocalRank(List<Hit> hits, Question q) {
        for (int i = 0; i < hits.size(); i++) if (q.relevant().contains(hits.get(i).path())) return 1.0 / (i + 1);
        return 0;
    }

    static double percent(int part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
