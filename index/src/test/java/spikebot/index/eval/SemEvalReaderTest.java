package spikebot.index.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SemEvalReaderTest {
    private static final String DTD = """
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE xml [
            <!ELEMENT xml (OrgQuestion*)>
            <!ELEMENT OrgQuestion (OrgQSubject, OrgQBody, Thread)>
            <!ATTLIST OrgQuestion ORGQ_ID CDATA #REQUIRED>
            ]>
            """;

    private static String block(String q, String rel, int rank, String sameAs) {
        return """
                <OrgQuestion ORGQ_ID="%s"><OrgQSubject>Good bank</OrgQSubject><OrgQBody>Which bank &amp; why?</OrgQBody>
                <Thread THREAD_SEQUENCE="%s"%s><RelQuestion RELQ_ID="%s" RELQ_RANKING_ORDER="%d" RELQ_RELEVANCE2ORGQ="Relevant">
                <RelQSubject>Subject %s</RelQSubject><RelQBody>Body %s</RelQBody></RelQuestion>
                <RelComment RELC_ID="%s_C1"><RelCText>a comment</RelCText></RelComment></Thread></OrgQuestion>
                """.formatted(q, rel, sameAs == null ? "" : " SubtaskA_Skip_Because_Same_As_RelQuestion_ID=\"" + sameAs + "\"",
                rel, rank, rel, rel, rel);
    }

    @Test
    void groupsTheRepeatedOriginalQuestionBlocksAndSortsCandidatesByEngineRank() throws Exception {
        String xml = DTD + "<xml version=\"1.0\">" + block("Q1", "Q1_R7", 7, null) + block("Q1", "Q1_R2", 2, "Q9_R1")
                + block("Q2", "Q2_R1", 1, null) + "</xml>";
        List<OriginalQuestion> questions = SemEvalReader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of("Q1", "Q2"), questions.stream().map(OriginalQuestion::id).toList());
        OriginalQuestion q1 = questions.get(0);
        assertEquals("Good bank", q1.subject());
        assertEquals("Which bank & why?", q1.body());
        assertEquals(List.of("Q1_R2", "Q1_R7"), q1.related().stream().map(RelatedQuestion::id).toList());
        RelatedQuestion first = q1.related().get(0);
        assertEquals(2, first.engineRank());
        assertEquals("Subject Q1_R2", first.subject());
        assertEquals("Body Q1_R2", first.body());
        assertEquals("Q9_R1", first.sameAs());
        assertNull(q1.related().get(1).sameAs());
        assertEquals(List.of(new RelatedQuestion.Comment("Q1_R2_C1", new RelatedQuestion.User(null, null), null,
                "a comment")), first.comments(), "a comment without author or date is still read");
        assertEquals(new RelatedQuestion.User(null, null), first.asker());
        assertNull(first.asked());
    }

    @Test
    void readsEachRelatedQuestionsAskerDateAndReplies() {
        List<OriginalQuestion> dev = SemEvalReader.read(SemEvalFiles.questions(SemEvalFiles.DEV));
        RelatedQuestion bank = dev.stream().flatMap(q -> q.related().stream())
                .filter(r -> r.id().equals("Q268_R4")).findFirst().orElseThrow();
        assertEquals(new RelatedQuestion.User("U4882", "ankukuma"), bank.asker());
        assertEquals(java.time.Instant.parse("2013-05-02T19:43:00Z"), bank.asked());
        assertEquals(10, bank.comments().size());
        RelatedQuestion.Comment first = bank.comments().get(0);
        assertEquals(new RelatedQuestion.Comment("Q268_R4_C1", new RelatedQuestion.User("U594", "Dilgeer"),
                java.time.Instant.parse("2013-05-03T07:23:20Z"), "Commercial bank/IBQ"), first);
        assertEquals("Q268_R4_C10", bank.comments().get(9).id());
        // The file holds 5,000 RelComment elements: 10 for each of its 500 Thread blocks.
        assertEquals(5_000, dev.stream().flatMap(q -> q.related().stream()).mapToInt(r -> r.comments().size()).sum());
    }

    @Test
    void neverReadsExternalEntities(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top secret");
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE xml [<!ENTITY leak SYSTEM "%s">]>
                <xml><OrgQuestion ORGQ_ID="Q1"><OrgQSubject>&leak;</OrgQSubject></OrgQuestion></xml>
                """.formatted(secret.toUri());
        Path file = Files.writeString(dir.resolve("evil.xml"), xml);
        String seen;
        try {
            seen = SemEvalReader.read(file).toString();
        } catch (IllegalArgumentException refused) {
            seen = refused.getMessage();
        }
        assertFalse(seen.contains("top secret"), seen);
    }

    @Test
    void readsTheDevSetAsFiftyQuestionsOfTenCandidates() {
        List<OriginalQuestion> dev = SemEvalReader.read(SemEvalFiles.questions(SemEvalFiles.DEV));
        assertEquals(50, dev.size());
        assertTrue(dev.stream().allMatch(q -> q.related().size() == 10));
        Relevancy gold = Relevancy.read(SemEvalFiles.gold(SemEvalFiles.DEV));
        assertEquals(dev.stream().map(OriginalQuestion::id).collect(Collectors.toSet()), gold.questions());
        assertEquals(7, gold.questions().stream().filter(q -> gold.relevantCount(q) == 0).count());
    }

    @Test
    void theEngineRankingReproducesTheOfficialBaseline() {
        // The figures the task's README and the official scorer give for the search engine's own ranking.
        assertEngine(SemEvalFiles.DEV, 0.7135, 0.7667);
        assertEngine(SemEvalFiles.TRAIN2, 0.7067, 0.7977);
    }

    private static void assertEngine(String name, double map, double mrr) {
        List<OriginalQuestion> questions = SemEvalReader.read(SemEvalFiles.questions(name));
        Relevancy gold = Relevancy.read(SemEvalFiles.gold(name));
        Map<String, List<String>> engine = questions.stream().collect(Collectors.toMap(OriginalQuestion::id,
                q -> q.related().stream().map(RelatedQuestion::id).toList()));
        Scores scores = Scorer.score(engine, gold, EvalMode.RERANK);
        assertEquals(map, scores.map(), 0.00005, name + " MAP");
        assertEquals(mrr, scores.mrr(), 0.00005, name + " MRR");
    }

    @Test
    void relevancyFileWithABadLineIsRefusedWithItsLineNumber(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.relevancy"), "Q1\tQ1_R1\t1\t1.0\ttrue\nQ1 Q1_R2 maybe\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Relevancy.read(file));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
