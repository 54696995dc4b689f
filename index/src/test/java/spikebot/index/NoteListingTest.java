package spikebot.index;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.NoteKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NoteListingTest {
    @TempDir
    Path root;
    private NoteIndex index;
    private TestNotes notes;

    @BeforeEach
    void setUp() throws IOException {
        notes = new TestNotes(root);
        // 25 spikes: five on each of five days, so that ties on the date must be broken the same way every time.
        for (int i = 0; i < 25; i++) {
            notes.note("spikes/s" + (char) ('a' + i) + ".md", "spike", "Spike " + i, i % 2 == 0 ? "even, all" : "all",
                    i % 3 == 0 ? "no-go" : "go", "ana", "2025-01-0" + (1 + i / 5), "body " + i);
        }
        notes.note("solutions/undated.md", "solution", "Undated fix", "all", null, "bo", null, "fix");
        index = NoteIndex.open(new KnowledgeBase(root));
        index.sync();
    }

    @AfterEach
    void tearDown() throws IOException {
        index.close();
    }

    private static SearchRequest all() {
        return SearchRequest.of("");
    }

    @Test
    void pagesCoverEveryNoteOnceInAStableOrder() {
        List<String> seen = new ArrayList<>();
        int total = -1;
        for (int offset = 0; offset < 40; offset += 10) {
            NoteListing.Page page = NoteListing.page(index, all(), NoteListing.Order.NEWEST, c -> true, offset, 10);
            total = page.total();
            page.notes().forEach(h -> seen.add(h.path()));
        }
        assertEquals(26, total);
        assertEquals(26, seen.size());
        assertEquals(26, seen.stream().distinct().count());
        // Newest day first, a day's notes by path, the undated note last.
        assertEquals(List.of("spikes/su.md", "spikes/sv.md"), seen.subList(0, 2));
        assertEquals("solutions/undated.md", seen.get(25));
        List<String> again = NoteListing.page(index, all(), NoteListing.Order.NEWEST, c -> true, 10, 10).notes()
                .stream().map(Hit::path).toList();
        assertEquals(seen.subList(10, 20), again);
    }

    @Test
    void oldestFirstAndFiltersApply() {
        NoteListing.Page oldest = NoteListing.page(index, all(), NoteListing.Order.OLDEST, c -> true, 0, 3);
        assertEquals(List.of("spikes/sa.md", "spikes/sb.md", "spikes/sc.md"),
                oldest.notes().stream().map(Hit::path).toList());
        NoteListing.Page noGo = NoteListing.page(index, all().withKind(NoteKind.SPIKE).withOutcome("no-go")
                .withTag("EVEN"), NoteListing.Order.NEWEST, c -> true, 0, 100);
        // i in 0..24 with i % 3 == 0 and i even: 0, 6, 12, 18, 24.
        assertEquals(5, noGo.total());
        assertTrue(noGo.notes().stream().allMatch(h -> "no-go".equals(h.outcome())));
    }

    @Test
    void notesTheReaderMayNotSeeNeitherShowNorCount() {
        notes.write("spikes/secret.md", "---\nkind: spike\ntitle: Secret\ndate: 2025-02-01\nchannel: '777'\n---\nx\n");
        notes.write("spikes/open.md", "---\nkind: spike\ntitle: Open\ndate: 2025-02-01\nchannel: '888'\n---\nx\n");
        try {
            index.sync();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        NoteListing.Page page = NoteListing.page(index, all(), NoteListing.Order.NEWEST, c -> !c.equals("777"), 0, 3);
        assertEquals(27, page.total());
        assertEquals(List.of("spikes/open.md", "spikes/su.md", "spikes/sv.md"),
                page.notes().stream().map(Hit::path).toList());
    }

    @Test
    void tagCountsCountLiveNotesMostUsedFirst() throws IOException {
        assertEquals(Map.of("all", 26, "even", 13), NoteListing.tagCounts(index));
        assertEquals(List.of("all", "even"), List.copyOf(NoteListing.tagCounts(index).keySet()));
        Files.delete(root.resolve("spikes/sa.md"));
        index.sync();
        assertEquals(12, NoteListing.tagCounts(index).get("even"));
    }
}
