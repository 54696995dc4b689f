package spikebot.bot.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import spikebot.index.NoteIndex;
import spikebot.index.SearchRequest;
import spikebot.knowledge.DurableFiles;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.LoadReport;
import spikebot.knowledge.MalformedNoteException;
import spikebot.knowledge.NoteFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 5, "nothing lost": real JVMs write notes and are killed with SIGKILL at random moments, again and again,
 * each next one starting on what the last one left. Afterwards every write that was acknowledged is on disk,
 * parses, and is found by a search and by {@code spikebot ask}; no file is a half-written note; and the index
 * caught up each time without help.
 *
 * <ul>
 *   <li>40 kills of a writer that works as the bot does when spikes close and solutions are saved
 *   ({@link NoteWriterProcess}: two threads, write then index): 36 at a random moment of a burst of writes, 4 at a
 *   random moment from start (JVM start, index open, catching up).</li>
 *   <li>10 kills of the real {@code spikebot add} at a random moment of its run.</li>
 * </ul>
 *
 * Kills mid-write leave temporary files behind. Before each restart the test makes them look old (as after a real
 * outage), and checks that the start-up path itself (opening and syncing the index, as the bot,
 * {@code NoteWriterProcess} and {@code spikebot ask} do) removed them; nothing in the test removes them.
 *
 * The seed is printed; rerun a failure with {@code -Dcrash.seed=N}.
 */
class CrashSafetyTest {
    private static final long SEED = Long.getLong("crash.seed", 20250312L);
    private static final int WRITER_KILLS = 40;
    private static final int ADD_KILLS = 10;
    private static final int SIGKILL_EXIT = 128 + 9;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Random random = new Random(SEED);
    /** Path (relative to the knowledge base) → the made-up word in its title. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, String> acknowledgedByAdd = new LinkedHashMap<>();
    private final AtomicInteger caughtUp = new AtomicInteger();
    /** Leftovers of interrupted writes that a restart removed; how many this test laid down itself. */
    private int leftoversRemoved;
    private int planted;

    @Test
    @Timeout(600)
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        Path root = Files.createDirectories(dir.resolve("kb"));
        long started = System.nanoTime();
        int killedInBursts = killWriters(root);
        int addRuns = killAdds(root);
        double seconds = (System.nanoTime() - started) / 1e9;

        KnowledgeBase kb = new KnowledgeBase(root);
        LoadReport load = kb.load();
        assertEquals(List.of(), load.problems(), "no half-written file is ever read as a note");
        checkOnDisk(kb);

        // The real command line, started on what the kills left: it catches up, then answers.
        List<String> missedByAsk = new ArrayList<>();
        List<String> asked = new ArrayList<>(acknowledgedByAdd.keySet());
        acknowledged.keySet().stream().filter(p -> !acknowledgedByAdd.containsKey(p)).sorted().limit(2)
                .forEach(asked::add);
        List<Path> aged = ageLeftovers(root);
        for (String path : asked) {
            Process ask = spikebot(root, "ask-" + asked.indexOf(path), "ask", "--kb", root.toString(), "--json",
                    acknowledged.get(path));
            String out = new String(ask.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(ask.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, ask.exitValue(), "spikebot ask failed: " + out);
            boolean found = false;
            for (JsonNode hit : JSON.readTree(out)) found |= hit.get("path").asText().equals(path);
            if (!found) missedByAsk.add(path);
        }
        assertRemovedAtStart(aged, "spikebot ask");

        int found = 0;
        List<String> missed = new ArrayList<>();
        try (NoteIndex index = NoteIndex.open(kb)) {
            assertEquals(List.of(), index.sync().malformed());
            assertEquals(load.notes().size(), index.size(), "the index holds every note on disk, once");
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                boolean hit = index.search(SearchRequest.of(ack.getValue())).stream()
                        .anyMatch(h -> h.path().equals(ack.getKey()));
                if (hit) found++;
                else missed.add(ack.getKey());
            }
        }
        System.out.printf("crash test (seed %d): %d SIGKILLs (%d writer processes, %d of them in a burst of writes; "
                        + "%d 'spikebot add' runs killed out of %d), %d writes acknowledged, %d notes on disk, "
                        + "%d of %d acknowledged found by search, %d of %d by 'spikebot ask', 0 malformed; "
                        + "restarts caught up %d note(s) written but not yet indexed and removed %d leftover "
                        + "temporary file(s) (%d laid down by the test); %.0f s%n",
                SEED, WRITER_KILLS + ADD_KILLS, WRITER_KILLS, killedInBursts, ADD_KILLS, addRuns,
                acknowledged.size(), load.notes().size(), found, acknowledged.size(),
                asked.size() - missedByAsk.size(), asked.size(), caughtUp.get(), leftoversRemoved, 2 * planted,
                seconds);
        assertEquals(List.of(), missed, "acknowledged notes the search does not find");
        assertEquals(List.of(), missedByAsk, "acknowledged notes 'spikebot ask' does not find");
        assertTrue(killedInBursts >= WRITER_KILLS - WRITER_KILLS / 10, killedInBursts + " kills in bursts");
        assertTrue(acknowledgedByAdd.size() > 0, "the adds that completed are acknowledged");
    }

    /** Starts writers and kills each; returns how many kills came after the writer's first acknowledgement. */
    private int killWriters(Path root) throws Exception {
        int inBursts = 0;
        for (int round = 0; round < WRITER_KILLS; round++) {
            List<Path> aged = ageLeftovers(root);
            Process writer = java(root, "w" + round, NoteWriterProcess.class.getName(), root.toString(),
                    "w" + round, "2");
            CountDownLatch writing = new CountDownLatch(1);
            AtomicInteger acks = new AtomicInteger();
            Thread reader = new Thread(() -> readAcks(writer, writing, acks));
            reader.start();
            if (round % 10 == 9) {
                Thread.sleep(random.nextInt(1200)); // anywhere from the start
            } else {
                if (!writing.await(60, TimeUnit.SECONDS)) fail("writer never wrote: " + stderr("w" + round));
                assertRemovedAtStart(aged, "writer w" + round); // it writes only after its start-up sync
                Thread.sleep(random.nextInt(800)); // somewhere in a burst of writes
            }
            kill(writer, "w" + round);
            reader.join();
            if (acks.get() > 0) inBursts++;
            checkOnDisk(new KnowledgeBase(root));
        }
        return inBursts;
    }

    /**
     * Runs the real {@code spikebot add} and kills it at a random moment, until it was killed {@link #ADD_KILLS}
     * times; a run that finishes first is an acknowledged write like any other. Returns the number of runs. The
     * first run is never killed: it completes, and how long it took on this machine, now, sets the window the kills
     * fall in (a tenth of it to a bit more than all of it), so that on a loaded machine the kills still land both
     * before and after the note is durable.
     */
    private int killAdds(Path root) throws Exception {
        long started = System.nanoTime();
        assertFalse(runAdd(root, "a0", -1), "the first add runs to its end");
        long full = Math.max(200, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        int kills = 0;
        int runs = 1;
        while (kills < ADD_KILLS) {
            assertTrue(runs < 10 * ADD_KILLS, "spikebot add always finished before the kill");
            long killAfter = full / 10 + (long) (random.nextDouble() * full * 1.1);
            if (runAdd(root, "a" + runs++, killAfter)) kills++;
        }
        return runs;
    }

    /** One {@code spikebot add}, killed after {@code killAfterMillis} unless negative; true if it was killed. */
    private boolean runAdd(Path root, String run, long killAfterMillis) throws Exception {
        String token = token();
        Process add = spikebot(root, run, "add", "--kb", root.toString(), "--kind", "solution", "--title",
                "Crash add " + run + " " + token, "--tag", "crash");
        try (var in = add.getOutputStream()) {
            in.write(("## Solution\nWe fixed the " + token + " job.\n").repeat(200)
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (killAfterMillis < 0) {
            assertTrue(add.waitFor(300, TimeUnit.SECONDS), run + " did not finish");
        } else if (!add.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
            // The add may still finish between the wait and the signal: then it is a run like any other.
            add.toHandle().destroyForcibly();
            assertTrue(add.waitFor(30, TimeUnit.SECONDS), run + " still running after SIGKILL");
        }
        boolean killed = add.exitValue() == SIGKILL_EXIT;
        // The path is printed once the note is durable: that line is the acknowledgement.
        String out = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!out.isEmpty()) {
            String path = root.relativize(Path.of(out)).toString();
            acknowledged.put(path, token);
            acknowledgedByAdd.put(path, token);
        }
        if (!killed) assertEquals(0, add.exitValue(), "spikebot add failed: " + stderr(run));
        checkOnDisk(new KnowledgeBase(root));
        return killed;
    }

    /**
     * Makes the temporary files that kills left behind (in the note folders and the state folder, not Lucene's)
     * older than {@link KnowledgeBase#UNFINISHED_AFTER}, as they would be after a real outage; returns them. A kill
     * leaves one only when it lands between a write's first and last step, so one more of each kind (a note's, an
     * open spike's) is laid down here as such a kill would leave it, and the start-up path is always exercised.
     */
    private List<Path> ageLeftovers(Path root) throws IOException {
        int n = planted++;
        Files.writeString(Files.createDirectories(root.resolve("spikes")).resolve(".cut-" + n + ".md-1f2e.tmp"),
                "---\nkind: spike\ntitle: Cut");
        Files.writeString(Files.createDirectories(root.resolve(".spikebot/spikes"))
                .resolve(".ab" + n + ".json-3c4d.tmp"), "{\"id\": ");
        FileTime old = FileTime.from(Instant.now().minus(KnowledgeBase.UNFINISHED_AFTER).minusSeconds(10));
        try (var files = Files.walk(root)) {
            List<Path> leftovers = files.filter(p -> !p.startsWith(root.resolve(".spikebot/index")))
                    .filter(p -> DurableFiles.isUnfinishedWrite(p.getFileName().toString())).toList();
            for (Path p : leftovers) Files.setLastModifiedTime(p, old);
            return leftovers;
        }
    }

    private void assertRemovedAtStart(List<Path> aged, String who) {
        List<Path> left = aged.stream().filter(Files::exists).toList();
        assertEquals(List.of(), left, who + " started without removing old leftovers of interrupted writes");
        leftoversRemoved += aged.size();
    }

    private void checkOnDisk(KnowledgeBase kb) {
        for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
            try {
                NoteFile file = kb.read(ack.getKey());
                assertTrue(file.note().title().endsWith(ack.getValue()), ack.getKey() + ": " + file.note().title());
            } catch (MalformedNoteException e) {
                fail("acknowledged note " + ack.getKey() + " is lost or broken: " + e.getMessage());
            }
        }
    }

    private void kill(Process process, String run) throws Exception {
        if (!process.isAlive()) fail(run + " ended by itself: " + stderr(run));
        // SIGKILL on Linux. Through the handle, so that the pipes stay open and every line the process printed
        // before it died is still read (Process.destroyForcibly closes them).
        process.toHandle().destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), run + " still running after SIGKILL");
        assertEquals(SIGKILL_EXIT, process.exitValue(), run + " died of something else: " + stderr(run));
    }

    private void readAcks(Process writer, CountDownLatch writing, AtomicInteger acks) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.split("\t");
                if (parts.length == 2 && parts[0].equals("SYNCED")) caughtUp.addAndGet(Integer.parseInt(parts[1]));
                if (parts.length == 3 && parts[0].equals("ACK")) {
                    acknowledged.put(parts[1], parts[2]);
                    acks.incrementAndGet();
                    writing.countDown();
                }
            }
        } catch (IOException e) {
            // the pipe closes when the writer is killed
        }
    }

    private Process spikebot(Path root, String run, String... args) throws IOException {
        String[] command = new String[args.length + 1];
        command[0] = "spikebot.bot.Main";
        System.arraycopy(args, 0, command, 1, args.length);
        return java(root, run, command);
    }

    private Process java(Path root, String run, String... mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED", "-cp", testClassPath()));
        command.addAll(List.of(mainAndArgs));
        return new ProcessBuilder(command).directory(root.toFile())
                .redirectError(dir.resolve(run + ".err").toFile()).start();
    }

    private String stderr(String run) throws IOException {
        Path err = dir.resolve(run + ".err");
        return Files.exists(err) ? Files.readString(err) : "";
    }

    private String token() {
        StringBuilder token = new StringBuilder("zv");
        for (int i = 0; i < 9; i++) token.append((char) ('a' + random.nextInt(26)));
        return token.toString();
    }

    /** Surefire hides the test class path behind a manifest-only jar; it names the real one here. */
    private static String testClassPath() {
        String path = System.getProperty("surefire.test.class.path");
        return path != null && !path.isBlank() ? path : System.getProperty("java.class.path");
    }
}
