package spikebot.knowledge.spike;

import java.util.List;

/**
 * A spike's starting game plan, read from YAML:
 * <pre>
 * name: library
 * title: Library evaluation
 * description: Does this library do the job for us?
 * items:
 *   - Installs cleanly in our environment
 *   - Hello-world runs
 * </pre>
 * Kept short on purpose: a checklist helps only while it is light.
 */
public record ChecklistTemplate(String name, String title, String description, List<String> items) {
    /** Enough for any real plan, and what one Discord select menu can show. */
    public static final int MAX_ITEMS = 20;
    public static final int MAX_ITEM_CHARS = 200;

    public ChecklistTemplate {
        name = name == null ? "" : name.strip(); // a team file may leave it out: its file name names it
        title = title == null || title.isBlank() ? name : title.strip();
        description = description == null ? "" : description.strip();
        items = items == null ? List.of() : List.copyOf(items);
    }
}
