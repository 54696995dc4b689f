package spikebot.bot.spike;

import spikebot.bot.core.ControlRow;
import spikebot.bot.core.Control;
import spikebot.bot.core.Card;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Text;
import spikebot.bot.core.Limits;
import spikebot.knowledge.spike.ChecklistItem;
import spikebot.knowledge.spike.Closing;
import spikebot.knowledge.spike.Finding;
import spikebot.knowledge.spike.Person;
import spikebot.knowledge.spike.Reminder;
import spikebot.knowledge.spike.Spike;
import spikebot.knowledge.spike.SpikeKind;
import spikebot.knowledge.spike.TimeBox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How spikes look in Discord: the thread's first message, status, the list, reminders and the closing summary.
 * One wording throughout: durations as time boxes are written ({@code 1h30m}, see {@link TimeBox#format} and {@link #about}), counts
 * with their noun in the singular for one ({@link #count}), deadlines as a Discord timestamp and its relative form.
 */
final class SpikeView {
    /** Items that get their own toggle button; the select menu covers them all. */
    static final int ITEM_BUTTONS = 15;
    private static final int OPEN = 0x3B82F6;
    private static final int LATE = 0xF59E0B;
    private static final int DONE = 0x22C55E;
    /** A finding on {@code /spike status}; the whole text is in the note. */
    static final int FINDING_CHARS = 300;
    /** Values up to this length sit side by side on a summary. */
    private static final int SHORT_VALUE = 60;

    private SpikeView() {
    }

    /** The kind's name inside a sentence: "spike", "paper check". */
    static String noun(Spike s) {
        return s.spikeKind().noun().toLowerCase(Locale.ROOT);
    }

    static String threadName(Spike s) {
        return s.spikeKind().threadName(s.topic());
    }

    /** "1 finding", "2 findings". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The thread's first message: the plan, the time box and the prior work, with controls to tick items. */
    static Draft card(Spike s, String priorWork, Instant now) {
        return new Draft("", List.of(cardEmbed(s, priorWork, now)), controls(s));
    }

    /**
     * {@code /spike status}: the card with the findings written out, the latest ones when they do not all fit in
     * Discord's 1024 characters of a field (all of them go into the note).
     */
    static Card statusCard(Spike s, String priorWork, Instant now) {
        return cardEmbed(s, priorWork, now, true);
    }

    /** Latest last, each on one line and cut to {@link #FINDING_CHARS}; the earliest left out when they overflow. */
    private static String findings(List<Finding> findings) {
        List<String> lines = new ArrayList<>();
        int used = 0;
        int i = findings.size() - 1;
        for (; i >= 0; i--) {
            Finding f = findings.get(i);
            String line = (i + 1) + ". **" + Text.escape(f.author()) + "**: "
                    + Text.escape(Text.cut(Text.oneLine(f.text()), FINDING_CHARS));
            // Room for the line, its newline and the "earlier" line that may head the list.
            if (used + line.length() + 1 > Limits.FIELD_VALUE - 60) break;
            lines.addFirst(line);
            used += line.length() + 1;
        }
        if (i >= 0) lines.addFirst("… " + count(i + 1, "earlier finding") + " (all go into the note)");
        return String.join("\n", lines);
    }

    static Card cardEmbed(Spike s, String priorWork, Instant now) {
        return cardEmbed(s, priorWork, now, false);
    }

    private static Card cardEmbed(Spike s, String priorWork, Instant now, boolean findingsInFull) {
        SpikeKind kind = s.spikeKind();
        StringBuilder description = new StringBuilder();
        for (SpikeKind.Fact fact : kind.facts()) {
            description.append("**").append(fact.label()).append(":** ").append(Text.escape(fact.value()))
                    .append('\n');
        }
        if (!s.goal().isBlank()) description.append("**Goal:** ").append(Text.escape(s.goal()));
        else if (kind.asksForGoal()) {
            description.append("**Goal:** not stated yet: state the problem before any solution (`/spike edit "
                    + "goal:…`).");
        }
        List<Card.Field> fields = new ArrayList<>();
        fields.add(new Card.Field("Owner", Text.escape(s.owner().name()), true));
        List<Person> others = s.people().subList(1, s.people().size());
        fields.add(new Card.Field("Participants", others.isEmpty() ? "none yet (press Join)"
                : Text.escape(String.join(", ", others.stream().map(Person::name).toList())), true));
        fields.add(new Card.Field("Format", s.format().id(), true));
        fields.add(new Card.Field("Time box", timeBox(s, now), false));
        fields.add(new Card.Field("Checklist (" + s.ticked() + "/" + s.checklist().size() + ")", checklist(s), false));
        if (s.findings().isEmpty()) {
            fields.add(new Card.Field("Findings", "none yet: `/spike note text:…`", false));
        } else if (findingsInFull) {
            fields.add(new Card.Field("Findings (" + s.findings().size() + ")", findings(s.findings()), false));
        } else {
            fields.add(new Card.Field("Findings", s.findings().size() + " so far (a negative result is a result)",
                    false));
        }
        if (priorWork != null) fields.add(new Card.Field("Before you start: prior work", priorWork, false));
        String footer = kind.noun() + " " + s.id() + " · /spike note · /spike extend · /spike close";
        int color = s.overdue(now) ? LATE : OPEN;
        return new Card(kind.icon() + " " + kind.noun() + ": " + Text.escape(s.topic()), null,
                description.toString().strip(),
                fields, footer, color);
    }

    static String timeBox(Spike s, Instant now) {
        StringBuilder t = new StringBuilder(s.timebox());
        if (!s.extensions().isEmpty()) t.append(" + ").append(count(s.extensions().size(), "extension"));
        t.append(" · ends ").append(Text.timestamp(s.deadline(), 'F')).append(" (")
                .append(Text.timestamp(s.deadline(), 'R')).append(')');
        if (s.overdue(now)) t.append("\n⚠ Time is up: close it with an outcome, or extend it with a reason.");
        return t.toString();
    }

    static String checklist(Spike s) {
        StringBuilder out = new StringBuilder();
        List<ChecklistItem> items = s.checklist();
        for (int i = 0; i < items.size(); i++) {
            ChecklistItem item = items.get(i);
            out.append(i + 1).append(". ").append(item.done() ? "☑ " : "☐ ").append(Text.escape(item.text()));
            if (item.done() && item.doneBy() != null) out.append(" (").append(Text.escape(item.doneBy())).append(')');
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static List<ControlRow> controls(Spike s) {
        List<ControlRow> rows = new ArrayList<>();
        List<Control> row = new ArrayList<>();
        List<ChecklistItem> items = s.checklist();
        for (int i = 0; i < Math.min(items.size(), ITEM_BUTTONS); i++) {
            boolean done = items.get(i).done();
            row.add(Control.Button.of(new SpikeIds.Tick(s.id(), i).customId(),
                    (done ? "☑ " : "☐ ") + (i + 1), done ? Control.Style.SUCCESS : Control.Style.SECONDARY));
            if (row.size() == 5) {
                rows.add(new ControlRow(row));
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) rows.add(new ControlRow(row));
        List<Control.SelectOption> options = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            options.add(new Control.SelectOption(String.valueOf(i), (i + 1) + ". " + items.get(i).text(), null,
                    items.get(i).done()));
        }
        rows.add(ControlRow.of(new Control.SelectMenu(new SpikeIds.Check(s.id()).customId(),
                "Tick the checklist items that are done", options, 0, options.size())));
        rows.add(ControlRow.of(Control.Button.of(new SpikeIds.Join(s.id()).customId(), "Join",
                Control.Style.PRIMARY)));
        return rows;
    }

    /** The first message once the spike is closed: the same card, no controls, marked with the outcome. */
    static Draft closedCard(Spike s, String outcome, String priorWork, Instant now) {
        Card open = cardEmbed(s, priorWork, now);
        Card closed = new Card("Closed (" + outcome + "): " + Text.escape(s.topic()), null, open.description(),
                open.fields().subList(0, open.fields().size() - (priorWork == null ? 0 : 1)),
                s.spikeKind().noun() + " " + s.id() + " · closed", DONE);
        return new Draft("", List.of(closed), List.of());
    }

    /** One line of {@code /spike list}. */
    static Card.Field listField(Spike s, Instant now) {
        String when = s.overdue(now)
                ? "⚠ **overdue** since " + Text.timestamp(s.deadline(), 'R')
                : left(s, now) + " left, ends " + Text.timestamp(s.deadline(), 'R');
        String value = Text.escape(s.owner().name()) + " · "
                + (s.thread() == null ? "opening…" : Text.channel(s.thread()))
                + " · " + when + "\nChecklist " + s.ticked() + "/" + s.checklist().size() + " · "
                + count(s.findings().size(), "finding")
                + (s.extensions().isEmpty() ? "" : " · extended " + s.extensions().size() + "×")
                + " · id `" + s.id() + "`";
        return new Card.Field(s.spikeKind().icon() + " " + Text.escape(s.topic()), value, false);
    }

    /** A reminder post; {@code late} when it fires after its time because the bot was down. */
    static Draft reminder(Spike s, Reminder r, Instant now) {
        String topic = "**" + Text.escape(s.topic()) + "**";
        String left = left(s, now);
        String text = switch (r.kind()) {
            case HALF_TIME -> "⏳ Half time on " + topic + ": about " + left + " left (ends "
                    + Text.timestamp(s.deadline(), 'R') + "). Checklist " + s.ticked() + "/" + s.checklist().size()
                    + ", " + count(s.findings().size(), "finding") + ". Still on plan? Write down what you learned with "
                    + "`/spike note`.";
            case NEAR_END -> "⏰ " + topic + " ends " + Text.timestamp(s.deadline(), 'R') + ". Time to write down "
                    + "findings and lean towards a decision: go, no-go or shelve.";
            case EXPIRED -> "⌛ Time is up for " + topic + ". Close it with an outcome (`/spike close outcome:"
                    + String.join("`, `", s.spikeKind().outcomes()) + "`) or extend it with a reason "
                    + "(`/spike extend by:2h reason:…`).";
            case DAILY -> "📅 " + topic + " is still open, " + count(r.day(), "day") + " past its time box. Close it (a negative result is a result) or extend it with a reason.";
        };
        if (Duration.between(r.at(), now).compareTo(Duration.ofMinutes(5)) > 0) {
            text += "\n(This reminder is late: it was due " + Text.timestamp(r.at(), 'R') + " while I was offline.)";
        }
        return Draft.text(text);
    }

    /** What everyone sees when a spike closes. */
    static Card summary(Spike s, Closing c, String where) {
        List<Card.Field> fields = new ArrayList<>();
        for (SpikeKind.Fact fact : s.spikeKind().results(c)) {
            String value = orDash(fact.value());
            fields.add(new Card.Field(fact.label(), value, value.length() <= SHORT_VALUE));
        }
        fields.add(new Card.Field("Checklist", s.ticked() + "/" + s.checklist().size(), true));
        fields.add(new Card.Field("Findings", String.valueOf(s.findings().size()), true));
        fields.add(new Card.Field("Time", s.timebox() + (s.extensions().isEmpty() ? ""
                : ", extended " + s.extensions().size() + "×")
                + ", took " + about(Duration.between(s.started(), c.at())),
                true));
        fields.add(new Card.Field("Note", where, false));
        return new Card("✅ " + s.spikeKind().noun() + " closed: " + c.outcome() + " · " + Text.escape(s.topic()), null,
                c.summary() == null ? null : Text.escape(c.summary()), fields, "By " + c.closedBy().name(), DONE);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "not recorded" : Text.escape(text);
    }

    /** Time left to the deadline ({@link #about}); none once it has passed. */
    static String left(Spike s, Instant now) {
        Duration left = Duration.between(now, s.deadline());
        return about(left.isNegative() ? Duration.ZERO : left);
    }

    /**
     * A duration as time boxes are written, to its two largest units: {@code 3w6d}, {@code 2d}, {@code 1h30m},
     * {@code 12m}. A person reading "3w6d23h59m left" wants the first two.
     */
    static String about(Duration d) {
        long[] sizes = {7 * 24 * 60, 24 * 60, 60, 1};
        long minutes = Math.max(0, d.toMinutes());
        int i = 0;
        while (i < sizes.length - 1 && minutes < sizes[i]) i++;
        long kept = minutes / sizes[i] * sizes[i];
        if (i + 1 < sizes.length) kept += minutes % sizes[i] / sizes[i + 1] * sizes[i + 1];
        return TimeBox.format(Duration.ofMinutes(kept));
    }
}
