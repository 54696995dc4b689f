package spikebot.knowledge.spike;

import spikebot.knowledge.Note;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A closed spike or paper check as a note in the foundation's format, so that the next question finds it: the
 * decision first, then the plan as it was worked (checklist), the findings, the time box and its extensions, and
 * who did it. The chat origin ({@code guild}, {@code channel}) goes into the front matter so that only people who
 * could read the thread are shown the note.
 */
public final class SpikeNotes {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private SpikeNotes() {
    }

    public static Note render(Spike spike, Closing closing) {
        SpikeKind kind = spike.spikeKind();
        StringBuilder body = new StringBuilder();
        String summary = blank(closing.summary()) ? "" : ": " + closing.summary().strip();
        section(body, "Decision", closing.outcome() + summary);
        section(body, "Goal", spike.goal());
        kind.noteSections(closing).forEach(s -> section(body, s.label(), s.value()));

        StringBuilder list = new StringBuilder();
        for (var item : spike.checklist()) {
            list.append("- [").append(item.done() ? 'x' : ' ').append("] ").append(oneLine(item.text()));
            if (item.done() && item.doneBy() != null) {
                list.append(" (").append(item.doneBy()).append(", ").append(WHEN.format(item.doneAt())).append(')');
            }
            list.append('\n');
        }
        section(body, "Checklist", list.toString());

        StringBuilder findings = new StringBuilder();
        for (Finding f : spike.findings()) {
            findings.append("- ").append(WHEN.format(f.at())).append(", ").append(f.author()).append(": ")
                    .append(f.text().strip().replace("\n", "\n  ")).append('\n');
        }
        section(body, "Findings", findings.isEmpty() ? "None recorded." : findings.toString());

        StringBuilder box = new StringBuilder(spike.timebox() + ", from " + WHEN.format(spike.started())
                + " to " + WHEN.format(spike.deadline()) + "; closed " + WHEN.format(closing.at()) + ".");
        if (!spike.extensions().isEmpty()) {
            box.append(" Extended ").append(spike.extensions().size())
                    .append(spike.extensions().size() == 1 ? " time:" : " times:");
            for (Extension e : spike.extensions()) {
                box.append("\n- +").append(e.by()).append(" by ").append(e.author()).append(" on ")
                        .append(WHEN.format(e.at())).append(": ").append(oneLine(e.reason()));
            }
        }
        section(body, "Time box", box.toString());

        StringBuilder people = new StringBuilder("Owner: " + spike.owner().name() + " (" + spike.format().id() + ")");
        List<Person> others = spike.people().subList(1, spike.people().size());
        if (!others.isEmpty()) {
            people.append("; participants: ").append(String.join(", ", others.stream().map(Person::name).toList()));
        }
        people.append(". Closed by ").append(closing.closedBy().name()).append('.');
        if (closing.threadLink() != null) people.append("\nThread: ").append(closing.threadLink());
        section(body, "People", people.toString());

        Map<String, Object> extra = new LinkedHashMap<>();
        if (spike.guild() != null) extra.put("guild", spike.guild());
        if (spike.thread() != null) extra.put("channel", spike.thread());
        extra.put("format", spike.format().id());
        extra.put("template", spike.template());
        if (!spike.extensions().isEmpty()) extra.put("extensions", spike.extensions().size());
        extra.putAll(kind.frontMatter());

        return new Note(spike.kind(), oneLine(spike.topic()), closing.at().atZone(ZoneOffset.UTC).toLocalDate(),
                spike.people().stream().map(Person::name).toList(), closing.tags(), closing.outcome(),
                spike.timebox(), kind.reference(), closing.threadLink(), extra, body.toString());
    }

    static void section(StringBuilder body, String heading, String text) {
        if (blank(text)) return;
        if (!body.isEmpty()) body.append('\n');
        body.append("## ").append(heading).append("\n\n").append(text.strip()).append('\n');
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The instant as notes write it, e.g. {@code 2025-03-12 14:02 UTC}. */
    public static String when(Instant at) {
        return WHEN.format(at);
    }
}
