package spikebot.bot.spike;

import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.spike.ChecklistTemplate;
import spikebot.knowledge.spike.Spike;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed spike's note taken up again by {@code /spike reopen}: the checklist as the note recorded it (items done
 * stay done), so the new spike starts where the old one stopped rather than from a blank template.
 *
 * @param path      the note, relative to the knowledge base
 * @param checklist the old spike's items, in their order; null when the note recorded none
 * @param done      which of them were done
 */
record Reopened(String path, ChecklistTemplate checklist, Set<Integer> done) {
    /** A checklist line as the spike note writes it: {@code - [x] text (who, when)}. */
    private static final Pattern ITEM = Pattern.compile("^- \\[([ xX])] (.+?)(?: \\([^()]*, [^()]*\\))?$");

    /** Reads the checklist of a spike or paper-check note; an empty checklist when it has none. */
    static Reopened of(String path, Note note) {
        if (note.kind() != NoteKind.SPIKE && note.kind() != NoteKind.PAPER_CHECK) {
            throw new IllegalArgumentException("only a spike or paper check can be reopened");
        }
        List<String> items = new ArrayList<>();
        Set<Integer> done = new TreeSet<>();
        boolean inChecklist = false;
        for (String line : note.body().split("\n")) {
            if (line.startsWith("## ")) inChecklist = line.strip().equalsIgnoreCase("## Checklist");
            if (!inChecklist || items.size() >= ChecklistTemplate.MAX_ITEMS) continue;
            Matcher m = ITEM.matcher(line.strip());
            if (!m.matches()) continue;
            String text = m.group(2).strip();
            if (text.length() > ChecklistTemplate.MAX_ITEM_CHARS) text = text.substring(0, ChecklistTemplate.MAX_ITEM_CHARS);
            if (!m.group(1).isBlank()) done.add(items.size());
            items.add(text);
        }
        // A note written by hand records no checklist: the new spike then starts from the team's template.
        if (items.isEmpty()) return new Reopened(path, null, Set.of());
        return new Reopened(path, new ChecklistTemplate("reopened", "Reopened: " + note.title(),
                "The checklist of " + path, items), done);
    }

    /** The new spike with the items the old one had done ticked, by "earlier spike". */
    Spike tickDone(Spike spike, Instant now) {
        Spike ticked = spike;
        for (int i : done) {
            if (i < ticked.checklist().size()) ticked = ticked.check(i, true, "earlier spike", now);
        }
        return ticked;
    }
}
