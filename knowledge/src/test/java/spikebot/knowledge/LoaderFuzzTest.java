package spikebot.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 5, "bad input": thousands of generated files, good and hostile, in one folder. Every file is accounted
 * for (a note or a report), every report is one clear line, the good notes are all loaded, nothing outside the
 * folder is read, and the loader never crashes, hangs or runs out of memory.
 *
 * <p>Maven runs this class in its own JVM with a 256 MB heap (see the knowledge pom). The seed is printed; rerun a
 * failure with {@code -Dfuzz.seed=N}.
 */
class LoaderFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20250312L);
    private static final String SECRET = "SECRET-7f3a9c-never-in-a-note";
    private static final String[] WORDS = ("polars pandas duckdb spark xgboost lightgbm resnet50 bert gpu cuda k8s "
            + "forecasting churn segmentation retraining drift sql baseline feature pipeline latency cost a100 "
            + "tabnet prophet arima embeddings faiss lucene etl airflow dbt parquet py3.10 snake_case camelCase")
            .split(" ");

    @TempDir
    Path dir;

    private final Random random = new Random(SEED);
    /** Path → expected title, for the files that must load. */
    private final Map<String, String> good = new LinkedHashMap<>();
    /** Path → words the report must contain (and the line, when it is known: -1 otherwise). */
    private final Map<String, Expected> bad = new LinkedHashMap<>();
    /** Path → the warning a note that loads must carry. */
    private final Map<String, Expected> warned = new LinkedHashMap<>();
    /** Files that may load or be reported, but must be one of the two. */
    private final Set<String> either = new TreeSet<>();
    private final Map<String, Integer> counts = new HashMap<>();

    record Expected(String reason, int line) {
    }

    @Test
    @Timeout(120)
    void thousandsOfHostileFilesCostAReportEachAndTheGoodNotesAllLoad() throws IOException {
        Path kb = Files.createDirectories(dir.resolve("kb"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.md"), "---\ntitle: " + SECRET + "\n---\n" + SECRET);
        generate(kb, outside);

        long start = System.nanoTime();
        LoadReport report = new KnowledgeBase(kb).load();
        long millis = (System.nanoTime() - start) / 1_000_000;

        Map<String, NoteFile> notes = new HashMap<>();
        for (NoteFile n : report.notes()) assertTrue(notes.put(n.path(), n) == null, "twice: " + n.path());
        Map<String, Problem> problems = new HashMap<>();
        for (Problem p : report.problems()) assertTrue(problems.put(p.path(), p) == null, "twice: " + p.path());

        List<String> failures = new ArrayList<>();
        good.forEach((path, title) -> {
            NoteFile note = notes.get(path);
            if (note == null) failures.add("good note not loaded: " + path + " → " + problems.get(path));
            else if (!note.note().title().equals(title)) failures.add(path + ": title " + note.note().title());
        });
        warned.forEach((path, expected) -> {
            NoteFile note = notes.get(path);
            if (note != null && note.warnings().stream().noneMatch(w -> w.reason().contains(expected.reason())
                    && w.line() == expected.line())) {
                failures.add(path + ": expected a warning '" + expected.reason() + "' at line " + expected.line()
                        + ", got " + note.warnings());
            }
        });
        bad.forEach((path, expected) -> {
            Problem problem = problems.get(path);
            if (problem == null) failures.add("not reported: " + path);
            else if (!problem.reason().contains(expected.reason()) || (expected.line() >= 0
                    && problem.line() != expected.line())) {
                failures.add(path + ": expected '" + expected.reason() + "' at line " + expected.line() + ", got "
                        + problem);
            }
        });
        for (String path : either) {
            if (notes.containsKey(path) == problems.containsKey(path)) failures.add("not accounted for: " + path);
        }
        int files = good.size() + bad.size() + either.size();
        assertEquals(files, notes.size() + problems.size(), "every file is a note or a report, nothing more");
        for (Problem p : report.problems()) {
            String line = p.toString();
            if (p.reason().isBlank() || line.contains("\n") || line.contains("\r") || p.reason().length() > 300
                    || p.reason().contains("Exception") || p.reason().contains("org.yaml")) {
                failures.add("unclear report: " + line);
            }
        }
        for (NoteFile n : report.notes()) {
            if (n.note().body().contains(SECRET) || n.note().title().contains(SECRET)) {
                failures.add("read a file outside the knowledge base through " + n.path());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " failures, seed " + SEED + ":\n" + String.join("\n", failures.subList(0,
                    Math.min(30, failures.size()))));
        }

        Runtime rt = Runtime.getRuntime();
        System.out.printf("loader fuzz (seed %d): %d files (%d good, %d hostile, %d mutated) → %d notes loaded, "
                        + "%d reported, 0 crashes, in %d ms, heap max %d MB%n", SEED, files, good.size(), bad.size(),
                either.size(), notes.size(), problems.size(), millis, rt.maxMemory() >> 20);
        System.out.println("loader fuzz kinds: " + new java.util.TreeMap<>(counts));
    }

    /** The parser alone, on many more inputs than fit on disk: a note or a MalformedNoteException, nothing else. */
    @Test
    @Timeout(60)
    void theParserAnswersEveryInputWithANoteOrAReport() {
        int notes = 0;
        int reports = 0;
        for (int i = 0; i < 30_000; i++) {
            String text = switch (i % 4) {
                case 0 -> mutate(NoteFormat.render(randomNote()));
                case 1 -> "---\n" + yamlSoup(1 + random.nextInt(400)) + "\n---\nbody";
                case 2 -> "---\n" + "title: t\n" + yamlSoup(random.nextInt(80)) + "\n---\n";
                default -> new String(randomBytes(random.nextInt(300)), StandardCharsets.UTF_8);
            };
            try {
                Note note = NoteParser.parse(text, "fuzz-" + i + ".md");
                assertFalse(note.title().isBlank(), "a note always has a title");
                notes++;
            } catch (MalformedNoteException e) {
                assertFalse(e.getMessage().isBlank());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                assertTrue(e.line() >= 0 && e.line() <= text.split("\n", -1).length + 1, e.line() + ": " + text);
                reports++;
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("seed " + SEED + ", case " + i + " crashed the parser on:\n" + text, e);
            }
        }
        System.out.printf("parser fuzz (seed %d): 30000 inputs → %d notes, %d reports, 0 crashes%n", SEED, notes,
                reports);
    }

    private void generate(Path kb, Path outside) throws IOException {
        for (int i = 0; i < 800; i++) {
            Note note = randomNote();
            goodFile(kb, "notes/" + note.kind().folder() + "/n" + i + ".md", NoteFormat.render(note), note.title());
        }
        for (int i = 0; i < 60; i++) {
            String title = sentence(4);
            goodFile(kb, "plain/p" + i + ".md", "Intro line\n\n## Section\n\n# " + title + "\n\nsome text "
                    + sentence(20), title);
            goodFile(kb, "crlf/c" + i + ".md", ("---\r\nkind: solution\r\ntitle: " + title + "\r\n---\r\nbody\r\n"),
                    title);
            goodFile(kb, "bom/b" + i + ".md", "\uFEFF---\ntitle: " + title + "\n---\n", title);
            goodFile(kb, "frontmatter-only/f" + i + ".md", "---\nkind: spike\ntitle: " + title + "\noutcome: go\n---",
                    title);
        }
        // Odd file names: the name is data, never a path or an option.
        String[] odd = {"with space", "ünïcødé 数据", "-rf", "--help", "-", "x".repeat(240), "tab\there",
                "new\nline", "back\\slash", "quote\"s", "it's", "semi;colon", "$(rm -rf)", "`id`", "*", "?",
                "emoji 🚀", "\u202Eright-to-left", "zero\u200Bwidth", "CON", "nul"};
        for (int i = 0; i < odd.length; i++) {
            String title = "Odd name " + i;
            goodFile(kb, "odd/" + odd[i] + ".md", "# " + title + "\n", title);
        }
        goodFile(kb, "folder.md/inside.md", "# Inside a folder named like a note\n",
                "Inside a folder named like a note");
        StringBuilder deepPath = new StringBuilder("deep");
        for (int i = 0; i < 40; i++) deepPath.append("/d").append(i);
        goodFile(kb, deepPath + "/deep.md", "# Deep in folders\n", "Deep in folders");
        String bigTitle = "t".repeat(60_000);
        goodFile(kb, "huge/title.md", "---\ntitle: " + bigTitle + "\n---\n", bigTitle);
        goodFile(kb, "huge/body.md", "# Big body\n" + "x".repeat((int) KnowledgeBase.MAX_NOTE_BYTES - 100),
                "Big body");
        goodFile(kb, "huge/long-line.md", "# One long line\n" + "word ".repeat(300_000), "One long line");
        StringBuilder manyKeys = new StringBuilder("---\ntitle: Many keys\n");
        for (int i = 0; i < 3000; i++) manyKeys.append("k").append(i).append(": ").append(i).append('\n');
        goodFile(kb, "huge/many-keys.md", manyKeys + "---\n", "Many keys");
        goodFile(kb, "yaml/python-tag.md", "---\ntitle: Tagged\nx: !!python/object/apply:os.system [\"id\"]\n---\n",
                "Tagged");

        for (int i = 0; i < 80; i++) {
            badFile(kb, "unclosed/u" + i + ".md", "---\nkind: spike\ntitle: " + sentence(3) + "\n" + sentence(9),
                    "no closing '---'", 1);
            badFile(kb, "tabs/t" + i + ".md", "---\nkind: spike\n\ttitle: " + sentence(3) + "\n---\n",
                    "indent with spaces", 3);
            badFile(kb, "dup/d" + i + ".md", "---\ntitle: a\nkind: spike\ntitle: b\n---\n", "appears twice", 4);
            // Issue 13: one value that cannot be read costs that value and a warning, not the note.
            warnedFile(kb, "kind/k" + i + ".md", "---\nkind: " + word() + "-x\ntitle: t\n---\n", "t",
                    "unknown kind", 2);
            warnedFile(kb, "outcome/o" + i + ".md", "---\nkind: solution\ntitle: t\noutcome: go\n---\n", "t",
                    "does not fit kind solution", 4);
            warnedFile(kb, "date/d" + i + ".md", "---\ntitle: t\ndate: " + (1 + random.nextInt(28)) + "/03/2025\n---\n",
                    "t", "is not a date", 3);
            warnedFile(kb, "scalar/s" + i + ".md", "---\ntitle: [" + word() + ", " + word() + "]\n---\n",
                    "s" + i, "must be a single value", 2);
            badFile(kb, "colon/c" + i + ".md", "---\ntitle: " + word() + ": " + word() + "\nlink: x: y\n---\n",
                    "put the value in quotes", 2);
            badFile(kb, "empty/e" + i + ".md", " \n".repeat(random.nextInt(3)), "empty file", 0);
            byte[] binary = randomBytes(1 + random.nextInt(64 * 1024));
            binary[random.nextInt(binary.length)] = (byte) 0xFF; // never valid UTF-8
            binary[0] = 'x'; // and never taken for UTF-16
            badBytes(kb, "binary/b" + i + ".md", binary, "not UTF-8", -1);
            badBytes(kb, "utf8/u" + i + ".md", invalidUtf8(NoteFormat.render(randomNote())), "not UTF-8", -1);
            badFile(kb, "nul/n" + i + ".md", "# title\n" + sentence(5) + "\0" + sentence(5), "binary file", 2);
            badFile(kb, "control/c" + i + ".md", "---\ntitle: a\u0001b\n---\n", "control character U+0001", 2);
        }
        for (int i = 0; i < 20; i++) {
            // Issue 13: TOML front matter and notebooks meet the same hostile input.
            badFile(kb, "toml/deep" + i + ".md", "+++\ntitle = 't'\nx = " + "[".repeat(2_000 + i) + "]".repeat(2_000 + i)
                    + "\n+++\n", "front matter is", -1);
            badFile(kb, "notebooks/deep" + i + ".ipynb", "{\"cells\": " + "[".repeat(5_000 + i)
                    + "]".repeat(5_000 + i) + "}", "not a", -1);
            badFile(kb, "notebooks/cut" + i + ".ipynb", "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": [\""
                    + sentence(5), "not a valid notebook", -1);
            goodFile(kb, "notebooks/good" + i + ".ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"x = 1\", "
                    + "\"outputs\": [{\"data\": {\"image/png\": \"" + "QUFB".repeat(100_000) + "\"}}]}, "
                    + "{\"cell_type\": \"markdown\", \"source\": [\"# Notebook " + i + "\\n\", \"text\"]}]}",
                    "Notebook " + i);
            badFile(kb, "laughs/l" + i + ".md", billionLaughs(9 + i % 3), "YAML alias", 4);
            badFile(kb, "merge/m" + i + ".md", "---\nbase: &b {kind: spike}\ntitle: t\nx:\n  <<: *b\n---\n",
                    "YAML alias", 5);
            badFile(kb, "nesting/flow" + i + ".md", "---\ntitle: t\nx: " + "[".repeat(5_000 + i) + "]".repeat(5_000 + i)
                    + "\n---\n", "nested more than", 3);
            badFile(kb, "nesting/block" + i + ".md", "---\ntitle: t\n" + blockNesting(40 + i) + "---\n",
                    "nested more than", -1);
            badFile(kb, "huge/scalar" + i + ".md", "---\ntitle: " + "y".repeat(70_000 + i) + "\n---\n",
                    "larger than the 64 KB", 1);
            badFile(kb, "huge/unclosed" + i + ".md", "---\ntitle: t\n" + "body line\n".repeat(200_000),
                    "no closing '---'", 1);
            badFile(kb, "notmap/l" + i + ".md", "---\n- a\n- b\n---\n", "'key: value' lines", 2);
            badBytes(kb, "utf16/u" + i + ".md", ("\uFEFF# " + sentence(3)).getBytes(StandardCharsets.UTF_16),
                    "UTF-16", 0);
        }
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        for (int i = 0; i < 3; i++) {
            random.nextBytes(tenMegabytes);
            badBytes(kb, "huge/ten-mb-" + i + ".md", tenMegabytes, "larger than the 2 MB", 0);
        }
        Files.createSymbolicLink(kb.resolve("leak.md"), outside.resolve("secret.md"));
        bad.put("leak.md", new Expected("symbolic link", 0));
        Files.createSymbolicLink(kb.resolve("passwd.md"), Path.of("/etc/passwd"));
        bad.put("passwd.md", new Expected("symbolic link", 0));
        Files.createSymbolicLink(kb.resolve("outside-folder"), outside);
        bad.put("outside-folder", new Expected("symbolic link to a folder", 0));
        Files.createSymbolicLink(kb.resolve("dangling.md"), kb.resolve("nothing-here.md"));
        bad.put("dangling.md", new Expected("symbolic link", 0));
        Files.createSymbolicLink(kb.resolve("loop.md"), kb.resolve("loop.md"));
        bad.put("loop.md", new Expected("symbolic link", 0));
        counts.put("symlinks", 5);
        for (int i = 0; i < 600; i++) {
            Path file = kb.resolve("mutated/m" + i + ".md");
            Files.createDirectories(file.getParent());
            String text = switch (i % 3) {
                case 0 -> mutate(NoteFormat.render(randomNote()));
                case 1 -> "---\n" + yamlSoup(1 + random.nextInt(300)) + "\n---\n" + sentence(5);
                default -> "---\ntitle: t\n" + yamlSoup(random.nextInt(200)) + "\n---\n";
            };
            Files.write(file, text.getBytes(StandardCharsets.UTF_8)); // a cut emoji becomes '?'
            either.add("mutated/m" + i + ".md");
        }
        counts.put("mutated", 600);
        // Never read: hidden folders and files, other extensions, unfinished writes.
        Files.createDirectories(kb.resolve(".spikebot/index"));
        Files.write(kb.resolve(".spikebot/index/x.md"), randomBytes(1000));
        Files.writeString(kb.resolve("notes/.half-written-note-1a2b.tmp"), "---\nkind: spi");
        Files.writeString(kb.resolve("data.csv"), "a,b");
    }

    private void goodFile(Path kb, String path, String text, String title) throws IOException {
        Path file = kb.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        good.put(path, title);
        counts.merge("good", 1, Integer::sum);
    }

    /** A note that loads, read without one value: a warning with the reason at the line. */
    private void warnedFile(Path kb, String path, String text, String title, String reason, int line)
            throws IOException {
        goodFile(kb, path, text, title);
        warned.put(path, new Expected(reason, line));
    }

    private void badFile(Path kb, String path, String text, String reason, int line) throws IOException {
        badBytes(kb, path, text.getBytes(StandardCharsets.UTF_8), reason, line);
    }

    private void badBytes(Path kb, String path, byte[] bytes, String reason, int line) throws IOException {
        Path file = kb.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        bad.put(path, new Expected(reason, line));
        counts.merge(path.substring(0, path.indexOf('/')), 1, Integer::sum);
    }

    private Note randomNote() {
        NoteKind kind = NoteKind.values()[random.nextInt(NoteKind.values().length)];
        String outcome = kind.outcomes().isEmpty() || random.nextBoolean() ? null
                : kind.outcomes().get(random.nextInt(kind.outcomes().size()));
        Map<String, Object> extra = new LinkedHashMap<>();
        if (random.nextInt(4) == 0) extra.put("reviewed", random.nextBoolean());
        if (random.nextInt(4) == 0) extra.put("channel", Map.of("id", String.valueOf(random.nextLong())));
        String title = sentence(2 + random.nextInt(8));
        if (random.nextInt(5) == 0) title += ": " + "#\"'[]{}&*!|>%@`?~ üñí 数据 🚀".charAt(random.nextInt(24));
        return new Note(kind, title, LocalDate.of(2020 + random.nextInt(6), 1 + random.nextInt(12),
                1 + random.nextInt(28)), List.of(word(), word()), List.of(word()), outcome,
                random.nextBoolean() ? (1 + random.nextInt(9)) + "h" : null, null, null, extra,
                "## Problem\n" + sentence(30) + "\n\n- [x] " + sentence(4) + "\n");
    }

    /** A character-level mutation of a valid note: what a bad merge, an editor crash or a careless edit makes. */
    private String mutate(String text) {
        StringBuilder out = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !out.isEmpty(); e++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(6)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, "\n\t:-[]{}#&*!|>'\"%@`,?".charAt(random.nextInt(20)));
                case 2 -> out.setLength(at);
                case 3 -> out.insert(at, out.substring(at, Math.min(out.length(), at + random.nextInt(40))));
                case 4 -> out.insert(at, "\n---\n");
                default -> out.setCharAt(at, (char) random.nextInt(0x3000));
            }
        }
        return out.toString();
    }

    /** Random YAML-ish text: keys, indicators, anchors, aliases, tags, quotes, indentation. */
    private String yamlSoup(int tokens) {
        String[] pieces = {"key: ", "title: ", "kind: ", "- ", "[", "]", "{", "}", ", ", ": ", "\n", "\n  ", "\n    ",
                "&a ", "*a ", "!!str ", "!!binary ", "!x ", "'", "\"", "\\", "|\n  ", ">\n  ", "? ", "# ", "%YAML 1.1",
                "...", "~", "null", "yes", "1.10", "0x1F", ".inf", "2025-03-12", "\t", "<<: ", word(), word(), "\u00e9",
                "\u2028", "\u0085", "@", "`"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens; i++) out.append(pieces[random.nextInt(pieces.length)]);
        return out.toString();
    }

    private String billionLaughs(int levels) {
        StringBuilder yaml = new StringBuilder("---\ntitle: lol\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= levels; level++) {
            yaml.append('l').append(level).append(": &l").append(level).append(" [");
            for (int i = 0; i < 9; i++) yaml.append(i > 0 ? ", " : "").append("*l").append(level - 1);
            yaml.append("]\n");
        }
        return yaml.append("---\n").toString();
    }

    private static String blockNesting(int depth) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < depth; i++) yaml.append("  ".repeat(i)).append("k").append(i).append(":\n");
        return yaml.append("  ".repeat(depth)).append("leaf\n").toString();
    }

    private byte[] invalidUtf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[][] broken = {{(byte) 0xC3}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8}, {(byte) 0x80},
                {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        byte[] bad = broken[random.nextInt(broken.length)];
        int at = random.nextInt(bytes.length);
        while (at > 0 && (bytes[at] & 0xC0) == 0x80) at--; // insert between characters, not inside one
        byte[] out = new byte[bytes.length + bad.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(bytes, at, out, at + bad.length, bytes.length - at);
        if (bad.length == 1 && bad[0] == (byte) 0xC3 && at + 1 < out.length && (out[at + 1] & 0xC0) == 0x80) {
            out[at] = (byte) 0xFF; // 0xC3 before a continuation byte would be valid: make it invalid
        }
        return out;
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private String sentence(int words) {
        String first = word();
        StringBuilder out = new StringBuilder().append(Character.toUpperCase(first.charAt(0))).append(first, 1,
                first.length());
        for (int i = 1; i < words; i++) out.append(' ').append(word());
        return out.toString();
    }
}
