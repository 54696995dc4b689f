package spikebot.bot.spike;

import spikebot.bot.core.ControlRow;
import spikebot.bot.core.Control;
import spikebot.bot.core.CustomIds;
import spikebot.bot.core.Card;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Text;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.spike.ChecklistItem;
import spikebot.knowledge.spike.Closing;
import spikebot.knowledge.spike.Person;
import spikebot.knowledge.spike.Reminder;
import spikebot.knowledge.spike.Spike;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How spikes look in Discord: the thread's first message, status, the list, reminders and the closing summary. */
final class SpikeView {
    /** Items that get their own toggle button; the select menu covers them all. */
    static final int ITEM_BUTTONS = 15;
    private static final int OPEN = 0x3B82F6;
    private static final int LATE = 0xF59E0B;
    private static final int DONE = 0x22C55E;

    private SpikeView() {
    }

    static String noun(Spike s) {
        return s.kind() == NoteKind.PAPER_CHECK ? "Paper check" : "Spike";
    }

    static String icon(Spike s) {
        return s.kind() == NoteKind.PAPER_CHECK ? "📄" : "🧪";
    }

    static String threadName(Spike s) {
        return s.kind() == NoteKind.PAPER_CHECK ? "Paper check: " + s.topic() : s.topic();
    }

    /** The thread's first message: the plan, the time box and the prior work, with controls to tick items. */
    static Draft card(Spike s, String priorWork, Instant now) {
        return new Draft("", List.of(cardEmbed(s, priorWork, now)), controls(s));
    }

    static Card cardEmbed(Spike s, String priorWork, Instant now) {
        StringBuilder description = new StringBuilder();
        if (s.kind() == NoteKind.PAPER_CHECK) {
            description.append("**Paper:** ").append(Text.escape(s.paper())).append('\n');
            description.append("**Claim:** ").append(Text.escape(s.claim())).append('\n');
        }
        if (!s.goal().isBlank()) description.append("**Goal:** ").append(Text.escape(s.goal()));
        else if (s.kind() != NoteKind.PAPER_CHECK) {
            description.append("**Goal:** not stated yet: state the problem before any solution (`/spike note`).");
        }
        List<Card.Field> fields = new ArrayList<>();
        fields.add(new Card.Field("Owner", Text.escape(s.owner().name()), true));
        List<Person> others = s.people().subList(1, s.people().size());
        fields.add(new Card.Field("Participants", others.isEmpty() ? "none yet (press Join)"
                : Text.escape(String.join(", ", others.stream().map(Person::name).toList())), true));
        fields.add(new Card.Field("Format", s.format().id(), true));
        fields.add(new Card.Field("Time box", timeBox(s, now), false));
        fields.add(new Card.Field("Checklist (" + s.ticked() + "/" + s.checklist().size() + ")", checklist(s), false));
        fields.add(new Card.Field("Findings", s.findings().isEmpty() ? "none yet: `/spike note text:…`"
                : s.findings().size() + " so far (a negative result is a result)", false));
        if (priorWork != null) fields.add(new Card.Field("Before you start: prior work", priorWork, false));
        String footer = noun(s) + " " + s.id() + " · /spike note · /spike extend · /spike close";
        int color = s.overdue(now) ? LATE : OPEN;
        return new Card(icon(s) + " " + noun(s) + ": " + Text.escape(s.topic()), null, description.toString().strip(),
                fields, footer, color);
    }

    static String timeBox(Spike s, Instant now) {
        StringBuilder t = new StringBuilder(s.timebox());
        if (!s.extensions().isEmpty()) {
            int n = s.extensions().size();
            t.append(" + ").append(n).append(n == 1 ? " extension" : " extensions");
        }
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
            row.add(Control.Button.of(CustomIds.of("spike", "tick", s.id(), String.valueOf(i)),
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
        rows.add(ControlRow.of(new Control.SelectMenu(CustomIds.of("spike", "check", s.id()),
                "Tick the checklist items that are done", options, 0, options.size())));
        rows.add(ControlRow.of(Control.Button.of(CustomIds.of("spike", "join", s.id()), "Join",
                Control.Style.PRIMARY)));
        return rows;
    }

    /** The first message once the spike is closed: the same card, no controls, marked with the outcome. */
    static Draft closedCard(Spike s, String outcome, String priorWork, Instant now) {
        Card open = cardEmbed(s, priorWork, now);
        Card closed = new Card("Closed (" + outcome + "): " + Text.escape(s.topic()), null, open.description(),
                open.fields().subList(0, open.fields().size() - (priorWork == null ? 0 : 1)),
                noun(s) + " " + s.id() + " · closed", DONE);
        return new Draft("", List.of(closed), List.of());
    }

    /** One line of {@code /spike list}. */
    static Card.Field listField(Spike s, Instant now) {
        String when = s.overdue(now)
                ? "⚠ **overdue** since " + Text.timestamp(s.deadline(), 'R')
                : human(Duration.between(now, s.deadline())) + " left, ends " + Text.timestamp(s.deadline(), 'R');
        String value = Text.escape(s.owner().name()) + " · "
                + (s.thread() == null ? "opening…" : Text.channel(s.thread()))
                + " · " + when + "\nChecklist " + s.ticked() + "/" + s.checklist().size() + " · "
                + s.findings().size() + (s.findings().size() == 1 ? " finding" : " findings")
                + (s.extensions().isEmpty() ? "" : " · extended " + s.extensions().size() + "×")
                + " · id `" + s.id() + "`";
        return new Card.Field(icon(s) + " " + Text.escape(s.topic()), value, false);
    }

    /** A reminder post; {@code late} when it fires after its time because the bot was down. */
    static Draft reminder(Spike s, Reminder r, Instant now) {
        String topic = "**" + Text.escape(s.topic()) + "**";
        String left = human(Duration.between(now, s.deadline()));
        String text = switch (r.kind()) {
            case HALF_TIME -> "⏳ Half time on " + topic + ": about " + left + " left (ends "
                    + Text.timestamp(s.deadline(), 'R') + "). Checklist " + s.ticked() + "/" + s.checklist().size()
                    + ", " + s.findings().size() + " findings. Still on plan? Write down what you learned with "
                    + "`/spike note`.";
            case NEAR_END -> "⏰ " + topic + " ends " + Text.timestamp(s.deadline(), 'R') + ". Time to write down "
                    + "findings and lean towards a decision: go, no-go or shelve.";
            case EXPIRED -> "⌛ Time is up for " + topic + ". Close it with an outcome (`/spike close outcome:"
                    + String.join("`, `", s.kind().outcomes()) + "`) or extend it with a reason "
                    + "(`/spike extend by:2h reason:…`).";
            case DAILY -> "📅 " + topic + " is still open, " + r.day() + (r.day() == 1 ? " day" : " days")
                    + " past its time box. Close it (a negative result is a result) or extend it with a reason.";
        };
        if (Duration.between(r.at(), now).compareTo(Duration.ofMinutes(5)) > 0) {
            text += "\n(This reminder is late: it was due " + Text.timestamp(r.at(), 'R') + " while I was offline.)";
        }
        return Draft.text(text);
    }

    /** What everyone sees when a spike closes. */
    static Card summary(Spike s, Closing c, String where) {
        List<Card.Field> fields = new ArrayList<>();
        if (s.kind() == NoteKind.PAPER_CHECK && c.paper() != null) {
            fields.add(new Card.Field("Claimed", Text.escape(s.claim()), false));
            fields.add(new Card.Field("Measured", orDash(c.paper().measured()), false));
            fields.add(new Card.Field("Compute cost", orDash(c.paper().computeCost()), true));
            fields.add(new Card.Field("Code", orDash(c.paper().code()), true));
            fields.add(new Card.Field("Data", orDash(c.paper().data()), true));
        }
        if (c.approaches() != null) {
            fields.add(new Card.Field("Approaches compared", Text.escape(c.approaches()), false));
        }
        if (c.nextSteps() != null) fields.add(new Card.Field("Next steps", Text.escape(c.nextSteps()), false));
        fields.add(new Card.Field("Checklist", s.ticked() + "/" + s.checklist().size(), true));
        fields.add(new Card.Field("Findings", String.valueOf(s.findings().size()), true));
        fields.add(new Card.Field("Time", s.timebox() + (s.extensions().isEmpty() ? ""
                : ", extended " + s.extensions().size() + "×")
                + ", took " + human(Duration.between(s.started(), c.at())),
                true));
        fields.add(new Card.Field("Note", where, false));
        return new Card("✅ " + noun(s) + " closed: " + c.outcome() + " · " + Text.escape(s.topic()), null,
                c.summary() == null ? null : Text.escape(c.summary()), fields, "By " + c.closedBy().name(), DONE);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "not recorded" : Text.escape(text);
    }

    /** "3d 4h", "2h 5m", "12m": enough precision for a person. */
    static String human(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) return days + "d" + (hours > 0 ? " " + hours + "h" : "");
        if (hours > 0) return hours + "h" + (mins > 0 ? " " + mins + "m" : "");
        return mins + "m";
    }
}
