package spikebot.bot.ask;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionsTest {
    @ParameterizedTest
    @ValueSource(strings = {
            "has anyone tried Polars for the ETL?",
            "Has anybody ever used DuckDB on the event tables",
            "did anyone look into TabPFN?",
            "did someone benchmark vLLM against TGI",
            "have we ever tried a SQL baseline for churn?",
            "anyone tried quantile regression for the forecast?",
            "Hi all, anyone looked at Feast?",
            "is there a note on GPU spot instances?",
            "is there any write-up about label noise",
            "do we have a spike on Airflow vs Dagster?",
            "was there ever a paper check of the TabPFN claim?",
            "has this been tried before?",
            "Have you guys done anything with Ray Tune?"})
    void recognisesTheQuestion(String text) {
        assertTrue(Questions.asksIfDoneBefore(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "the build is broken again",
            "I tried Polars yesterday and it was fast",
            "can someone review my PR?",
            "lunch anyone?",
            "has the deploy finished?",
            "we should try Polars"})
    void leavesOtherMessagesAlone(String text) {
        assertFalse(Questions.asksIfDoneBefore(text), text);
    }

    @Test
    void pullsOutTheTopic() {
        assertEquals("Polars for the ETL", Questions.topic("has anyone tried Polars for the ETL?"));
        assertEquals("TabPFN", Questions.topic("did anyone look into TabPFN?"));
        assertEquals("GPU spot instances", Questions.topic("is there a note on GPU spot instances?"));
        assertEquals("Quantile regression for the forecast",
                Questions.topic("anyone tried quantile regression for the forecast?"));
        assertEquals("Evaluate Polars", Questions.topic("Evaluate Polars"));
    }
}
