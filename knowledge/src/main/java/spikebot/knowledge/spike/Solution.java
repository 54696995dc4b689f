package spikebot.knowledge.spike;

import spikebot.knowledge.Note;
import spikebot.knowledge.NoteKind;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A "how we solved it" write-up saved from a conversation.
 *
 * @param problem     what went wrong, as the team would search for it; its first line becomes the title
 * @param didNotWork  what was tried in vain (often the most useful part); may be null
 * @param links       may be null
 * @param tags        as {@link Tags#parse} reads them; may be empty
 * @param guild       where it was saved; null outside chat
 * @param channel     the thread or channel it came from (readers of the note must be able to view it)
 * @param threadLink  a link to that conversation; may be null
 */
public record Solution(String problem, String solution, String didNotWork, String links, List<String> tags,
                       Person author,
                       Instant at, String guild, String channel, String threadLink) {
    static final int TITLE_CHARS = 100;

    public Solution {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(solution, "solution");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(at, "at");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public String title() {
        String first = problem.strip().lines().findFirst().orElse("Solution").strip().replaceAll("^#+\\s*", "");
        if (first.length() <= TITLE_CHARS) return first;
        int cut = first.lastIndexOf(' ', TITLE_CHARS - 1);
        return first.substring(0, cut > TITLE_CHARS / 2 ? cut : TITLE_CHARS - 1).strip() + "…";
    }

    public Note toNote() {
        StringBuilder body = new StringBuilder();
        SpikeNotes.section(body, "Problem", problem);
        SpikeNotes.section(body, "Solution", solution);
        SpikeNotes.section(body, "What did not work", didNotWork);
        SpikeNotes.section(body, "Links", links);
        if (threadLink != null) SpikeNotes.section(body, "Discussion", threadLink);
        Map<String, Object> extra = new LinkedHashMap<>();
        if (guild != null) extra.put("guild", guild);
        if (channel != null) extra.put("channel", channel);
        return new Note(NoteKind.SOLUTION, title(), at.atZone(ZoneOffset.UTC).toLocalDate(), List.of(author.name()),
                tags, null, null, null, threadLink, extra, body.toString());
    }
}
