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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jargon of ML and data teams ("k8s" is "kubernetes", "GBDT" is "gradient boosting"), in Solr's synonyms
 * format: the list shipped with Spikebot, extended by a team's own file. A broken team file must not cost the
 * team its search, so it is reported as a problem and the shipped list is used alone.
 */
public final class Synonyms {
    /** The shipped list, on the class path. */
    public static final String BUNDLED = "/spikebot/index/synonyms.txt";
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private Synonyms() {
    }

    /**
     * @param map     the synonyms to search with
     * @param problem why the team file was left out, if it was
     */
    public record Loaded(SynonymMap map, Optional<Problem> problem) {
    }

    /**
     * @param teamFile    the team's own file; it need not exist
     * @param displayPath how to name that file in a problem report
     */
    public static Loaded load(Path teamFile, String displayPath) {
        String bundled = bundled();
        if (!Files.isRegularFile(teamFile)) return new Loaded(parse(bundled), Optional.empty());
        String team;
        try {
            team = Files.readString(teamFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Loaded(parse(bundled), Optional.of(new Problem(displayPath, 0,
                    "cannot read synonyms, using the shipped ones only: " + e.getMessage())));
        }
        try {
            return new Loaded(build(bundled + "\n" + team), Optional.empty());
        } catch (ParseException e) {
            int bundledLines = (int) bundled.lines().count() + 1;
            int line = lineOf(e) - bundledLines;
            String cause = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            return new Loaded(parse(bundled), Optional.of(new Problem(displayPath, Math.max(line, 0),
                    "invalid synonym rule, using the shipped synonyms only: " + cause)));
        }
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

    private static int lineOf(ParseException e) {
        Matcher m = LINE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
