package spikebot.bot.spike;

import spikebot.bot.core.Action;
import spikebot.bot.core.Event;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.Refusal;
import spikebot.bot.core.Text;
import spikebot.knowledge.spike.Finding;
import spikebot.knowledge.spike.Spike;
import spikebot.knowledge.spike.TimeBox;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens to a spike while it runs, each written into its note at the end: findings ({@code /spike note}),
 * extensions with their reasons ({@code /spike extend}), and a sharper topic or goal ({@code /spike edit}). Each
 * change is saved, answered in the thread and shown on the first message.
 */
final class SpikeJournal {
    static final int MAX_FINDING = 2000;
    static final int MAX_REASON = 500;

    private final Spikes spikes;
    private final SpikeAccess rules;

    SpikeJournal(Spikes spikes, SpikeAccess rules) {
        this.spikes = spikes;
        this.rules = rules;
    }

    /** Anyone who sees the spike may add a finding: a bystander's result is a result too. */
    List<Action> note(GuildKnowledge guild, Event.SlashCommand c) throws IOException {
        Spike spike = rules.target(guild, c);
        String text = Text.clean(c.option("text"));
        if (text.isEmpty()) throw new Refusal("Write the finding: `/spike note text:…`.");
        if (text.length() > MAX_FINDING) {
            throw new Refusal("A finding is at most " + MAX_FINDING + " characters (this one has " + text.length()
                    + "): split it into several notes.");
        }
        Spike changed = spike.withFinding(new Finding(c.origin().actor().name(), spikes.now(), text));
        return saved(guild, changed, "📝 Finding " + changed.findings().size() + " by **"
                + Text.escape(c.origin().actor().name()) + "**: " + Text.escape(text));
    }

    /** More time, with a reason; never past {@link TimeBox#MAX} in all (a longer piece of work is a project). */
    List<Action> extend(GuildKnowledge guild, Event.SlashCommand c) throws IOException {
        Spike spike = rules.target(guild, c);
        SpikeAccess.requireManager(spike, c.origin().actor(), "extend");
        TimeBox by;
        try {
            by = TimeBox.parse(Text.clean(c.option("by")));
        } catch (IllegalArgumentException e) {
            throw new Refusal(Text.escape(e.getMessage()) + ".");
        }
        String reason = Text.oneLine(c.option("reason"));
        if (reason.isEmpty()) throw new Refusal("Say why it needs more time: `reason:…` (it goes into the note).");
        if (reason.length() > MAX_REASON) {
            throw new Refusal("A reason is at most " + MAX_REASON + " characters (this one has " + reason.length()
                    + ").");
        }
        Spike changed;
        try {
            changed = spike.extend(by, reason, c.origin().actor().name(), spikes.now());
        } catch (IllegalArgumentException e) {
            throw new Refusal(Text.escape(capitalized(e.getMessage())) + ".");
        }
        return saved(guild, changed, "⏱ **" + Text.escape(changed.topic()) + "** extended by " + by
                + " (extension " + changed.extensions().size() + "): " + Text.escape(reason) + ". Now ends "
                + Text.timestamp(changed.deadline(), 'F') + " (" + Text.timestamp(changed.deadline(), 'R') + ").");
    }

    /**
     * A new topic or goal, as the work shows what the question really is. The thread keeps its name: the core has no
     * action to rename a thread yet.
     */
    List<Action> edit(GuildKnowledge guild, Event.SlashCommand c) throws IOException {
        Spike spike = rules.target(guild, c);
        SpikeAccess.requireManager(spike, c.origin().actor(), "edit");
        String topicText = c.option("topic");
        String goalText = c.option("goal");
        if (topicText == null && goalText == null) {
            throw new Refusal("Say what to change: `/spike edit topic:…` or `goal:…` (or both).");
        }
        String topic = topicText == null ? spike.topic() : SpikeStart.topic(topicText);
        String goal = goalText == null ? spike.goal() : SpikeStart.goal(goalText);
        Spike changed = spike.edited(topic, goal);
        List<String> said = new ArrayList<>();
        if (topicText != null) said.add("topic: **" + Text.escape(topic) + "**");
        if (goalText != null) said.add("goal: " + (goal.isEmpty() ? "none" : Text.escape(goal)));
        return saved(guild, changed, "✏️ " + Text.escape(c.origin().actor().name()) + " changed the "
                + String.join("; ", said));
    }

    private List<Action> saved(GuildKnowledge guild, Spike changed, String reply) throws IOException {
        spikes.book(guild).save(changed);
        Instant now = spikes.now();
        List<Action> actions = new ArrayList<>();
        actions.add(Action.Reply.of(reply));
        actions.addAll(spikes.refreshCard(guild, changed, now));
        return actions;
    }

    private static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
