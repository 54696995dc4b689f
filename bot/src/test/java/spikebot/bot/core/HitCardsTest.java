package spikebot.bot.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.index.Hit;
import spikebot.index.Snippet;
import spikebot.knowledge.NoteKind;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HitCardsTest {
    @TempDir
    Path kb;

    private static Hit hit(String channel, String link, Snippet snippet) {
        return new Hit("solutions/oom.md", NoteKind.SOLUTION, "GPU <@42> OOM", null, List.of("a", "b", "c", "d", "e"),
                LocalDate.of(2025, 1, 2), 1f, 1f, snippet, link, channel);
    }

    @Test
    void adjacentHighlightsMergeIntoOneBoldRunAndNoteTextIsEscaped() {
        Snippet snippet = new Snippet("cudaError at *step* 3", List.of(new Snippet.Span(0, 4),
                new Snippet.Span(4, 9)));
        GuildKnowledge guild = new GuildKnowledge("g1", GuildConfig.of(kb), null, new SearchSlots(),
                Clock.fixed(Instant.parse("2026-09-02T20:00:00Z"), ZoneOffset.UTC));
        Card.Field field = HitCards.field(hit(null, null, snippet), guild);
        assertTrue(field.value().contains("> **cudaError** at \\*step\\* 3"), field.value());
        assertFalse(field.name().contains("<@42>"), field.name());
        assertTrue(field.value().contains("a, b, c, d +1"), field.value());
        assertTrue(field.value().contains(" · 20 months ago · match 100%, strong"), field.value());
    }

    @Test
    void aNoteDatedTodayIsTodayAndTheMatchSaysItsGrade() {
        GuildKnowledge guild = new GuildKnowledge("g1", GuildConfig.of(kb), null, new SearchSlots(),
                Clock.fixed(Instant.parse("2025-01-02T21:00:00Z"), ZoneOffset.UTC));
        Hit related = new Hit("solutions/oom.md", NoteKind.SOLUTION, "GPU OOM", null, List.of("a"),
                LocalDate.of(2025, 1, 2), 1f, 0.3f, Snippet.EMPTY, null, null);
        assertTrue(HitCards.line(related, guild).endsWith(" · today · match 30%, related"),
                HitCards.line(related, guild));
        assertEquals("yesterday", Ages.since(LocalDate.of(2025, 1, 1), guild.today()));
        assertEquals("2 years ago", Ages.since(LocalDate.of(2022, 12, 1), guild.today()));
    }

    @Test
    void linksGoToTheThreadElseTheFolderWebViewElseTheNotesOwnLink() {
        GuildKnowledge plain = new GuildKnowledge("g1", GuildConfig.of(kb), null, new SearchSlots(), Clock.systemUTC());
        GuildKnowledge withBase = new GuildKnowledge("g1", new GuildConfig(kb, "https://git.example.com/kb/", Set.of()), null,
                new SearchSlots(), Clock.systemUTC());
        assertEquals("[Open](https://discord.com/channels/g1/555)",
                HitCards.link(hit("555", "https://wiki/x", Snippet.EMPTY), withBase));
        assertEquals("[Open](https://git.example.com/kb/solutions/oom.md)",
                HitCards.link(hit(null, "https://wiki/x", Snippet.EMPTY), withBase));
        assertEquals("[Open](https://wiki/x)", HitCards.link(hit(null, "https://wiki/x", Snippet.EMPTY), plain));
        assertEquals("`solutions/oom.md`", HitCards.link(hit(null, "javascript:alert(1)", Snippet.EMPTY), plain),
                "only web links are linked");
        Hit discussion = new Hit("discussions/ideas/x-777.md", NoteKind.DISCUSSION, "x", null, List.of("a"),
                LocalDate.of(2025, 1, 2), 1f, 1f, Snippet.EMPTY, "https://discord.com/channels/g1/777", "555");
        assertEquals("[Open](https://discord.com/channels/g1/777)", HitCards.link(discussion, withBase),
                "a public thread's discussion: its channel is the parent (555), its link the thread");
    }
}
