package spikebot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/** Test helper: writes note files the way people do, by hand, with front matter. */
final class TestNotes {
    private final Path root;

    TestNotes(Path root) {
        this.root = root;
    }

    /** Writes a file and moves its time forward, so that an edit within the same millisecond is still seen. */
    Path write(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            boolean existed = Files.exists(file);
            FileTime before = existed ? Files.getLastModifiedTime(file) : null;
            Files.writeString(file, text);
            if (existed) Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2000));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path note(String path, String kind, String title, String tags, String outcome, String authors, String date,
              String body) {
        StringBuilder text = new StringBuilder("---\n");
        text.append("kind: ").append(kind).append('\n');
        text.append("title: ").append(title).append('\n');
        if (date != null) text.append("date: ").append(date).append('\n');
        if (authors != null) text.append("authors: [").append(authors).append("]\n");
        if (tags != null) text.append("tags: [").append(tags).append("]\n");
        if (outcome != null) text.append("outcome: ").append(outcome).append('\n');
        text.append("---\n").append(body).append('\n');
        return write(path, text.toString());
    }

    /** A small team knowledge base with a handful of realistic notes. */
    void standardSet() {
        note("spikes/polars.md", "spike", "Evaluate Polars as a Pandas replacement for the feature pipeline",
                "dataframes, polars, etl", "no-go", "alice, bob", "2025-03-12", """
                        ## Problem
                        The nightly feature pipeline takes 3 hours in pandas.

                        ## Findings
                        - [x] Installs cleanly, hello-world runs
                        - [x] Ran the join-heavy part of the pipeline: 4x faster
                        - [ ] Our UDFs need rewriting; lazy API differs a lot

                        ## Decision
                        No-go for now: rewriting 40 UDFs costs more than the compute we save.""");
        note("spikes/lightgbm-threads.md", "spike", "Why LightGBM training got slower on the 32-core box",
                "lightgbm, performance", "go", "carol", "2024-11-02", """
                        Training slowed down after moving to the bigger machine. Setting numThreads to the number of
                        physical cores (not hyperthreads) fixed it; max_bin 63 also cut training time by a third.""");
        note("papers/resnet.md", "paper-check", "Reproduce ResNet50 ImageNet accuracy with mixed precision",
                "vision, reproduction", "partially-reproduced", "dave", "2025-01-20", """
                        Claimed 76.1% top-1, we got 75.2% after 90 epochs on 8 GPUs. Needed py3.10 for the
                        reference code. Data loading was the bottleneck.""");
        note("solutions/k8s-oom.md", "solution", "Training pods killed on Kubernetes",
                "kubernetes, memory", null, "erin", "2025-05-05", """
                        Pods were OOMKilled during training: the memory limit was lower than the data loader's peak.
                        We raised the limit and streamed the parquet files instead of loading them at once.""");
        note("spikes/sql-baseline.md", "spike", "SQL baseline for churn before any model",
                "churn, baseline, sql", "go", "alice", "2024-06-01", """
                        A three-line SQL rule (no login in 30 days and a support ticket) caught 70% of churners.
                        The gradient boosting model added 4 points of recall: not worth it yet.""");
        write("notes/plain.md", "# Onboarding checklist\n\nAsk for GPU quota on day one.\n");
    }
}
