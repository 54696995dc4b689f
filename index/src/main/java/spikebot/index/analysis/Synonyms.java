package spikebot.index.analysis;

import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import spikebot.knowledge.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The jargon of ML and data teams ("k8s" is "kubernetes", "GBDT" is "gradient boosting"), in Solr's synonyms
 * format: the list shipped with Spikebot, extended by a team's own file. A bad line in the team's file must not cost
 * the team its search or its other rules: it is reported and left out.
 */
public final class Synonyms {
    /** The shipped list, on the class path. */
    public static final String BUNDLED = "/spikebot/index/synonyms.txt";

    private Synonyms() {
    }

    /**
     * @param map      the synonyms to search with: the shipped ones and every good line of the team's file
     * @param problems the team file's lines left out, each with its line and why, in plain words
     */
    public record Loaded(SynonymMap map, List<Problem> problems) {
        public Loaded {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Each line of the team's file is checked on its own, so that one bad rule costs that rule only: the good lines
     * apply, each bad one is reported with its line number.
     *
     * @param teamFile    the team's own file; it need not exist
     * @param displayPath how to name that file in a problem report
     */
    public static Loaded load(Path teamFile, String displayPath) {
        String bundled = bundled();
        if (!Files.isRegularFile(teamFile)) return new Loaded(parse(bundled), List.of());
        List<String> lines;
        try {
            lines = Files.readAllLines(teamFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Loaded(parse(bundled), List.of(new Problem(displayPath, 0,
                    "cannot read the team's synonyms, so only the shipped ones apply: " + e.getMessage())));
        }
        StringBuilder good = new StringBuilder(bundled).append('\n');
        List<Problem> problems = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            try {
                build(line);
                good.append(line).append('\n');
            } catch (ParseException e) {
                problems.add(new Problem(displayPath, n + 1, plainReason(line, e)));
            }
        }
        try {
            return new Loaded(build(good.toString()), problems);
        } catch (ParseException e) { // each line was fine alone; together they should be too
            problems.add(new Problem(displayPath, 0, "the team's synonyms do not fit together, so only the shipped "
                    + "ones apply: " + e.getMessage()));
            return new Loaded(parse(bundled), problems);
        }
    }

    /** Why a rule is not one, as its author can act on it (Lucene's own words name its analyzer's internals). */
    private static String plainReason(String line, ParseException e) {
        String cause = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        if (line.indexOf("=>") != line.lastIndexOf("=>")) return "a rule has one '=>' at most";
        if (cause.contains("eliminated by analyzer")) {
            for (String side : line.split("=>|,", -1)) {
                if (side.isBlank()) return "a side of the rule is empty: write 'a, b' or 'a => b'";
            }
            return "a term has no word that search keeps (only common words such as 'the' or punctuation)";
        }
        return "not a synonym rule: write 'a, b' (the same) or 'a => b' (a is searched as b)";
    }

    /** The shipped list alone. */
    public static SynonymMap bundledOnly() {
        return parse(bundled());
    }

    private static SynonymMap parse(String rules) {
        try {
            return build(rules);
        } catch (ParseException e) {
            throw new IllegalStateException("the shipped synonyms are broken: " + e.getMessage(), e);
        }
    }

    private static SynonymMap build(String rules) throws ParseException {
        try (QuestionAnalyzer words = QuestionAnalyzer.withoutSynonyms();
             Reader reader = new StringReader(rules)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, words);
            parser.parse(reader);
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bundled() {
        try (InputStream in = Synonyms.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException("missing resource " + BUNDLED);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
