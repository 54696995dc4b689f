package spikebot.bot.notes;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.core.Action;
import spikebot.bot.core.Card;
import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.Control;
import spikebot.bot.core.Draft;
import spikebot.knowledge.SampleKnowledgeBase;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.core.ChatDriver.ALICE;
import static spikebot.bot.core.ChatDriver.assertPrivateReply;
import static spikebot.bot.core.ChatDriver.in;
import static spikebot.bot.core.ChatDriver.only;

/** {@code /notes} on the bundled sample (50 notes: 23 spikes, 12 paper checks, 13 solutions, 2 plain notes). */
class NotesFeatureTest {
    @TempDir
    Path kb;
    ChatDriver bot;

    @BeforeEach
    void setUp() throws IOException {
        SampleKnowledgeBase.copyTo(kb);
        bot = ChatDriver.single(kb);
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    private static List<String> lines(Draft page) {
        return Arrays.stream(page.embeds().get(0).description().split("\n")).toList();
    }

    private static Control.Button button(Draft page, String label) {
        return page.rows().get(0).components().stream().map(Control.Button.class::cast)
                .filter(b -> b.label().equals(label)).findFirst().orElseThrow();
    }

    private Draft click(Control.Button button) {
        return only(bot.click(in("100", ALICE), button.customId(), "m1"), Action.Update.class).message();
    }

    @Test
    void pagesTenAtATimeThroughEveryNoteOnceAndBackAgain() {
        Action.Reply first = only(bot.slash(in("100", ALICE), "notes", "list"), Action.Reply.class);
        assertTrue(first.ephemeral());
        Draft page = first.message();
        Card card = page.embeds().get(0);
        assertTrue(card.title().endsWith("(50)"), card.title());
        assertEquals("Page 1 of 5", card.footer());
        assertTrue(button(page, "Previous").disabled());
        List<List<String>> pages = new ArrayList<>();
        pages.add(lines(page));
        while (!button(page, "Next").disabled()) {
            page = click(button(page, "Next"));
            pages.add(lines(page));
        }
        assertEquals(5, pages.size());
        Set<String> all = new HashSet<>();
        pages.forEach(p -> {
            assertEquals(10, p.size());
            all.addAll(p);
        });
        assertEquals(50, all.size(), "each note on exactly one page");
        assertTrue(pages.get(0).get(0).startsWith("1. "), pages.get(0).get(0));
        assertTrue(pages.get(4).get(9).startsWith("50. "), pages.get(4).get(9));
        Draft back = click(button(page, "Previous"));
        assertEquals(pages.get(3), lines(back), "the same notes on the same page going back");
        assertEquals("Page 4 of 5", back.embeds().get(0).footer());
    }

    @Test
    void filtersByKindAndOutcome() {
        Draft page = only(bot.slash(in("100", ALICE), "notes", "list", "kind", "spike", "outcome", "no-go"),
                Action.Reply.class).message();
        assertTrue(page.embeds().get(0).title().endsWith("(5)"), page.embeds().get(0).title());
        assertTrue(lines(page).stream().allMatch(l -> l.contains("**no-go**")), lines(page).toString());
        assertTrue(button(page, "Next").disabled());
        Draft byChen = only(bot.slash(in("100", ALICE), "notes", "list", "author", "Chen", "sort", "oldest"),
                Action.Reply.class).message();
        assertTrue(lines(byChen).stream().allMatch(l -> l.contains("chen")), lines(byChen).toString());
        assertTrue(byChen.embeds().get(0).title().contains("oldest first"));
    }

    @Test
    void badFiltersGetAOneLineAnswer() {
        assertPrivateReply(bot.slash(in("100", ALICE), "notes", "list", "kind", "solution", "outcome", "go"),
                "A solution does not end 'go'");
        assertPrivateReply(bot.slash(in("100", ALICE), "notes", "list", "outcome", "maybe"), "Unknown outcome");
        assertPrivateReply(bot.slash(in("100", ALICE), "notes", "list", "tag", "no-such-tag"), "No notes match");
    }

    @Test
    void aForgedOrExpiredButtonGetsAClearAnswer() {
        Draft page = only(bot.slash(in("100", ALICE), "notes", "list"), Action.Reply.class).message();
        String next = button(page, "Next").customId();
        assertTrue(next.length() <= 100);
        assertPrivateReply(bot.click(in("100", ALICE), "notes:page:../../etc:1", "m1"), "not one I know");
        bot.clock.advance(Duration.ofDays(2));
        assertPrivateReply(bot.click(in("100", ALICE), next, "m1"), "expired");
        bot.restart();
        assertPrivateReply(bot.click(in("100", ALICE), next, "m1"), "expired");
    }

    @Test
    void tagsWithTheirCountsMostUsedFirst() {
        Action.Reply reply = only(bot.slash(in("100", ALICE), "notes", "tags"), Action.Reply.class);
        String tags = reply.message().embeds().get(0).description();
        String firstCount = tags.split(" · ")[0].replaceAll(".* ", "");
        String lastCount = tags.split(" · ")[tags.split(" · ").length - 1].replaceAll(".* ", "").strip();
        assertTrue(Integer.parseInt(firstCount) >= Integer.parseInt(lastCount), tags);
        assertFalse(tags.contains("more, used less"), tags);
    }
}
