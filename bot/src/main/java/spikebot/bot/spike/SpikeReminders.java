package spikebot.bot.spike;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.Action;
import spikebot.bot.core.GuildKnowledge;
import spikebot.knowledge.spike.Reminder;
import spikebot.knowledge.spike.Spike;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Posts each spike's reminders ({@link Reminder}) in its thread when they fall due. */
final class SpikeReminders {
    private static final Logger LOG = LoggerFactory.getLogger(SpikeReminders.class);

    private final Spikes spikes;

    SpikeReminders(Spikes spikes) {
        this.spikes = spikes;
    }

    /**
     * Reminders due now in this guild; each is marked fired and saved before it is handed out, with a receipt that
     * the adapter hands back if Discord does not take the post ({@link #undelivered}).
     */
    List<Action> due(GuildKnowledge guild) {
        SpikeBook book = spikes.book(guild);
        Instant now = spikes.now();
        List<Action> posts = new ArrayList<>();
        for (Spike spike : book.all()) {
            if (spike.thread() == null) continue;
            List<Reminder> due = Reminder.due(spike, now);
            if (due.isEmpty()) continue;
            // Several at once (the bot was down): post only the latest, the earlier ones are stale by now.
            Reminder latest = due.get(due.size() - 1);
            Set<String> fired = new LinkedHashSet<>(spike.remindersFired());
            due.forEach(r -> fired.add(r.key()));
            try {
                book.save(spike.withRemindersFired(fired));
            } catch (IOException e) {
                LOG.warn("guild {}: cannot save reminders of spike {}, will retry: {}", guild.id(), spike.id(),
                        e.toString());
                continue;
            }
            List<String> keys = due.stream().map(Reminder::key).toList();
            posts.add(new Action.Post(spike.thread(), SpikeView.reminder(spike, latest, now),
                    new Action.Receipt(guild.id(), new SpikeIds.Reminded(spike.id(), keys).customId())));
        }
        return posts;
    }

    /**
     * Reminders handed out that Discord did not take: no longer counted as fired, so the next tick posts them (the
     * latest of them, as after a restart). A spike closed meanwhile has nothing left to remind of.
     */
    void undelivered(GuildKnowledge guild, SpikeIds.Reminded reminded) throws IOException {
        SpikeBook book = spikes.book(guild);
        Spike spike = book.byId(reminded.spikeId()).orElse(null);
        if (spike == null) return;
        Set<String> fired = new LinkedHashSet<>(spike.remindersFired());
        reminded.keys().forEach(fired::remove);
        book.save(spike.withRemindersFired(fired));
    }
}
