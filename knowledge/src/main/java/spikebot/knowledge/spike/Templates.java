package spikebot.knowledge.spike;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

import spikebot.knowledge.KnowledgeBase;


import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;

/**
 * The checklist templates a guild can start spikes from: the ones shipped with the bot ({@code library},
 * {@code problem}, {@code paper}, {@code general}), each replaceable, and more addable, by YAML files in the
 * team's {@code <kb>/.spikebot/templates/} folder. A broken team file is reported and the shipped one kept.
 */
public final class Templates {
    public static final List<String> SHIPPED = List.of("library", "problem", "paper", "general");
    private static final long MAX_FILE_BYTES = 64 * 1024;
    private static final ObjectMapper YAML = yamlMapper();

    private final Map<String, ChecklistTemplate> byName;
    private final List<String> problems;

    private Templates(Map<String, ChecklistTemplate> byName, List<String> problems) {
        this.byName = Collections.unmodifiableMap(byName);
        this.problems = List.copyOf(problems);
    }

    /** The shipped templates only. */
    public static Templates shipped() {
        Map<String, ChecklistTemplate> all = new LinkedHashMap<>();
        for (String name : SHIPPED) {
            String resource = "/spikebot/templates/" + name + ".yaml";
            try (InputStream in = Templates.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing " + resource + " in the jar");
                all.put(name, validate(YAML.readValue(in, ChecklistTemplate.class), name));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return new Templates(all, List.of());
    }

    /** A knowledge base's templates: the shipped ones, overridden and extended by its {@code .spikebot/templates/}. */
    public static Templates of(KnowledgeBase kb) {
        return load(kb.stateDir().resolve("templates"));
    }

    /** The shipped templates, overridden and extended by the {@code *.yaml} files in {@code folder} (if any). */
    public static Templates load(Path folder) {
        Templates shipped = shipped();
        if (folder == null || !Files.isDirectory(folder)) return shipped;
        Map<String, ChecklistTemplate> all = new LinkedHashMap<>(shipped.byName);
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*.{yaml,yml}")) {
            dir.forEach(files::add);
        } catch (IOException e) {
            problems.add(folder + ": cannot list templates: " + e.getMessage());
        }
        files.sort(null);
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String name = fileName.substring(0, fileName.lastIndexOf('.'));
            try {
                if (!name.matches("[a-z0-9-]{1,30}")) {
                    throw new IllegalArgumentException("name the file with lower-case letters, digits and dashes");
                }
                if (Files.size(file) > MAX_FILE_BYTES) throw new IllegalArgumentException("file is too large");
                all.put(name, validate(YAML.readValue(file.toFile(), ChecklistTemplate.class), name));
            } catch (JacksonException e) {
                // Jackson's own words name Java types; say which key is wrong and what it should hold.
                var where = e.getLocation();
                String key = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                        ? "'" + m.getPath().get(m.getPath().size() - 1).getFieldName() + "' is not in the expected form"
                        : "not YAML";
                problems.add(".spikebot/templates/" + fileName + (where == null ? "" : ":" + where.getLineNr())
                        + ": " + key + " (a template is 'title: …' and 'items:' with one '- item' a line), so it "
                        + "is left out");
            } catch (IOException | RuntimeException e) {
                problems.add(".spikebot/templates/" + fileName + ": left out: " + e.getMessage());
            }
        }
        return new Templates(all, problems);
    }

    public Optional<ChecklistTemplate> get(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** Team template files that could not be used, each as "file: reason". */
    public List<String> problems() {
        return problems;
    }

    private static ChecklistTemplate validate(ChecklistTemplate t, String fileName) {
        if (t == null) throw new IllegalArgumentException("empty file");
        if (!fileName.equals(t.name())) {
            t = new ChecklistTemplate(fileName, t.title(), t.description(), t.items());
        }
        if (t.items().isEmpty()) throw new IllegalArgumentException("a template needs at least one item");
        if (t.items().size() > ChecklistTemplate.MAX_ITEMS) {
            throw new IllegalArgumentException("a template has at most " + ChecklistTemplate.MAX_ITEMS
                    + " items (a checklist helps only while it is light)");
        }
        for (String item : t.items()) {
            if (item == null || item.isBlank()) throw new IllegalArgumentException("an item is empty");
            if (item.length() > ChecklistTemplate.MAX_ITEM_CHARS) {
                throw new IllegalArgumentException("an item is longer than " + ChecklistTemplate.MAX_ITEM_CHARS
                        + " characters");
            }
        }
        return t;
    }

    private static ObjectMapper yamlMapper() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(10);
        options.setCodePointLimit((int) MAX_FILE_BYTES);
        return new YAMLMapper(YAMLFactory.builder().loaderOptions(options).build())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }
}
