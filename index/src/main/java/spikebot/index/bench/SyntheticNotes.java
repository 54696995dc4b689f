package spikebot.index.bench;

import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic notes and questions for benchmarks, made up from the vocabulary of ML and data teams: spikes that
 * evaluate a library or try a technique, paper checks, and solution write-ups, each with a problem, a checklist,
 * findings and a decision. The same seed gives the same notes, so runs compare.
 */
public final class SyntheticNotes {
    /** One area of work and the words a team uses for it. */
    private record Topic(String task, List<String> libraries, List<String> techniques, List<String> metrics,
                         List<String> problems, List<String> data, List<String> tags) {
    }

    private static final List<Topic> TOPICS = List.of(
            new Topic("demand forecasting", List.of("Prophet", "statsforecast", "Darts", "NeuralProphet", "sktime"),
                    List.of("seasonal naive baseline", "gradient boosted trees on lag features", "hierarchical reconciliation", "temporal fusion transformer", "exponential smoothing"),
                    List.of("MAPE", "WAPE", "pinball loss", "bias"), List.of("holiday spikes", "stores with short history", "promotions leaking into the target", "intermittent demand"),
                    List.of("weekly store sales", "SKU-level orders", "daily web traffic"), List.of("forecasting", "time-series", "retail")),
            new Topic("customer churn prediction", List.of("XGBoost", "LightGBM", "CatBoost", "scikit-learn"),
                    List.of("logistic regression baseline", "survival analysis", "uplift modelling", "target encoding of plan type"),
                    List.of("AUC", "precision at top decile", "calibration error", "lift"), List.of("label leakage from cancellation dates", "class imbalance", "drift after the pricing change"),
                    List.of("subscription events", "support tickets", "usage logs"), List.of("churn", "classification", "tabular")),
            new Topic("customer segmentation", List.of("scikit-learn", "HDBSCAN", "UMAP", "k-prototypes"),
                    List.of("k-means on RFM features", "Gaussian mixtures", "SQL rules from the marketing team", "embedding clustering"),
                    List.of("silhouette score", "segment stability", "campaign lift"), List.of("segments that change every month", "mixed categorical and numeric features", "outliers dominating clusters"),
                    List.of("purchase history", "CRM exports", "web sessions"), List.of("segmentation", "clustering", "marketing")),
            new Topic("GPU training cost", List.of("PyTorch", "DeepSpeed", "FSDP", "Ray Train", "Kubernetes"),
                    List.of("mixed precision", "spot instances with checkpointing", "gradient accumulation", "smaller batch with larger learning rate", "profiling the data loader"),
                    List.of("dollars per epoch", "GPU utilisation", "time to accuracy"), List.of("idle GPUs waiting on the data loader", "out of memory on A100", "preempted spot nodes losing a day of training"),
                    List.of("the image pretraining set", "the ranking model's click logs"), List.of("gpu", "cost", "training")),
            new Topic("model retraining", List.of("Airflow", "MLflow", "Kubeflow", "Dagster", "Feast"),
                    List.of("scheduled weekly retraining", "retraining on drift alerts", "champion challenger rollout", "shadow deployment"),
                    List.of("offline AUC", "online conversion", "time to deploy"), List.of("silent model decay", "training serving skew", "feature store lag"),
                    List.of("feature snapshots", "prediction logs"), List.of("mlops", "retraining", "deployment")),
            new Topic("data quality checks", List.of("Great Expectations", "Soda", "dbt tests", "pandera", "Deequ"),
                    List.of("schema contracts", "row count anomaly alerts", "null rate thresholds", "distribution tests"),
                    List.of("incidents caught", "false alarms per week", "time to detect"), List.of("duplicated rows after the backfill", "a vendor silently changing units", "late partitions"),
                    List.of("the events warehouse", "partner CSV drops", "CDC tables"), List.of("data-quality", "pipelines", "testing")),
            new Topic("dataframe performance", List.of("Polars", "pandas", "DuckDB", "Spark", "Dask"),
                    List.of("lazy query plans", "columnar Parquet with predicate pushdown", "vectorised UDFs", "SQL in DuckDB instead of pandas joins"),
                    List.of("wall-clock time", "peak memory", "lines of code"), List.of("out of memory in the nightly ETL", "slow group-by on 200M rows", "pandas merge exploding rows"),
                    List.of("clickstream parquet files", "the feature pipeline"), List.of("dataframes", "etl", "performance")),
            new Topic("text classification", List.of("Hugging Face Transformers", "spaCy", "fastText", "sentence-transformers", "SetFit"),
                    List.of("TF-IDF with logistic regression", "fine-tuning DistilBERT", "few-shot prompting an LLM", "zero-shot NLI"),
                    List.of("macro F1", "latency per request", "labelling cost"), List.of("too few labels for rare classes", "noisy labels from the support team", "multilingual tickets"),
                    List.of("support tickets", "product reviews", "chat transcripts"), List.of("nlp", "classification", "llm")),
            new Topic("recommendation ranking", List.of("LightFM", "implicit", "TensorFlow Recommenders", "Faiss", "Merlin"),
                    List.of("popularity baseline", "matrix factorisation", "two-tower retrieval", "learning to rank with LambdaMART"),
                    List.of("NDCG@10", "recall@50", "click-through rate"), List.of("cold start items", "popularity bias", "position bias in click logs"),
                    List.of("click logs", "purchase sessions", "item catalogue"), List.of("recsys", "ranking", "personalisation")),
            new Topic("anomaly detection", List.of("PyOD", "Isolation Forest", "river", "Kats"),
                    List.of("z-score thresholds", "isolation forest", "autoencoder reconstruction error", "seasonal decomposition residuals"),
                    List.of("precision of alerts", "alerts per day", "detection delay"), List.of("alert fatigue", "weekly seasonality flagged as anomalies", "no labelled incidents"),
                    List.of("payment transactions", "server metrics", "sensor readings"), List.of("anomaly-detection", "monitoring", "fraud")),
            new Topic("image segmentation", List.of("segmentation_models_pytorch", "Detectron2", "MMSegmentation", "SAM"),
                    List.of("U-Net with ResNet50 encoder", "DeepLabV3+", "test-time augmentation", "pseudo-labelling"),
                    List.of("mIoU", "Dice", "inference ms per image"), List.of("thin structures lost at low resolution", "class imbalance between background and defects", "annotation disagreements"),
                    List.of("factory line photos", "satellite tiles", "medical scans"), List.of("computer-vision", "segmentation", "deep-learning")),
            new Topic("LLM retrieval augmented generation", List.of("LangChain", "LlamaIndex", "pgvector", "Elasticsearch", "vLLM"),
                    List.of("BM25 baseline", "hybrid search with reranking", "chunking by headings", "query rewriting"),
                    List.of("answer accuracy", "faithfulness", "cost per 1k questions"), List.of("hallucinated citations", "chunks cut mid-table", "slow embedding of the whole wiki"),
                    List.of("the internal wiki", "product manuals", "support macros"), List.of("llm", "rag", "search")),
            new Topic("A/B test analysis", List.of("statsmodels", "PyMC", "GrowthBook", "scipy"),
                    List.of("CUPED variance reduction", "sequential testing", "Bayesian analysis", "bootstrap confidence intervals"),
                    List.of("minimum detectable effect", "sample size", "false positive rate"), List.of("peeking at results daily", "sample ratio mismatch", "novelty effects"),
                    List.of("experiment assignments", "checkout events"), List.of("experimentation", "statistics", "ab-testing")),
            new Topic("feature store adoption", List.of("Feast", "Tecton", "Hopsworks", "Redis"),
                    List.of("point-in-time joins", "materialising features nightly", "streaming features from Kafka", "a plain SQL view"),
                    List.of("feature latency", "training serving skew incidents", "time to add a feature"), List.of("duplicated feature logic", "stale online features", "backfills taking days"),
                    List.of("user aggregates", "transaction features"), List.of("features", "mlops", "infrastructure")));

    private static final List<String> PEOPLE = List.of("alice", "bob", "chen", "dana", "emeka", "farah", "gustavo",
            "hana", "ivan", "jonas", "kiri", "lena", "mateo", "nadia", "omar", "priya", "quinn", "rosa", "sven", "tariq");

    private final Random random;
    private final LocalDate start = LocalDate.of(2021, 1, 4);

    public SyntheticNotes(long seed) {
        this.random = new Random(seed);
    }

    /** The next note; titles vary enough that 100,000 of them rarely repeat. */
    public Note next() {
        Topic t = pick(TOPICS);
        int kind = random.nextInt(10);
        return kind < 6 ? spike(t) : kind < 8 ? paperCheck(t) : solution(t);
    }

    /** A question a team member might ask, phrased unlike any title. */
    public String question() {
        Topic t = pick(TOPICS);
        String opener = pick(List.of("", "", "has anyone ", "did anyone ", "have we ever ", "quick question: ", "anyone know "));
        String ask = switch (random.nextInt(10)) {
            case 0 -> "tried " + pick(t.techniques()) + " for " + t.task();
            case 1 -> "compared " + pick(t.libraries()) + " and " + pick(t.libraries()) + " on " + pick(t.data());
            case 2 -> "dealt with " + pick(t.problems());
            case 3 -> "used " + pick(t.libraries()) + " for " + pick(t.data());
            case 4 -> "measured " + pick(t.metrics()) + " of " + pick(t.techniques());
            case 5 -> "reproduced a paper on " + pick(t.techniques()) + " for " + t.task();
            case 6 -> "fixed " + pick(t.problems()) + " in " + pick(t.data());
            case 7 -> "cut " + pick(t.metrics()) + " with " + pick(t.libraries());
            case 8 -> "seen " + pick(t.problems()) + " when using " + pick(t.libraries());
            default -> "beaten " + pick(t.techniques()) + " with a simple baseline on " + pick(t.data());
        };
        return opener + ask + "?";
    }

    private Note spike(Topic t) {
        String lib = pick(t.libraries()), technique = pick(t.techniques());
        String title = switch (random.nextInt(6)) {
            case 0 -> "Evaluate " + lib + " for " + t.task() + " on " + pick(t.data());
            case 1 -> "Try " + technique + " on " + pick(t.data());
            case 2 -> "Can " + technique + " beat " + pick(t.techniques()) + " for " + t.task() + "?";
            case 3 -> capitalise(pick(t.problems())) + ": spike with " + lib;
            case 4 -> "Does " + technique + " improve " + pick(t.metrics()) + " in " + pick(t.data()) + "?";
            default -> capitalise(lib) + " vs " + pick(t.libraries()) + " for " + t.task();
        };
        String outcome = pick(NoteKind.SPIKE.outcomes());
        String body = section("Problem", "We keep hitting " + pick(t.problems()) + " in " + pick(t.data())
                + ". " + sentence(t) + " The question is whether " + lib + " with " + technique + " fixes it.")
                + checklist(lib, t) + section("Findings", sentence(t) + " " + sentence(t) + " " + sentence(t))
                + section("Decision", decision(outcome, lib, t));
        return note(NoteKind.SPIKE, title, t, outcome, pick(List.of("2h", "4h", "2d", "1w")), null, body);
    }

    private Note paperCheck(Topic t) {
        String technique = pick(t.techniques());
        String title = "Paper check: " + capitalise(technique) + " for " + t.task() + " (" + (2017 + random.nextInt(9)) + ")";
        String outcome = pick(NoteKind.PAPER_CHECK.outcomes());
        String body = section("Claim", "The paper claims " + technique + " improves " + pick(t.metrics()) + " by "
                + (2 + random.nextInt(30)) + "% over " + pick(t.techniques()) + ".")
                + section("Availability", "Code " + (random.nextBoolean() ? "is on GitHub" : "is not released")
                + "; data " + (random.nextBoolean() ? "is public" : "is proprietary") + ".")
                + section("Our run", "On " + pick(t.data()) + " we measured " + pick(t.metrics()) + " " + number()
                + " against " + number() + " for our baseline. " + sentence(t) + " Compute cost about "
                + (1 + random.nextInt(200)) + " GPU hours.")
                + section("Verdict", sentence(t));
        return note(NoteKind.PAPER_CHECK, title, t, outcome, pick(List.of("4h", "2d", "1w")),
                "https://arxiv.org/abs/" + (1700 + random.nextInt(800)) + "." + (10000 + random.nextInt(89999)), body);
    }

    private Note solution(Topic t) {
        String problem = pick(t.problems());
        String title = (random.nextBoolean() ? "How we fixed " : "Fixing ") + problem + " in " + pick(t.data())
                + (random.nextBoolean() ? "" : " with " + pick(t.techniques()));
        String body = section("Problem", capitalise(problem) + " broke " + t.task() + " for "
                + (2 + random.nextInt(10)) + " days. " + sentence(t))
                + section("Solution", "We used " + pick(t.techniques()) + " with " + pick(t.libraries()) + ". " + sentence(t))
                + section("What did not work", capitalise(pick(t.techniques())) + ": " + sentence(t));
        return note(NoteKind.SOLUTION, title, t, null, null, null, body);
    }

    private Note note(NoteKind kind, String title, Topic t, String outcome, String timebox, String paper, String body) {
        LinkedHashSet<String> authors = new LinkedHashSet<>();
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) authors.add(pick(PEOPLE));
        LinkedHashSet<String> tags = new LinkedHashSet<>(List.of(pick(t.tags()), pick(t.tags())));
        LocalDate date = start.plusDays(random.nextInt(5 * 365));
        return new Note(kind, title, date, List.copyOf(authors), List.copyOf(tags), outcome, timebox, paper, null,
                Map.of(), body);
    }

    private String checklist(String lib, Topic t) {
        List<String> items = new ArrayList<>(List.of("Does " + lib + " install cleanly?", "Hello-world runs",
                "Its own tests pass", "Works on the tutorial, then on " + pick(t.data()),
                "Simplest baseline first: " + pick(t.techniques()), "Same criteria for every approach: " + pick(t.metrics())));
        StringBuilder out = new StringBuilder("## Checklist\n");
        for (String item : items) out.append(random.nextInt(4) == 0 ? "- [ ] " : "- [x] ").append(item).append('\n');
        return out.append('\n').toString();
    }

    private String sentence(Topic t) {
        return switch (random.nextInt(7)) {
            case 0 -> capitalise(pick(t.techniques())) + " reached " + pick(t.metrics()) + " " + number() + " on "
                    + pick(t.data()) + ", against " + number() + " for " + pick(t.techniques()) + ".";
            case 1 -> capitalise(pick(t.libraries())) + " took " + (1 + random.nextInt(40)) + " minutes where "
                    + pick(t.libraries()) + " took " + (1 + random.nextInt(90)) + ".";
            case 2 -> "The main risk is " + pick(t.problems()) + ", which we saw twice in " + pick(t.data()) + ".";
            case 3 -> "Setup was " + pick(List.of("painless", "fiddly", "blocked by dependency conflicts", "half a day"))
                    + " and the docs for " + pick(t.libraries()) + " are " + pick(List.of("good", "thin", "out of date")) + ".";
            case 4 -> "A plain SQL query got within " + (1 + random.nextInt(10)) + "% of the model on " + pick(t.metrics()) + ".";
            case 5 -> "We should revisit once " + pick(t.problems()) + " is under control.";
            default -> "Maintenance cost matters more than a " + (1 + random.nextInt(5)) + "% gain in " + pick(t.metrics()) + ".";
        };
    }

    private String decision(String outcome, String lib, Topic t) {
        return switch (outcome) {
            case "go" -> "Go: adopt " + lib + " for " + t.task() + ".";
            case "no-go" -> "No-go: " + lib + " is not worth it; keep " + pick(t.techniques()) + ".";
            case "shelved" -> "Shelved until " + pick(t.problems()) + " is fixed upstream.";
            default -> "Needs more time: the comparison on " + pick(t.data()) + " is not finished.";
        };
    }

    private static String section(String heading, String text) {
        return "## " + heading + "\n" + text + "\n\n";
    }

    private String number() {
        return String.format(java.util.Locale.ROOT, "%.2f", random.nextDouble());
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
