package spikebot.knowledge;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Jupyter notebook ({@code .ipynb}, nbformat 4) as a note: Markdown cells as text, code cells as fenced
 * code in the notebook's language, outputs dropped (plots and tables are data, not the write-up, and often most of
 * the file). Title, authors, tags and date come from the notebook's metadata when it has them, else the title is
 * the first level-1 heading or the file name. A Quarto or fastpages notebook that starts with a raw cell of front
 * matter is read like a Markdown note with that front matter.
 *
 * <p>The JSON is streamed, not mapped whole: outputs and attachments (base64 images) are skipped unread, so a large
 * notebook costs little memory.
 */
final class Notebooks {
    /** Metadata keys read as note fields; the rest of the metadata (kernel, widgets) is the tool's own. */
    private static final Set<String> FIELD_KEYS = Set.of("title", "authors", "author", "tags", "date", "kind",
            "outcome", "categories");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Notebooks() {
    }

    static boolean isNotebook(String path) {
        return path.toLowerCase(java.util.Locale.ROOT).endsWith(".ipynb");
    }

    static ParsedNote read(String text, String path) throws MalformedNoteException {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) throw new MalformedNoteException(0, "empty file: nothing to index");
        List<String[]> cells = new ArrayList<>(); // {type, source}
        JsonNode metadata = null;
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedNoteException(1, "not a Jupyter notebook: the file is not a JSON object");
            }
            boolean sawCells = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("cells") && value == JsonToken.START_ARRAY) {
                    sawCells = true;
                    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                        if (t != JsonToken.START_OBJECT) {
                            throw new MalformedNoteException(parser.currentLocation().getLineNr(), "not a Jupyter "
                                    + "notebook: its 'cells' hold something other than cells");
                        }
                        cells.add(cell(parser));
                    }
                } else if (field.equals("metadata") && value == JsonToken.START_OBJECT) {
                    metadata = parser.readValueAsTree();
                } else if (field.equals("worksheets")) {
                    throw new MalformedNoteException(0, "a notebook of nbformat 3; open and save it in Jupyter "
                            + "to make it nbformat 4");
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new MalformedNoteException(parser.currentLocation().getLineNr(), "not a valid notebook: "
                        + "broken JSON");
            }
            if (!sawCells) throw new MalformedNoteException(0, "not a Jupyter notebook: it has no 'cells'");
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            throw new MalformedNoteException(line, "not a valid notebook: broken JSON ("
                    + Shown.firstLine(e.getOriginalMessage()) + ")");
        } catch (IOException e) {
            throw new MalformedNoteException(0, "notebook could not be read: " + Shown.firstLine(e.getMessage()));
        }

        String language = metadata == null ? "" : metadata.path("language_info").path("name").asText(
                metadata.path("kernelspec").path("language").asText(""));
        StringBuilder body = new StringBuilder();
        String frontMatter = null;
        for (int i = 0; i < cells.size(); i++) {
            String type = cells.get(i)[0];
            String source = cells.get(i)[1].strip();
            if (source.isEmpty()) continue;
            if (i == 0 && !type.equals("code") && (source.startsWith("---\n") || source.startsWith("+++\n"))) {
                frontMatter = source; // Quarto, fastpages: the first cell is the post's front matter
                continue;
            }
            if (!body.isEmpty()) body.append("\n\n");
            switch (type) {
                case "markdown" -> body.append(source);
                case "code" -> body.append("```").append(language).append('\n').append(source).append("\n```");
                default -> { } // raw cells: output formats' own markup
            }
        }
        if (frontMatter != null) return NoteParser.read(frontMatter + "\n" + body, path);
        if (body.toString().isBlank()) {
            throw new MalformedNoteException(0, "empty notebook: no Markdown or code to index");
        }
        String markdown = body.toString().strip();
        return NoteFields.read(fields(metadata), path, markdown, 0, NoteParser.title(markdown, path));
    }

    /** Reads one cell object (its START_OBJECT is current): its type and source; outputs are skipped unread. */
    private static String[] cell(JsonParser parser) throws IOException {
        String type = "";
        StringBuilder source = new StringBuilder();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("cell_type") && value == JsonToken.VALUE_STRING) {
                type = parser.getText();
            } else if (field.equals("source") && value == JsonToken.VALUE_STRING) {
                source.append(parser.getText());
            } else if (field.equals("source") && value == JsonToken.START_ARRAY) {
                for (JsonToken line = parser.nextToken(); line != JsonToken.END_ARRAY; line = parser.nextToken()) {
                    if (line == null) throw new IOException("notebook ends inside a cell");
                    if (line == JsonToken.VALUE_STRING) source.append(parser.getText());
                    else parser.skipChildren();
                }
            } else {
                parser.skipChildren(); // outputs, attachments, metadata
            }
        }
        return new String[]{type, source.toString().replace("\r\n", "\n")};
    }

    /** The note fields the notebook's metadata holds; text values as text, lists and maps as they are. */
    private static FrontMatter.Fields fields(JsonNode metadata) {
        if (metadata == null) return FrontMatter.Fields.NONE;
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : metadata.properties()) {
            if (FIELD_KEYS.contains(e.getKey())) values.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
        }
        return new FrontMatter.Fields(values, Map.of());
    }
}
