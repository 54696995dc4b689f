package spikebot.bot.spike;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spikebot.bot.core.Action;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Event;
import spikebot.bot.core.Form;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.Origin;
import spikebot.bot.core.Refusal;
import spikebot.bot.core.Text;
import spikebot.knowledge.NoteFile;
import spikebot.knowledge.NoteLinks;
import spikebot.knowledge.spike.Closing;
import spikebot.knowledge.spike.Spike;
import spikebot.knowledge.spike.SpikeKind;
import spikebot.knowledge.spike.SpikeNotes;
import spikebot.knowledge.spike.Tags;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Closing a spike: {@code /spike close} with a summary closes at once; without one it answers with the closing
 * form, whose fields come from the spike's {@link SpikeKind}. Closing writes the note (durably, indexed at once),
 * forgets the open spike, posts the summary and archives the thread.
 */
final class SpikeClose {
    private static final Logger LOG = LoggerFactory.getLogger(SpikeClose.class);
    static final int MAX_SUMMARY = 4000;

    private final Spikes spikes;
    private final SpikeAccess rules;

    SpikeClose(Spikes spikes, SpikeAccess rules) {
        this.spikes = spikes;
        this.rules = rules;
    }

    /**
     * {@code /spike close} without a summary answers with the closing form and changes nothing, so the core runs it
     * without waiting for the guild's lock: Discord accepts a form only as the first answer, within 3 seconds.
     */
    static boolean answersWithForm(Event.SlashCommand c) {
        return c.command().equals("spike") && "close".equals(c.subcommand()) && c.option("summary") == null;
    }

    List<Action> command(GuildKnowledge guild, Event.SlashCommand c) throws IOException {
        Spike spike = rules.target(guild, c);
        SpikeAccess.requireManager(spike, c.origin().actor(), "close");
        String outcome = outcome(spike, c.option("outcome"));
        if (c.option("summary") == null) return List.of(new Action.ShowForm(form(spike, outcome)));
        return closeNow(guild, c.origin(), spike, outcome, c::option);
    }

    List<Action> submit(GuildKnowledge guild, SpikeIds.Close id, Event.FormSubmit form) throws IOException {
        Spike spike = spikes.book(guild).byId(id.spikeId()).orElseThrow(() ->
                new Refusal("This spike is already closed (or unknown): nothing was written."));
        SpikeAccess.requireManager(spike, form.origin().actor(), "close");
        String outcome = outcome(spike, id.outcome());
        return closeNow(guild, form.origin(), spike, outcome, form::field);
    }

    /** Writes the note (durably, indexed at once), then forgets the spike, posts the summary, archives the thread. */
    private List<Action> closeNow(GuildKnowledge guild, Origin o, Spike spike, String outcome,
                                  Function<String, String> field) throws IOException {
        String summary = Text.clean(field.apply("summary"));
        if (summary.isEmpty()) throw new Refusal("Write a summary: what did you find, and why this decision?");
        if (summary.length() > MAX_SUMMARY) {
            throw new Refusal("The summary is at most " + MAX_SUMMARY + " characters (this one has " + summary.length()
                    + "); put details in findings with `/spike note`.");
        }
        Instant now = spikes.now();
        String threadLink = spike.thread() == null ? null : Text.channelUrl(guild.id(), spike.thread());
        Closing closing = spike.spikeKind().closing(outcome, summary, id -> part(field, id), Tags.parse(Text.oneLine(field.apply("tags"))),
                Spikes.person(o.actor()), now, threadLink);
        String priorWork = spikes.priorWork(guild, spike); // before the note exists, or it would list itself
        NoteFile written = guild.write(SpikeNotes.render(spike, closing));
        try {
            spikes.book(guild).forget(spike);
        } catch (IOException e) {
            LOG.error("guild {}: note {} written but spike {} could not be removed from the open spikes: {}",
                    guild.id(), written.path(), spike.id(), e.toString());
        }
        String base = guild.config().noteUrlBase();
        String where = base != null ? "[" + written.path() + "](" + NoteLinks.url(base, written.path()) + ")"
                : "`" + written.path() + "`";
        Draft summaryMessage = new Draft("", List.of(SpikeView.summary(spike, closing, where)), List.of());
        List<Action> actions = new ArrayList<>();
        actions.add(new Action.Reply(summaryMessage, false));
        if (spike.thread() != null) {
            if (!spike.thread().equals(o.channelId())) actions.add(new Action.Post(spike.thread(), summaryMessage));
            if (spike.message() != null) {
                actions.add(new Action.Edit(spike.thread(), spike.message(),
                        SpikeView.closedCard(spike, outcome, priorWork, now)));
            }
            actions.add(new Action.ArchiveThread(spike.thread()));
        }
        return actions;
    }

    private static Form form(Spike spike, String outcome) {
        List<Form.TextInput> inputs = new ArrayList<>();
        inputs.add(new Form.TextInput("summary", "Summary: what did you find, why this?", true, true, null,
                "The decision and the evidence for it", MAX_SUMMARY));
        for (SpikeKind.ClosingField f : spike.spikeKind().closingFields()) {
            inputs.add(new Form.TextInput(f.id(), f.label(), f.paragraph(), false, null, f.placeholder(),
                    f.maxLength()));
        }
        return new Form(new SpikeIds.Close(spike.id(), outcome).customId(),
                "Close " + SpikeView.noun(spike) + ": " + outcome, inputs);
    }

    private static String outcome(Spike spike, String text) {
        try {
            return Closing.outcome(spike.kind(), text);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Text.escape(e.getMessage()) + ".");
        }
    }

    private static String part(Function<String, String> field, String id) {
        String text = Text.clean(field.apply(id));
        return text.isEmpty() ? null : Text.cut(text, MAX_SUMMARY);
    }
}
