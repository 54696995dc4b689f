package spikebot.knowledge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NoteLinksTest {
    private static final String BASE = "https://git.example.com/kb/blob/main/";

    @Test
    void eachPathSegmentIsPercentEncoded() {
        assertEquals(BASE + "spikes/polars-vs-pandas.md", NoteLinks.url(BASE, "spikes/polars-vs-pandas.md"));
        assertEquals(BASE + "Machine%20Learning/Tokenizer%20choices.md",
                NoteLinks.url(BASE, "Machine Learning/Tokenizer choices.md"));
        assertEquals(BASE + "notes/C%23%20tips%3F%20100%25.md", NoteLinks.url(BASE, "notes/C# tips? 100%.md"));
        assertEquals(BASE + "notes/caf%C3%A9~draft.md", NoteLinks.url(BASE, "notes/café~draft.md"));
    }
}
