package spikebot.bot.spike;

import spikebot.bot.core.Action;
import spikebot.bot.core.Audience;
import spikebot.bot.core.Event;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.Refusal;
import spikebot.bot.core.Text;
import spikebot.index.Candidate;
import spikebot.index.Hit;
import spikebot.index.SearchRequest;
import spikebot.knowledge.MalformedNoteException;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.spike.SpikeKind;

import java.util.List;
import java.util.Optional;

/**
 * {@code /spike reopen note:…}: a closed spike or paper check taken up again, when the world changed (a library
 * matured, a paper's code came out). The new spike starts from the old checklist with what was done ticked, and the
 * old note leads its prior work.
 */
final class SpikeReopen {
    private final Spikes spikes;
    private final SpikeStart start;

    SpikeReopen(Spikes spikes, SpikeStart start) {
        this.spikes = spikes;
        this.start = start;
    }

    List<Action> reopen(GuildKnowledge guild, Event.SlashCommand c) {
        String asked = Text.oneLine(c.option("note"));
        if (asked.isEmpty()) throw new Refusal("Say which note: `/spike reopen note:` its path or title.");
        String path = find(guild, c, asked).orElseThrow(() -> new Refusal("No closed spike or paper check I can "
                + "show you matches `" + Text.escape(Text.cut(asked, 100)) + "`: give its path as answers show it "
                + "(`spikes/….md`) or its title."));
        Note note;
        try {
            note = guild.kb().read(path).note();
        } catch (MalformedNoteException e) {
            throw new Refusal("That note cannot be read (" + Text.escape(Text.cut(e.getMessage(), 200))
                    + "); fix it, then reopen it.");
        }
        Reopened reopens = Reopened.of(path, note);
        SpikeKind kind = note.kind() == NoteKind.PAPER_CHECK
                ? new SpikeKind.PaperCheck(note.paper() == null ? note.title() : note.paper(), note.title())
                : SpikeKind.INVESTIGATION;
        String goal = "Take up again what `" + path + "` decided (" + (note.outcome() == null ? "no outcome"
                : note.outcome()) + "): has anything changed since " + note.date() + "?";
        return start.start(guild, new StartRequest(c.origin(), kind, Text.cut(note.title(), SpikeStart.MAX_TOPIC),
                goal, c.option("timebox"), null, null, reopens));
    }

    /**
     * The note by its path, else the closed spike or paper check whose title best matches; only notes the person
     * asking may see (a note from a channel they cannot view does not exist for them).
     */
    private Optional<String> find(GuildKnowledge guild, Event.SlashCommand c, String asked) {
        Audience asker = Audience.of(c.origin(), true);
        if (asked.endsWith(".md") && !asked.contains("..")) {
            try {
                Note note = guild.kb().read(asked).note();
                String channel = note.extraText("channel");
                if (asker.judge(channel, spikes.access) != Audience.Verdict.HIDE) return Optional.of(asked);
            } catch (MalformedNoteException | RuntimeException e) {
                // not a readable note at that path: look it up by title below
            }
        }
        for (NoteKind kind : List.of(NoteKind.SPIKE, NoteKind.PAPER_CHECK)) {
            for (Candidate candidate : guild.candidates(SearchRequest.of(asked).withKind(kind).withLimit(5))) {
                if (candidate.relevance() >= Hit.STRONG
                        && asker.judge(candidate, spikes.access) != Audience.Verdict.HIDE) {
                    return Optional.of(candidate.path());
                }
            }
        }
        return Optional.empty();
    }
}
