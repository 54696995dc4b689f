package spikebot.knowledge.spike;

import spikebot.knowledge.NoteKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An open spike (or paper check): everything needed to run it and, when it closes, to write its note. Immutable;
 * each change returns a new value, which the {@link SpikeStore} saves before anything is posted.
 *
 * @param id             short and unique in its guild; safe in file names and custom ids
 * @param kind           {@link NoteKind#SPIKE} or {@link NoteKind#PAPER_CHECK}; with {@code paper} and {@code claim}
 *                       stored flat, as open spikes' files have always had them: read them as {@link #spikeKind()}
 * @param guild          the guild (team space) it belongs to
 * @param channel        the channel its thread was opened in
 * @param thread         its thread; null until the thread exists
 * @param message        the thread's first message, which shows the checklist; null until posted
 * @param goal           what a good answer looks like; may be empty
 * @param template       name of the checklist template it started from
 * @param timebox        the time box asked for at start, as written
 * @param deadline       start plus time box plus extensions
 * @param remindersFired keys of the {@link Reminder}s already posted (or skipped), so that each fires once
 * @param paper          paper checks: the paper's link or reference; null for spikes
 * @param claim          paper checks: the claim to check; null for spikes
 */
public record Spike(String id, NoteKind kind, String guild, String channel, String thread, String message,
                    String topic, String goal, Person owner, List<Person> participants, Format format,
                    String template, String timebox, Instant started, Instant deadline,
                    List<ChecklistItem> checklist, List<Finding> findings, List<Extension> extensions,
                    Set<String> remindersFired, String paper, String claim) {

    public Spike {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(deadline, "deadline");
        goal = goal == null ? "" : goal;
        participants = List.copyOf(participants);
        checklist = List.copyOf(checklist);
        findings = List.copyOf(findings);
        extensions = List.copyOf(extensions);
        remindersFired = Set.copyOf(remindersFired);
        if (!id.matches("[a-z0-9-]{1,40}")) throw new IllegalArgumentException("bad spike id: " + id);
    }

    /** A new spike, before its thread exists. */
    public static Spike start(String id, SpikeKind kind, String guild, String channel, String topic, String goal,
                              Person owner, Format format, ChecklistTemplate template, TimeBox timebox,
                              Instant now) {
        List<ChecklistItem> items = template.items().stream().map(ChecklistItem::open).toList();
        String paper = kind instanceof SpikeKind.PaperCheck p ? p.paper() : null;
        String claim = kind instanceof SpikeKind.PaperCheck p ? p.claim() : null;
        return new Spike(id, kind.noteKind(), guild, channel, null, null, topic, goal, owner, List.of(), format,
                template.name(), timebox.toString(), now, now.plus(timebox.duration()), items, List.of(),
                List.of(), Set.of(), paper, claim);
    }

    /** What sort of spike this is, with all that differs between the sorts. */
    public SpikeKind spikeKind() {
        return SpikeKind.of(kind, paper, claim);
    }

    /** How much more time extensions may still give: the time box and its extensions stay within {@link TimeBox#MAX}. */
    public Duration extensionLeft() {
        Duration left = TimeBox.MAX.minus(total());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public Duration total() {
        return Duration.between(started, deadline);
    }

    public boolean overdue(Instant now) {
        return now.isAfter(deadline);
    }

    public int ticked() {
        return (int) checklist.stream().filter(ChecklistItem::done).count();
    }

    /** Owner first, then participants: the note's authors. */
    public List<Person> people() {
        List<Person> all = new ArrayList<>();
        all.add(owner);
        participants.stream().filter(p -> !p.id().equals(owner.id())).forEach(all::add);
        return all;
    }

    public boolean involves(String personId) {
        return owner.id().equals(personId) || participants.stream().anyMatch(p -> p.id().equals(personId));
    }

    public Spike inThread(String threadId, String messageId) {
        return new Spike(id, kind, guild, channel, threadId, messageId, topic, goal, owner, participants, format,
                template, timebox, started, deadline, checklist, findings, extensions, remindersFired, paper, claim);
    }

    /** Someone who works on it: added once, never the owner twice. */
    public Spike join(Person person) {
        if (involves(person.id())) return this;
        List<Person> more = new ArrayList<>(participants);
        more.add(person);
        return new Spike(id, kind, guild, channel, thread, message, topic, goal, owner, more, format,
                template, timebox, started, deadline, checklist, findings, extensions, remindersFired, paper, claim);
    }

    /** Sets checklist item {@code index} (0-based) done or open. */
    public Spike check(int index, boolean done, String by, Instant at) {
        if (index < 0 || index >= checklist.size()) {
            throw new IllegalArgumentException("there is no checklist item " + (index + 1) + " (the list has "
                    + checklist.size() + ")");
        }
        List<ChecklistItem> items = new ArrayList<>(checklist);
        ChecklistItem item = items.get(index);
        if (item.done() == done) return this;
        items.set(index, done ? item.tick(by, at) : item.untick());
        return withChecklist(items);
    }

    /** Ticks exactly the items whose indexes are given, unticks the rest (a multi-select menu's answer). */
    public Spike checkOnly(Set<Integer> indexes, String by, Instant at) {
        Spike s = this;
        for (int i = 0; i < checklist.size(); i++) s = s.check(i, indexes.contains(i), by, at);
        return s;
    }

    public Spike withFinding(Finding finding) {
        List<Finding> more = new ArrayList<>(findings);
        more.add(finding);
        return new Spike(id, kind, guild, channel, thread, message, topic, goal, owner, participants, format,
                template, timebox, started, deadline, checklist, more, extensions, remindersFired, paper, claim);
    }

    /**
     * More time. Reminders are re-armed against the new deadline: those whose new time has already passed are
     * considered fired (they would only be noise now), and half time, once posted, is not posted again.
     *
     * @throws IllegalArgumentException with a message fit to show, when it would run past {@link TimeBox#MAX}
     */
    public Spike extend(TimeBox by, String reason, String author, Instant now) {
        Duration left = extensionLeft();
        if (by.duration().compareTo(left) > 0) {
            String noun = spikeKind().noun().toLowerCase(java.util.Locale.ROOT);
            throw new IllegalArgumentException("a " + noun + " runs at most " + TimeBox.format(TimeBox.MAX)
                    + " in all, its time box and extensions together; this one has " + TimeBox.format(total())
                    + (left.compareTo(TimeBox.MIN) < 0 ? ", so it cannot be extended again: close it with what "
                    + "you know (a negative result is a result)"
                    : ", so it can be extended by at most " + TimeBox.format(left)));
        }
        List<Extension> more = new ArrayList<>(extensions);
        more.add(new Extension(by.toString(), reason, author, now));
        Instant newDeadline = deadline.plus(by.duration());
        Spike longer = new Spike(id, kind, guild, channel, thread, message, topic, goal, owner, participants,
                format, template, timebox, started, newDeadline, checklist, findings, more, Set.of(), paper, claim);
        Set<String> fired = new LinkedHashSet<>();
        if (remindersFired.contains(Reminder.Kind.HALF_TIME.key())) fired.add(Reminder.Kind.HALF_TIME.key());
        for (Reminder r : Reminder.schedule(longer, now)) {
            if (!r.at().isAfter(now)) fired.add(r.key());
        }
        return longer.withRemindersFired(fired);
    }

    /** The topic and goal changed as the work showed what the question really is; the rest stays. */
    public Spike edited(String newTopic, String newGoal) {
        return new Spike(id, kind, guild, channel, thread, message, newTopic, newGoal, owner, participants, format,
                template, timebox, started, deadline, checklist, findings, extensions, remindersFired, paper, claim);
    }

    public Spike withRemindersFired(Set<String> keys) {
        return new Spike(id, kind, guild, channel, thread, message, topic, goal, owner, participants, format,
                template, timebox, started, deadline, checklist, findings, extensions, keys, paper, claim);
    }

    private Spike withChecklist(List<ChecklistItem> items) {
        return new Spike(id, kind, guild, channel, thread, message, topic, goal, owner, participants, format,
                template, timebox, started, deadline, items, findings, extensions, remindersFired, paper, claim);
    }
}
