package spikebot.bot.hardening;

import spikebot.index.NoteIndex;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFile;
import spikebot.knowledge.NoteKind;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A process that writes notes as fast as it can, the way the bot does when spikes close and solutions are saved:
 * {@link KnowledgeBase#write} then {@link NoteIndex#add}, from several threads, after opening and syncing the index
 * as every start does (that sync is also what removes the leftovers of writes an earlier kill interrupted). It
 * prints {@code SYNCED<tab>n} once that sync has indexed the n notes an earlier process wrote but did not index,
 * then {@code ACK<tab>path<tab>token} for every note that is durable and indexed. The crash test kills it with
 * SIGKILL and checks that every acknowledged note survived.
 *
 * <p>Arguments: knowledge base folder, a name for this run, number of writer threads.
 */
public final class NoteWriterProcess {
    private NoteWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        KnowledgeBase kb = new KnowledgeBase(Path.of(args[0]));
        String run = args[1];
        int threads = Integer.parseInt(args[2]);
        PrintStream out = System.out;
        NoteIndex index = NoteIndex.open(kb); // never closed: this process only ever ends by being killed
        out.println("SYNCED\t" + index.sync().added());
        out.flush();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                Random random = new Random(run.hashCode() * 31L + thread);
                for (int i = 0; ; i++) {
                    String token = token(random);
                    NoteKind kind = i % 3 == 0 ? NoteKind.SOLUTION : NoteKind.SPIKE;
                    Note note = new Note(kind, "Crash run " + run + " note " + thread + "-" + i + " " + token,
                            LocalDate.of(2025, 1, 1).plusDays(i % 365), List.of("writer" + thread), List.of("crash"),
                            kind == NoteKind.SPIKE ? "go" : null, null, null, null, Map.of("run", run),
                            "## Findings\n" + ("We measured the " + token + " pipeline. ")
                                    .repeat(1 + random.nextInt(400)));
                    try {
                        NoteFile file = kb.write(note);
                        index.add(file);
                        synchronized (out) {
                            out.println("ACK\t" + file.path() + "\t" + token);
                            out.flush();
                        }
                    } catch (Exception e) {
                        e.printStackTrace();
                        System.exit(3);
                    }
                }
            });
            writer.start();
        }
        Thread.currentThread().join(); // until killed
    }

    /** A made-up word no other note contains, so that a search for it finds exactly this note. */
    private static String token(Random random) {
        StringBuilder token = new StringBuilder("zq");
        for (int i = 0; i < 9; i++) token.append((char) ('a' + random.nextInt(26)));
        return token.toString();
    }
}
