package spikebot.index.eval;

import spikebot.index.Candidate;
import spikebot.index.SearchMode;
import spikebot.index.NoteIndex;
import spikebot.index.SearchRequest;
import spikebot.index.SyncReport;
import spikebot.index.embed.Embeddings;
import spikebot.knowledge.KnowledgeBase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Answer quality on real note collections: each collection is indexed as a knowledge base by the real
 * {@link NoteIndex} (in place, so its index and vectors are kept in the collection's {@code .spikebot} folder and a
 * second run only embeds what changed), and each labelled question is asked of its collection by words alone
 * (bm25) and, given the model, by words and meaning (hybrid), exactly as the bot asks.
 */
public final class NotesEval {
    /** Answers looked at per question: a note below this counts as not found (reciprocal rank 0). */
    public static final int CUTOFF = 10;

    /** The searches compared. */
    public enum Search {
        BM25, HYBRID;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Where one question's first relevant note came.
     *
     * @param rank 1 for first, 0 when no relevant note was in the top {@link #CUTOFF}
     * @param top  the paths returned, best first
     */
    public record Answer(NoteQuestion question, Search search, int rank, List<String> top) {
        public Answer {
            top = List.copyOf(top);
        }
    }

    /**
     * @param questions how many questions were asked
     * @param top1      how many had a relevant note first
     * @param top3      how many had one in the first three
     * @param mrr       mean reciprocal rank of the first relevant note, 0 beyond the cutoff
     */
    public record Figures(int questions, int top1, int top3, double mrr) {
        public static Figures of(List<Answer> answers) {
            int top1 = 0, top3 = 0;
            double reciprocal = 0;
            for (Answer a : answers) {
                if (a.rank() == 1) top1++;
                if (a.rank() >= 1 && a.rank() <= 3) top3++;
                if (a.rank() > 0) reciprocal += 1.0 / a.rank();
            }
            return new Figures(answers.size(), top1, top3, answers.isEmpty() ? 0 : reciprocal / answers.size());
        }
    }

    /**
     * @param notesIndexed  notes indexed per collection
     * @param notesRejected files of each collection the parser could not read as notes, with the reason
     */
    public record Report(Map<String, Integer> notesIndexed, Map<String, List<String>> notesRejected,
                         List<Answer> answers) {
        public Report {
            // In the order the collections were asked, for the table.
            notesIndexed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notesIndexed));
            notesRejected = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notesRejected));
            answers = List.copyOf(answers);
        }

        public Figures figures(Predicate<Answer> which) {
            return Figures.of(answers.stream().filter(which).toList());
        }
    }

    private NotesEval() {
    }

    /**
     * @param notes      the folder holding one folder per collection, named as in the questions
     * @param embeddings the model for hybrid search, or null for bm25 alone
     * @param progress   told what is being done, a line at a time
     * @throws NoSuchFileException when a question names a collection that is not under {@code notes}
     */
    public static Report run(Path notes, List<NoteQuestion> questions, Embeddings embeddings,
                             Consumer<String> progress) throws IOException, InterruptedException {
        Map<String, List<NoteQuestion>> byCollection = new LinkedHashMap<>();
        for (NoteQuestion q : questions) byCollection.computeIfAbsent(q.collection(), c -> new ArrayList<>()).add(q);
        for (String collection : byCollection.keySet()) {
            if (!Files.isDirectory(notes.resolve(collection))) {
                throw new NoSuchFileException(notes.resolve(collection).toString(), null,
                        "collection folder missing (run realnotes/fetch.sh)");
            }
        }
        if (embeddings != null && !embeddings.awaitModel()) throw new IOException("the embedding model did not load");
        Map<String, Integer> indexed = new LinkedHashMap<>();
        Map<String, List<String>> rejected = new LinkedHashMap<>();
        List<Answer> answers = new ArrayList<>();
        for (var entry : byCollection.entrySet()) {
            String collection = entry.getKey();
            try (NoteIndex index = NoteIndex.open(new KnowledgeBase(notes.resolve(collection)), embeddings)) {
                SyncReport sync = index.sync();
                if (embeddings != null) {
                    progress.accept(collection + ": embedding notes that have no vector yet…");
                    embeddings.awaitIdle();
                }
                indexed.put(collection, index.size());
                rejected.put(collection, sync.malformed().stream().map(Object::toString).toList());
                progress.accept(collection + ": " + index.size() + " notes, " + sync.malformed().size()
                        + " file(s) not read as notes, " + entry.getValue().size() + " questions");
                for (NoteQuestion q : entry.getValue()) {
                    answers.add(ask(index, q, Search.BM25));
                    if (embeddings != null) answers.add(ask(index, q, Search.HYBRID));
                }
            }
        }
        return new Report(indexed, rejected, answers);
    }

    private static Answer ask(NoteIndex index, NoteQuestion q, Search search) {
        List<String> top = index.candidates(SearchRequest.of(q.text()).withLimit(CUTOFF),
                search == Search.HYBRID ? SearchMode.HYBRID : SearchMode.BM25).stream().map(Candidate::path).toList();
        int rank = 0;
        for (int i = 0; i < top.size() && rank == 0; i++) if (q.relevant().contains(top.get(i))) rank = i + 1;
        return new Answer(q, search, rank, top);
    }

    /** The collections of a question list, in order of first mention. */
    public static Set<String> collections(List<NoteQuestion> questions) {
        Set<String> names = new LinkedHashSet<>();
        for (NoteQuestion q : questions) names.add(q.collection());
        return names;
    }
}
