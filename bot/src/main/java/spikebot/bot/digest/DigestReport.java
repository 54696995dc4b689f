package spikebot.bot.digest;

import spikebot.bot.core.Card;
import spikebot.bot.core.Draft;
import spikebot.bot.core.GuildKnowledge;
import spikebot.bot.core.HitCards;
import spikebot.bot.core.Limits;
import spikebot.bot.core.Text;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.spike.Spike;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The digest as messages: what closed since the last one, grouped by kind and outcome, each with its decision,
 * owner, time against its box and a link; what is still open and what is overdue; the plain reminder that a
 * negative result is a result; and the team's figures over the last quarter.
 *
 * <p>However many spikes closed, every message fits Discord's limits: sections are cut into embeds of at most
 * {@link #EMBED_TEXT} characters and embeds packed into messages of at most {@link #MESSAGE_TEXT}; beyond
 * {@link #MAX_CLOSED_LINES} closed pieces of work the rest is counted, with the command that lists them.
 */
final class DigestReport {
    static final int MAX_MESSAGES = 5;
    /** Closed work listed one by one; the rest is counted per group (about 450 characters a line at most). */
    static final int MAX_CLOSED_LINES = 40;
    static final int MAX_OPEN_LINES = 20;
    static final int EMBED_TEXT = 3800;
    static final int MESSAGE_TEXT = 5600;
    static final String NEGATIVE = "A negative result is a result: a no-go or a claim that did not reproduce saves "
            + "the next person the same weeks. Thank you for writing them down.";

    private record Section(String title, List<String> lines) {
    }

    private DigestReport() {
    }

    /**
     * @param title  e.g. "Weekly digest"
     * @param late   when the digest was due, if it is posted late (the bot was down); null when on time
     */
    static List<Draft> render(GuildKnowledge guild, String title, Instant since, Instant until, Instant late,
                              List<ClosedWork> closed, List<Spike> open, TeamFigures quarter) {
        StringBuilder head = new StringBuilder("📰 **" + title + "**: what closed " + Text.timestamp(since, 'f')
                + " to " + Text.timestamp(until, 'f'));
        if (late != null) {
            head.append("\n(Posted late: it was due ").append(Text.timestamp(late, 'f'))
                    .append(", while I was not running.)");
        }
        head.append("\n").append(quarter.line()).append("\n_").append(NEGATIVE).append("_");
        List<Section> sections = new ArrayList<>();
        int budget = MAX_CLOSED_LINES;
        for (NoteKind kind : List.of(NoteKind.SPIKE, NoteKind.PAPER_CHECK)) {
            List<String> outcomes = new ArrayList<>(kind.outcomes());
            outcomes.add(null);
            for (String outcome : outcomes) {
                List<ClosedWork> group = closed.stream()
                        .filter(w -> w.hit().kind() == kind && Objects.equals(outcome, known(kind, w.hit().outcome())))
                        .toList();
                if (group.isEmpty()) continue;
                List<String> lines = new ArrayList<>();
                for (ClosedWork w : group.subList(0, Math.min(group.size(), Math.max(budget, 0)))) {
                    lines.add(line(guild, w));
                }
                budget -= lines.size();
                if (lines.size() < group.size()) {
                    lines.add("… and " + (group.size() - lines.size()) + " more: `/notes list kind:" + kind.id()
                            + (outcome == null ? "" : " outcome:" + outcome) + "` lists them.");
                }
                String label = kind == NoteKind.SPIKE ? "Spikes" : "Paper checks";
                sections.add(new Section(label + ": " + (outcome == null ? "no outcome recorded" : outcome)
                        + " (" + group.size() + ")", lines));
            }
        }
        if (closed.isEmpty()) sections.add(new Section("Closed", List.of("Nothing closed in this period.")));
        List<String> openLines = new ArrayList<>();
        long overdue = open.stream().filter(s -> s.overdue(until)).count();
        // Overdue first: they are the ones to talk about.
        List<Spike> ordered = open.stream().sorted(Comparator.comparing((Spike s) -> !s.overdue(until))
                .thenComparing(Spike::deadline)).toList();
        for (Spike s : ordered.subList(0, Math.min(MAX_OPEN_LINES, ordered.size()))) openLines.add(openLine(s, until));
        if (ordered.size() > MAX_OPEN_LINES) {
            openLines.add("… and " + (ordered.size() - MAX_OPEN_LINES) + " more: `/spike list` lists them.");
        }
        sections.add(new Section("Still open (" + open.size() + (overdue > 0 ? ", " + overdue + " overdue" : "")
                + ")", openLines.isEmpty() ? List.of("No spike is open.") : openLines));
        return pack(head.toString(), sections);
    }

    /** The outcome as the kind names it; anything else (a typo in a hand-written note) as none. */
    private static String known(NoteKind kind, String outcome) {
        return outcome != null && kind.outcomes().contains(outcome) ? outcome : null;
    }

    static String line(GuildKnowledge guild, ClosedWork w) {
        StringBuilder out = new StringBuilder(HitCards.entry(w.hit(), guild));
        if (w.owner() != null) out.append(" · owner ").append(Text.escape(Text.oneLine(w.owner())));
        String time = time(w);
        if (time != null) out.append(" · ").append(time);
        if (w.decision() != null) out.append("\n  ↳ ").append(Text.escape(Text.cut(w.decision(), 200)));
        return out.toString();
    }

    /** "used 1d 2h of 1d +1d (1 extension)", "box 2d", or null when nothing was recorded. */
    static String time(ClosedWork w) {
        if (w.box() == null && w.used() == null) return null;
        StringBuilder out = new StringBuilder();
        if (w.used() != null) out.append("used ").append(duration(w.used())).append(" of ");
        else out.append("box ");
        out.append(w.box() != null ? duration(w.box()) : duration(w.boxed()));
        if (w.extensions() > 0 && w.box() != null && w.boxed() != null && w.boxed().compareTo(w.box()) > 0) {
            out.append(" +").append(duration(w.boxed().minus(w.box())));
        }
        if (w.extensions() > 0) {
            out.append(" (").append(w.extensions()).append(w.extensions() == 1 ? " extension)" : " extensions)");
        }
        return out.toString();
    }

    private static String openLine(Spike s, Instant now) {
        String icon = s.overdue(now) ? "⚠️" : s.kind() == NoteKind.PAPER_CHECK ? "📄" : "🔬";
        String where = s.thread() != null ? Text.channel(s.thread()) + " " : "";
        return icon + " " + where + "**" + Text.escape(Text.cut(Text.oneLine(s.topic()), 120)) + "** · owner "
                + Text.escape(s.owner().name()) + " · " + (s.overdue(now) ? "overdue since " : "ends ")
                + Text.timestamp(s.deadline(), 'R');
    }

    static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60), hours = minutes / 60 % 24, mins = minutes % 60;
        StringBuilder out = new StringBuilder();
        if (days > 0) out.append(days).append('d');
        if (hours > 0) out.append(out.isEmpty() ? "" : " ").append(hours).append('h');
        if (mins > 0 && days == 0) out.append(out.isEmpty() ? "" : " ").append(mins).append('m');
        return out.isEmpty() ? "0m" : out.toString();
    }

    /** Sections into embeds, embeds into messages, each within Discord's limits. */
    private static List<Draft> pack(String head, List<Section> sections) {
        List<Card> cards = new ArrayList<>();
        for (Section section : sections) {
            StringBuilder text = new StringBuilder();
            boolean first = true;
            for (String line : section.lines()) {
                String cut = Text.cut(line, EMBED_TEXT);
                if (!text.isEmpty() && text.length() + cut.length() + 1 > EMBED_TEXT) {
                    cards.add(Card.of(section.title() + (first ? "" : " (continued)"), text.toString()));
                    first = false;
                    text.setLength(0);
                }
                if (!text.isEmpty()) text.append('\n');
                text.append(cut);
            }
            cards.add(Card.of(section.title() + (first ? "" : " (continued)"), text.toString()));
        }
        List<List<Card>> messages = new ArrayList<>();
        List<Card> current = new ArrayList<>();
        int size = 0;
        for (Card card : cards) {
            if (!current.isEmpty() && (size + card.size() > MESSAGE_TEXT || current.size() == Limits.EMBEDS)) {
                messages.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(card);
            size += card.size();
        }
        if (!current.isEmpty()) messages.add(current);
        List<Draft> drafts = new ArrayList<>();
        int shown = Math.min(MAX_MESSAGES, messages.size());
        for (int i = 0; i < shown; i++) {
            String content = i == 0 ? head : "📰 (continued, " + (i + 1) + " of " + shown + ")";
            if (i == shown - 1 && messages.size() > shown) {
                content += "\n… the rest is left out to keep the channel readable: `/notes list kind:spike` lists "
                        + "every spike, `/spike list` the open ones.";
            }
            drafts.add(new Draft(content, messages.get(i), List.of()));
        }
        return drafts;
    }
}
