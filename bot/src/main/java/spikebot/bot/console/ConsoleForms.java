package spikebot.bot.console;

import spikebot.bot.core.Form;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form (Discord's modal) filled in at the terminal: fields given inline with the command are taken as they are;
 * the rest are asked for one line at a time, {@code \n} standing for a new line, {@code cancel} closing the form
 * without submitting it, as its X does in Discord.
 */
final class ConsoleForms {
    /** Where the next line typed comes from (echoed when piped); null at the end of input. */
    interface Lines {
        String next() throws IOException;
    }

    private ConsoleForms() {
    }

    /** What was typed into each field (empty fields left out), or null when the form was cancelled. */
    static Map<String, String> fill(Form modal, Map<String, String> inline, Lines lines, PrintStream out)
            throws IOException {
        boolean anyInline = modal.inputs().stream().anyMatch(i -> inline.containsKey(i.id()));
        out.println("── form: " + modal.title() + " ──" + (anyInline ? "" : " (Enter skips an optional field; "
                + "type \\n for a new line, `" + ChatConsole.CANCEL + "` to cancel the form)"));
        Map<String, String> fields = new LinkedHashMap<>();
        for (Form.TextInput input : modal.inputs()) {
            String value = inline.get(input.id());
            if (value == null && anyInline && !input.required()) value = input.value() == null ? "" : input.value();
            while (value == null) {
                out.print(input.label() + (input.required() ? " (required)" : "")
                        + (input.value() != null ? " [" + input.value() + "]" : "") + ": ");
                out.flush();
                String line = lines.next();
                if (line == null || line.strip().equalsIgnoreCase(ChatConsole.CANCEL)) {
                    out.println((line == null ? "\n" : "") + "(form cancelled: nothing was saved)");
                    return null;
                }
                line = line.strip().replace("\\n", "\n");
                if (!line.isEmpty()) value = line;
                else if (input.value() != null) value = input.value();
                else if (!input.required()) value = "";
                else out.println("(this one is required)");
            }
            if (!value.isEmpty()) fields.put(input.id(), value);
        }
        return fields;
    }
}
