package spikebot.knowledge.text;

import org.junit.jupiter.api.Test;
import spikebot.knowledge.text.Passage.Kind;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PassagesTest {
    @Test
    void aSpikeNoteBecomesPassagesWithTheirSections() {
        List<Passage> passages = Passages.of("""
                ## Problem
                The feature pipeline takes **40 minutes**; see [the run](https://ci.example.com/42).

                - [x] installs
                - [ ] runs on our data
                  1. nested step

                ## Decision

                No-go: Polars' `scan_parquet` did not cut the join time.

                | library | minutes |
                |---------|--------:|
                | pandas  | 40      |
                | polars  | 38      |
                """);
        assertEquals(List.of(
                new Passage("Problem", Kind.HEADING, "Problem"),
                new Passage("The feature pipeline takes 40 minutes; see the run.", Kind.PARAGRAPH, "Problem"),
                new Passage("installs", Kind.LIST_ITEM, "Problem"),
                new Passage("runs on our data", Kind.LIST_ITEM, "Problem"),
                new Passage("nested step", Kind.LIST_ITEM, "Problem"),
                new Passage("Decision", Kind.HEADING, "Decision"),
                new Passage("No-go: Polars' scan_parquet did not cut the join time.", Kind.PARAGRAPH, "Decision"),
                new Passage("library · minutes", Kind.TABLE_ROW, "Decision"),
                new Passage("pandas · 40", Kind.TABLE_ROW, "Decision"),
                new Passage("polars · 38", Kind.TABLE_ROW, "Decision")), passages);
        assertTrue(passages.get(6).inSection("decision", "result"));
        assertFalse(passages.get(1).inSection("decision", "result"));
    }

    @Test
    void htmlLiquidKramdownWikiLinksAndImagesAreRemoved() {
        List<Passage> passages = Passages.of("""
                We moved to Feast. <!--more--> The online store was easy.

                {% include toc.html %}
                ![learning curve](/assets/img/curve.png){:.image-caption}

                <div class="l-page">
                  <img src="/assets/img/noise.png" alt="noise matrix"/>
                  <p>Label errors &amp; fixes</p>
                </div>
                <script>track("x")</script>

                <!-- a comment
                over lines -->

                Compared [[Byte Pair Encoding|BPE]] with [[WordPiece]] and [[Tokenizers#Speed]]. {{< figure src="a.png" >}}
                ![[plot.png]] Post on {{ site.url }}, <d-cite key="n2021"></d-cite>done.
                """);
        assertEquals(List.of(
                "We moved to Feast. The online store was easy.",
                "Label errors & fixes",
                "Compared BPE with WordPiece and Tokenizers Speed. Post on , done."),
                passages.stream().map(Passage::text).toList());
    }

    @Test
    void codeIsKeptShortAndMarkedAndLiquidInsideCodeStays() {
        String code = "```python\n" + "x = {{ 1 }}\n".repeat(10) + "```\nAfter the code.";
        List<Passage> passages = Passages.of(code);
        assertEquals(Kind.CODE, passages.get(0).kind());
        assertEquals(("x = {{ 1 }}\n".repeat(Passages.CODE_LINES)).strip() + "…", passages.get(0).text());
        assertEquals(new Passage("After the code.", Kind.PARAGRAPH, null), passages.get(1));
    }

    @Test
    void searchTextKeepsCodeWholeWhereIndexTextCutsIt() {
        String markdown = "Intro.\n\n```yaml\n" + "step: build\n".repeat(Passages.CODE_LINES) + "goos: linux\n```\n";
        assertFalse(Passages.indexText(markdown).contains("linux"));
        assertEquals(String.join(Passages.SEPARATOR, "Intro.",
                "`" + "step: build ".repeat(Passages.CODE_LINES) + "goos: linux`"), Passages.searchText(markdown));
        assertEquals(Passages.indexText("Intro.\n\n```sh\nrun\n```"), Passages.searchText("Intro.\n\n```sh\nrun\n```"));
    }

    @Test
    void indexTextKeepsPassagesApartForSentenceBreaks() {
        String text = Passages.indexText("## Findings\n- [x] installs\n- [ ] runs.\n\n| a | b |\n|---|---|\n"
                + "| 1 | 2 |\n\n```sh\npip install x\nrun\n```");
        assertEquals(String.join(Passages.SEPARATOR, "# Findings", "- installs;", "- runs.", "a · b;", "1 · 2;",
                "`pip install x run`"), text);
        assertEquals("", Passages.indexText("  \n"));
    }

    @Test
    void hostileNestingIsReadFlat() {
        String deep = "> ".repeat(5_000) + "deep text\n" + "- ".repeat(2_000) + "item";
        List<Passage> passages = Passages.of(deep);
        assertTrue(passages.stream().anyMatch(p -> p.text().contains("deep text")), passages.toString());
    }
}
