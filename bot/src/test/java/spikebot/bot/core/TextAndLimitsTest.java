package spikebot.bot.core;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextAndLimitsTest {
    @Test
    void escapingShowsMarkdownAsTypedAndDefusesMentions() {
        assertEquals("\\*\\*bold\\*\\* \\_x\\_ \\`code\\` \\[a\\](b)", Text.escape("**bold** _x_ `code` [a](b)"));
        assertEquals("\\# not a heading\n\\> not a quote", Text.escape("# not a heading\n> not a quote"));
        String pinged = Text.escape("hi @everyone and @here and <@123> <@!5> <@&7> <#9>");
        assertFalse(pinged.contains("@everyone"), pinged);
        assertFalse(pinged.contains("@here"), pinged);
        assertFalse(pinged.matches("(?s).*<@!?&?\\d+>.*"), pinged);
        assertFalse(pinged.contains("<#9>"), pinged);
        assertTrue(pinged.contains("everyone"), "the words stay readable: " + pinged);
    }

    @Test
    void cleaningRemovesInvisibleAndDirectionCharacters() {
        assertEquals("Evaluate Polars", Text.oneLine("\u202EEvaluate\u200B \u2066Polars\u2069\uFEFF  "));
        assertEquals("", Text.oneLine("\u200B\u200C\u200D\u202E"));
        assertEquals("a\nb", Text.clean("a\nb"));
    }

    @Test
    void cutEndsInAnEllipsisAndNeverSplitsASurrogatePair() {
        assertEquals("abc", Text.cut("abc", 3));
        assertEquals("ab…", Text.cut("abcd", 3));
        String emoji = "a\uD83D\uDE00\uD83D\uDE00";
        String cut = Text.cut(emoji, 3);
        assertTrue(cut.length() <= 3);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 2)), cut);
    }

    @Test
    void oversizedMessagesAreCutToDiscordsLimitsNotRejected() {
        List<Card.Field> fields = new ArrayList<>();
        for (int i = 0; i < 40; i++) fields.add(new Card.Field("n".repeat(300), "v".repeat(2000), false));
        Card huge = new Card("t".repeat(400), null, "d".repeat(5000), fields, "f".repeat(3000), null);
        Draft m = new Draft("c".repeat(3000), List.of(huge, huge), List.of());

        assertEquals(Limits.CONTENT, m.content().length());
        assertTrue(m.content().endsWith(Text.ELLIPSIS));
        int total = 0;
        for (Card e : m.embeds()) {
            assertTrue(e.title().length() <= Limits.EMBED_TITLE);
            assertTrue(e.description() == null || e.description().length() <= Limits.EMBED_DESCRIPTION);
            assertTrue(e.fields().size() <= Limits.EMBED_FIELDS);
            for (Card.Field f : e.fields()) {
                assertTrue(f.name().length() <= Limits.FIELD_NAME);
                assertTrue(f.value().length() <= Limits.FIELD_VALUE);
            }
            total += e.size();
        }
        assertTrue(total <= Limits.EMBED_TOTAL, "total " + total);
        assertTrue(huge.title().endsWith(Text.ELLIPSIS));
    }

    @Test
    void aLongDescriptionGivesWayBeforeTheFieldsDo() {
        List<Card.Field> fields = List.of(new Card.Field("Approaches compared", "a".repeat(1024), false),
                new Card.Field("Next steps", "n".repeat(1000), false),
                new Card.Field("Note", "`spikes/kafka-lag.md`", false));
        Card summary = new Card("Spike closed: go", null, "s".repeat(4000), fields, "By alice", null);
        assertTrue(summary.size() > Limits.EMBED_TOTAL);

        Card fitted = new Draft("", List.of(summary), List.of()).embeds().get(0);
        assertTrue(fitted.size() <= Limits.EMBED_TOTAL);
        assertEquals(fields, fitted.fields(), "every field kept, the link to the note too");
        assertTrue(fitted.description().endsWith(Text.ELLIPSIS));
    }

    @Test
    void componentsAndModalsFitToo() {
        List<Control.SelectOption> options = new ArrayList<>();
        for (int i = 0; i < 40; i++) options.add(new Control.SelectOption("v" + i, "x".repeat(200), null, false));
        var menu = new Control.SelectMenu("a:b", "p".repeat(300), options, 0, 40);
        assertEquals(Limits.SELECT_OPTIONS, menu.options().size());
        assertEquals(Limits.SELECT_OPTIONS, menu.maxValues());
        assertTrue(menu.options().get(0).label().length() <= Limits.SELECT_OPTION_TEXT);
        var button = Control.Button.of("x", "l".repeat(200), Control.Style.PRIMARY);
        assertTrue(button.label().length() <= Limits.BUTTON_LABEL);
        var modal = new Form("m", "A very long modal title that goes on and on and on", List.of(
                new Form.TextInput("a", "label", false, true, "v".repeat(5000), null, 9000)));
        assertTrue(modal.title().length() <= Limits.MODAL_TITLE);
        assertEquals(Limits.INPUT_VALUE, modal.inputs().get(0).maxLength());
        assertTrue(modal.inputs().get(0).value().length() <= Limits.INPUT_VALUE);
        var thread = new Action.OpenThread("r", "c", "t".repeat(500), Draft.text("x"));
        assertEquals(Limits.THREAD_NAME, thread.name().length());
    }
}
