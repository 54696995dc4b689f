package spikebot.index.bench;

import org.junit.jupiter.api.Test;
import spikebot.index.embed.Embedder;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StandInVectorsTest {
    private final float[][] bases = randomUnitVectors(20, new Random(1));
    private final StandInVectors standIn = new StandInVectors(bases);

    @Test
    void sameTextSameVectorOfUnitLength() {
        float[] a = standIn.of("Evaluate Polars", "the ETL runs out of memory");
        assertArrayEquals(a, standIn.of("Evaluate Polars", "the ETL runs out of memory"));
        assertEquals(Embedder.DIMENSION, a.length);
        assertEquals(1.0, dot(a, a), 1e-4);
    }

    @Test
    void eachStandInStaysNearOneRealVectorAndTheyAreSpreadOverAll() {
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            float[] v = standIn.of("note " + i, "text " + i);
            int nearest = 0;
            for (int b = 1; b < bases.length; b++) if (dot(v, bases[b]) > dot(v, bases[nearest])) nearest = b;
            double cosine = dot(v, bases[nearest]);
            assertTrue(cosine > 0.85 && cosine < 0.95, "cosine to its base " + cosine);
            used.add(nearest);
        }
        assertEquals(bases.length, used.size(), "every real vector is used");
        // Two notes on the same base are close but not duplicates.
        assertTrue(dot(standIn.of("a", "x"), standIn.of("b", "y")) < 0.999);
    }

    @Test
    void basesGrowWithTheNotesUpToACap() {
        assertEquals(1, StandInVectors.basesFor(5));
        assertEquals(100, StandInVectors.basesFor(1_000));
        assertEquals(StandInVectors.MAX_BASES, StandInVectors.basesFor(100_000));
    }

    private static float[][] randomUnitVectors(int count, Random random) {
        float[][] vectors = new float[count][Embedder.DIMENSION];
        for (float[] v : vectors) {
            double norm = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
                norm += v[i] * v[i];
            }
            for (int i = 0; i < v.length; i++) v[i] /= (float) Math.sqrt(norm);
        }
        return vectors;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }
}
