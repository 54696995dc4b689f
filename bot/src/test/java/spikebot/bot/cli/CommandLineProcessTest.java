package spikebot.bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.NoteKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user meets it: the real {@code spikebot.bot.Main} in its own process. */
class CommandLineProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    private Path kb;

    @BeforeEach
    void writeNotes() throws IOException {
        kb = work.resolve("knowledge-base");
        write("spikes/polars.md", """
                ---
                kind: spike
                title: Evaluate Polars as a Pandas replacement for the feature pipeline
                date: 2025-03-12
                authors: [alice, bob]
                tags: [dataframes, polars]
                outcome: no-go
                link: https://wiki.example.com/polars
                ---
                ## Findings
                Polars was 5x faster on the group-bys, but our 40 pandas UDFs would need a rewrite.""");
        write("papers/lora.md", """
                ---
                kind: paper-check
                title: Does LoRA match full fine-tuning?
                date: 2025-04-29
                authors: [farah]
                outcome: partially-reproduced
                ---
                LoRA matched full fine-tuning on classification, not on summarisation.""");
        write("solutions/oom.md", """
                ---
                kind: solution
                title: CUDA out of memory when fine-tuning a 7B model
                date: 2025-04-08
                authors: [farah]
                ---
                Gradient checkpointing and LoRA adapters got it to fit on one A100.""");
    }

    private void write(String path, String text) throws IOException {
        Path file = kb.resolve(path);
        Files.createDirectories(file.getParent());
        boolean existed = Files.exists(file);
        FileTime before = existed ? Files.getLastModifiedTime(file) : null;
        Files.writeString(file, text);
        if (existed) Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2000));
    }

    private SpikebotProcess.Outcome spikebot(String stdin, String... args) throws Exception {
        return SpikebotProcess.run(work, stdin, args);
    }

    private JsonNode askJson(String... question) throws Exception {
        String[] args = new String[question.length + 2];
        args[0] = "ask";
        args[1] = "--json";
        System.arraycopy(question, 0, args, 2, question.length);
        SpikebotProcess.Outcome r = spikebot(null, args);
        assertEquals(0, r.exit(), r.toString());
        return JSON.readTree(r.out());
    }

    @Test
    void indexPrintsCountsListsMalformedFilesAndThenOnlyWhatChanged() throws Exception {
        write("spikes/bad.md", "---\nkind: spike\ntitle: Bad\noutcome: [maybe\n---\nbody\n");
        // A value that cannot be read is a warning: the note is indexed without it (issue 13).
        write("spikes/odd.md", "---\nkind: spike\ntitle: Odd\noutcome: maybe\n---\nbody\n");
        SpikebotProcess.Outcome first = spikebot(null, "index");
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.out().startsWith("4 added, 0 changed, 0 deleted, 1 malformed ("), first.out());
        assertTrue(first.out().contains("4 notes in the index"), first.out());
        assertTrue(first.out().contains("  spikes/bad.md:4: front matter is not valid YAML"), first.out());
        assertTrue(first.out().contains("Indexed without these values (fix them and run again):\n"
                + "  spikes/odd.md:4: outcome 'maybe' does not fit kind spike"), first.out());

        SpikebotProcess.Outcome second = spikebot(null, "index", "--kb", SpikebotProcess.path(kb));
        assertTrue(second.out().startsWith("0 added, 0 changed, 0 deleted, 1 malformed"), second.out());

        SpikebotProcess.Outcome rebuilt = spikebot(null, "index", "--rebuild");
        assertTrue(rebuilt.out().startsWith("4 added, 0 changed, 0 deleted, 1 malformed"), rebuilt.out());
        assertTrue(rebuilt.out().contains("  spikes/odd.md:4: outcome 'maybe'"), rebuilt.out());
    }

    @Test
    void askPrintsReadableRankedAnswers() throws Exception {
        SpikebotProcess.Outcome r = spikebot(null, "ask", "has", "anyone", "tried", "polars", "instead", "of", "pandas?");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("1. [spike · no-go] Evaluate Polars as a Pandas replacement for the feature pipeline"),
                r.out());
        assertTrue(r.out().contains("alice, bob · 2025-03-12 ("), r.out());
        assertTrue(r.out().contains("**Polars** was 5x faster"), r.out());
        assertTrue(r.out().contains("spikes/polars.md · https://wiki.example.com/polars"), r.out());
        assertTrue(r.errorLines().stream().anyMatch(l -> l.contains("indexed first: 3 added")), r.err());
    }

    @Test
    void whoNamesThePeopleAndListPrintsTheNotesWithoutAMatchFigure() throws Exception {
        SpikebotProcess.Outcome who = spikebot(null, "who", "fine-tuning", "memory");
        assertEquals(0, who.exit(), who.toString());
        assertTrue(who.out().contains("1. farah"), who.out());
        assertFalse(who.out().contains("alice"), "polars is not fine-tuning: " + who.out());

        SpikebotProcess.Outcome list = spikebot(null, "list", "--kind", "spike");
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.out().contains("Evaluate Polars"), list.out());
        assertFalse(list.out().contains("LoRA"), "only spikes: " + list.out());
        assertFalse(list.out().contains("match"), "nothing was asked, so nothing matches: " + list.out());

        SpikebotProcess.Outcome tags = spikebot(null, "list", "--tags");
        assertTrue(tags.out().contains("`polars` 1"), tags.out());
        SpikebotProcess.Outcome nobody = spikebot(null, "who", "quantum", "annealing");
        assertTrue(nobody.out().contains("Nobody matches \"quantum annealing\""), nobody.toString());
    }

    @Test
    void askJsonGivesEveryFieldWithPathsRelativeToTheKnowledgeBase() throws Exception {
        JsonNode hits = askJson("did", "anyone", "reproduce", "LoRA?");
        assertTrue(hits.isArray() && hits.size() >= 2, hits.toString());
        JsonNode top = hits.get(0);
        assertEquals("papers/lora.md", top.get("path").asText());
        assertEquals("paper-check", top.get("kind").asText());
        assertEquals("Does LoRA match full fine-tuning?", top.get("title").asText());
        assertEquals("partially-reproduced", top.get("outcome").asText());
        assertEquals("farah", top.get("authors").get(0).asText());
        assertEquals("2025-04-29", top.get("date").asText());
        assertTrue(top.get("score").asDouble() > 0);
        assertTrue(top.get("snippet").asText().contains("LoRA matched full fine-tuning"), top.toString());
        JsonNode span = top.get("highlights").get(0);
        assertEquals("LoRA", top.get("snippet").asText().substring(span.get(0).asInt(), span.get(1).asInt()));
    }

    @Test
    void askFiltersByKind() throws Exception {
        SpikebotProcess.Outcome r = spikebot(null, "ask", "--kind", "solution", "--json", "LoRA fine-tuning");
        JsonNode hits = JSON.readTree(r.out());
        assertEquals(1, hits.size(), r.out());
        assertEquals("solutions/oom.md", hits.get(0).get("path").asText());
    }

    @Test
    void editsAndDeletionsAreReflectedInTheNextAnswer() throws Exception {
        assertEquals("spikes/polars.md", askJson("polars").get(0).get("path").asText());
        write("spikes/polars.md", """
                ---
                kind: spike
                title: Polars, second try
                outcome: go
                ---
                The lazy API is mature now; we moved the pipeline.""");
        Files.delete(kb.resolve("solutions/oom.md"));
        JsonNode polars = askJson("polars").get(0);
        assertEquals("Polars, second try", polars.get("title").asText());
        assertEquals("go", polars.get("outcome").asText());
        for (JsonNode hit : askJson("CUDA", "out", "of", "memory")) {
            assertFalse(hit.get("path").asText().equals("solutions/oom.md"), "deleted note still answered");
        }
    }

    @Test
    void addWritesTheNoteFromStandardInputIndexesItAndPrintsItsPath() throws Exception {
        SpikebotProcess.Outcome r = spikebot("We tried Zeppelin notebooks for the analysts.\nToo slow to start.\n",
                "add", "--kind", "spike", "--title", "Zeppelin notebooks for analysts", "--tag", "notebooks",
                "--tag", "tools", "--outcome", "shelved", "--author", "zoe", "--author", "yann");
        assertEquals(0, r.exit(), r.toString());
        Path written = Path.of(r.out().strip());
        assertTrue(Files.isRegularFile(written), r.out());
        assertTrue(written.startsWith(kb.toRealPath()) || written.startsWith(kb.toAbsolutePath()), written.toString());

        var note = new KnowledgeBase(kb).read(kb.toAbsolutePath().relativize(written).toString()).note();
        assertEquals(NoteKind.SPIKE, note.kind());
        assertEquals(List.of("notebooks", "tools"), note.tags());
        assertEquals(List.of("zoe", "yann"), note.authors());
        assertEquals("shelved", note.outcome());
        assertTrue(note.body().contains("Too slow to start."));

        JsonNode top = askJson("zeppelin").get(0);
        assertEquals("spikes/zeppelin-notebooks-for-analysts.md", top.get("path").asText());
    }

    @Test
    void demoIndexesTheSampleAndAnswersExampleQuestions() throws Exception {
        SpikebotProcess.Outcome r = spikebot(null, "demo");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Indexed: 50 added, 0 changed, 0 deleted, 0 malformed"), r.out());
        assertTrue(r.out().startsWith("Copied 50 sample notes to " + work.toAbsolutePath()), r.out());
        for (String question : DemoCli.QUESTIONS) assertTrue(r.out().contains("Q: " + question), question);
        assertTrue(r.out().contains("[spike · no-go] Evaluate Polars as a Pandas replacement"), r.out());
        assertTrue(r.out().contains("**"), "highlights are marked");
        assertTrue(r.errorLines().isEmpty(), r.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown kind        | ask --kind recipe polars                 | --kind must be one of spike, paper-check",
            "outcome of the kind | ask --kind solution --outcome go polars  | outcome 'go' does not fit kind solution",
            "unknown outcome     | ask --outcome maybe polars               | unknown outcome 'maybe'",
            "missing folder      | ask --kb nowhere polars                  | knowledge base folder 'nowhere' does not exist",
            "empty question      | ask                                      | a question is needed",
            "zero limit          | ask --limit 0 polars                     | --limit must be between 1 and 100",
            "limit not a number  | ask --limit five polars                  | --limit must be a whole number, not 'five'",
            "not a date          | ask --since 2025-13-01 polars            | --since must be a date like 2025-03-12, not '2025-13-01'",
            "since after until   | ask --since 2026-01-01 --until 2025-01-01 x | spikebot ask: --since 2026-01-01 is after --until 2025-01-01",
            "bad search mode     | ask --search psychic polars              | --search must be bm25 or hybrid, not 'psychic'",
            "add without kind    | add --title T                            | spikebot add: --kind is needed",
            "add bad outcome     | add --kind spike --title T --outcome yes | outcome 'yes' does not fit kind spike",
            "add unquoted title  | add --kind spike --title Zeppelin notebooks | unexpected argument 'notebooks' (the body comes from standard input",
            "index extra word    | index now                                | spikebot index: unexpected argument 'now'",
            "unknown option      | ask --colour polars                      | spikebot ask: unknown option --colour",
            "option misspelt     | ask --kidn spike polars                  | unknown option --kidn (did you mean --kind?)",
            "unknown command     | frobnicate                               | spikebot: unknown command 'frobnicate'",
            "empty user in chat  | chat --user=                             | spikebot chat: --user needs a name"})
    void badInputGetsOneLineAndExitCode2(String name, String args, String message) throws Exception {
        SpikebotProcess.Outcome r = spikebot("", args.strip().split("\\s+"));
        assertEquals(2, r.exit(), r.toString());
        assertEquals(1, r.errorLines().size(), r.toString());
        assertTrue(r.errorLines().get(0).contains(message), r.toString());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.toString());
        assertTrue(r.out().isEmpty(), r.toString());
    }

    @Test
    void withoutACommandItPrintsTheHelpAndFails() throws Exception {
        SpikebotProcess.Outcome r = spikebot(null);
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.out().isEmpty(), r.toString());
        assertTrue(r.err().startsWith("Usage: spikebot [-hV] COMMAND"), r.toString());
        for (String command : List.of("demo", "index", "ask", "add", "chat", "run", "eval", "bench", "help")) {
            assertTrue(r.err().lines().anyMatch(l -> l.startsWith("  " + command + " ")), command + " missing: " + r);
        }
    }

    @Test
    void helpAndVersionAnswerOnStandardOutput() throws Exception {
        SpikebotProcess.Outcome help = spikebot(null, "--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().startsWith("Usage: spikebot [-hV] COMMAND"), help.toString());
        assertTrue(help.out().contains("Run 'spikebot COMMAND --help' for a command's options."), help.toString());
        assertTrue(help.errorLines().isEmpty(), help.toString());

        SpikebotProcess.Outcome ask = spikebot(null, "ask", "--help");
        assertEquals(0, ask.exit(), ask.toString());
        assertTrue(ask.out().startsWith("Usage: spikebot ask "), ask.toString());
        assertTrue(ask.out().contains("--since=DATE"), ask.toString());
        assertTrue(ask.out().contains("only notes of this kind: spike, paper-check,"), ask.toString());

        SpikebotProcess.Outcome version = spikebot(null, "--version");
        assertEquals(0, version.exit(), version.toString());
        String first = version.out().lines().findFirst().orElse("");
        assertTrue(first.matches("spikebot \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), version.toString());
        assertEquals("spikebot " + projectVersion(), first);
    }

    /** The version in the parent pom, which the build must have put into the command line's answer. */
    private static String projectVersion() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("bot/pom.xml");
            if (Files.isRegularFile(pom)) {
                var m = java.util.regex.Pattern.compile("<version>([^<]+)</version>").matcher(Files.readString(pom));
                if (m.find()) return m.group(1);
            }
        }
        throw new AssertionError("bot/pom.xml not found above " + Path.of("").toAbsolutePath());
    }
}
