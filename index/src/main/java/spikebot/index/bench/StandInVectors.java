package spikebot.index.bench;

import spikebot.index.embed.Embedder;
import spikebot.knowledge.Note;

import java.util.SplittableRandom;

/**
 * Cheap note vectors for measuring answer time over a large index: embedding 100,000 notes with the model takes
 * over an hour on a small machine, searching them takes milliseconds.
 *
 * <p>A stand-in vector is one of a few thousand real vectors, made by the model from other generated notes, with
 * Gaussian noise added and the length set back to one. Real vectors keep the index's graph as it would be: notes
 * crowd around a few topics in the same corner of the space where questions land (uniformly random vectors would
 * spread evenly and make the nearest-neighbour search a different problem). The noise, about cosine
 * {@value #COSINE_TO_BASE} to the real vector, keeps copies of one real vector apart, as two notes on the same topic
 * are, and not exact duplicates, which a graph handles worse. The same text always gets the same vector.
 */
final class StandInVectors {
    /** One real vector per this many notes, up to {@link #MAX_BASES}; beyond that, more notes share each. */
    static final int NOTES_PER_BASE = 10;
    /** Real vectors at most: enough variety, and made in a minute or two. */
    static final int MAX_BASES = 2000;
    /** Roughly how similar a stand-in is to the real vector it comes from. */
    static final double COSINE_TO_BASE = 0.9;
    /** Noise per dimension for that cosine: |noise|² = d·σ², cosine = 1 / sqrt(1 + d·σ²). */
    private static final double SIGMA = Math.sqrt((1 / (COSINE_TO_BASE * COSINE_TO_BASE) - 1) / Embedder.DIMENSION);

    private final float[][] bases;

    StandInVectors(float[][] bases) {
        this.bases = bases;
    }

    /** How many real vectors to make for a knowledge base of this many notes. */
    static int basesFor(int notes) {
        return Math.max(1, Math.min(MAX_BASES, notes / NOTES_PER_BASE));
    }

    /**
     * Embeds {@code count} generated notes with the model (notes other than the benchmark's own: another seed).
     */
    static StandInVectors make(Embedder model, int count, Bench.Progress progress) {
        SyntheticNotes generator = new SyntheticNotes(4242);
        float[][] bases = new float[count][];
        for (int i = 0; i < count; i++) {
            Note note = generator.next();
            bases[i] = model.embedDocument(note.title(), note.body());
            if (i % 10 == 0) progress.update("embedding stand-in bases", (double) i / count);
        }
        return new StandInVectors(bases);
    }

    int bases() {
        return bases.length;
    }

    /** A note's stand-in vector, unit length, the same for the same title and text. */
    float[] of(String title, String text) {
        long hash = 31L * title.hashCode() + text.hashCode();
        SplittableRandom random = new SplittableRandom(hash);
        float[] base = bases[random.nextInt(bases.length)];
        float[] vector = new float[base.length];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            double value = base[i] + SIGMA * random.nextGaussian();
            vector[i] = (float) value;
            norm += value * value;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) vector[i] *= scale;
        return vector;
    }
}
