package spikebot.knowledge.discussion;

import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFormat;
import spikebot.knowledge.NoteKind;
import spikebot.knowledge.Slug;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A captured thread as a note of kind {@link NoteKind#DISCUSSION}, and the note read back into its messages.
 *
 * <p>The body is a transcript, one block per message, blocks apart by a blank line:
 * <pre>
 * **alice** · 2026-11-30 09:12 UTC
 * &gt; How do I pin the CUDA version in our image?
 * &gt;
 * &gt; ```dockerfile
 * &gt; FROM nvidia/cuda:12.2
 * &gt; ```
 *
 * 📎 [build.log](&lt;https://cdn.discordapp.com/…/build.log&gt;)
 *
 * **bob** · 2026-11-30 09:20 UTC · edited · replying to alice
 * &gt; Use the digest, not the tag.
 *
 * *2026-11-30 09:25 UTC · a message left out at its author's request*
 * </pre>
 * Each message's text is quoted line by line, so nothing a person writes (a heading, {@code ---}, front matter, an
 * unclosed code fence or HTML comment) can end its quote: it stays inside its own message and can never fake a
 * header, another message or the note's structure (commonmark closes a quote's open blocks where the quote ends).
 * The lines outside quotes are only ever the bot's: a header ({@code **name** · time UTC …}), a files line
 * ({@code 📎 …}), a left-out line, and a notice where a long thread was cut. So {@link #posts} splits a note back
 * into its messages exactly, and the opening message, the question, from the replies. Names are escaped
 * ({@link MessageText#escaped}), raw HTML in a message is shown as text ({@link MessageText#withoutHtml}).
 *
 * <p>Consent: the text and files of a message whose author opted out (or whose text was not kept) never reach the
 * note, nor does its author's name (not in the authors, not in a reply marker); the note says that a message was
 * left out and when. The thread's name stays the title: it names the thread for everyone in the channel list.
 *
 * <p>Size: a note stays under {@link KnowledgeBase#MAX_NOTE_BYTES}. A thread too long for that keeps its opening
 * message and as many of the newest messages as fit, with a line saying how many were left out between them
 * (about 1,000 messages of Discord's 2,000-character maximum fit, ten times as many of a usual length): the
 * question and where the thread ended up are what a later reader needs. One message keeps at most
 * {@value #MAX_MESSAGE_CHARS} characters (Discord allows 4,000), a thread at most {@value #MAX_AUTHORS} authors and
 * {@value #MAX_TAGS} tags in its front matter (which may not exceed 64 KB).
 */
public final class DiscussionNotes {
    static final int MAX_MESSAGE_CHARS = 16_000;
    static final int MAX_ATTACHMENTS = 25;
    static final int MAX_AUTHORS = 50;
    static final int MAX_TAGS = 20;
    static final int MAX_NAME_CHARS = 100;
    static final int MAX_TITLE_CHARS = 200;
    static final String UNTITLED = "Untitled thread";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String LEFT_OUT = "a message left out at its author's request";
    private static final String FILES = "📎 ";
    private static final String NOT_SHOWN = "a message not shown";
    /** {@code **name** · time …}: the name escaped, so it holds no bare '*'. */
    private static final Pattern HEADER = Pattern.compile("\\*\\*((?:\\\\[!-/:-@\\[-`{-~]|[^\\\\*])+)\\*\\* · .*");
    private static final Pattern LEFT_OUT_LINE = Pattern.compile("\\*[^*]* · " + LEFT_OUT + "\\*");
    private static final Pattern CUT_NOTICE = Pattern.compile("\\*… [0-9,]+ messages? left out here .*\\*");
    private static final Pattern FENCE = Pattern.compile("\\s*(```|~~~).*");
    private static final Pattern LINE_MARKUP = Pattern.compile("^(#{1,6}\\s+|>\\s*|[-*+]\\s+|\\d+[.)]\\s+)+");

    private DiscussionNotes() {
    }

    /**
     * Where a thread's note goes: {@code discussions/<channel>/<thread name>-<thread id>.md}, each part a
     * {@link Slug}, so that no name can reach outside the folder and two threads of the same name stay apart. The
     * capture feature keeps the path it first wrote for a thread: a renamed thread (or channel) keeps its file, only
     * its title changes.
     */
    public static String path(DiscussionThread t) {
        String name = MessageText.oneLine(t.name(), MAX_TITLE_CHARS);
        return NoteKind.DISCUSSION.folder() + "/" + Slug.of(MessageText.oneLine(t.parentName(), MAX_NAME_CHARS))
                + "/" + (name.isEmpty() ? "thread" : Slug.of(name)) + "-" + Slug.of(t.threadId()) + ".md";
    }

    /**
     * The note of a thread as it is now.
     *
     * @param consented whether a user id (a message's author) lets their messages be kept
     */
    public static Note note(Discussion d, Predicate<String> consented) {
        DiscussionThread t = d.thread();
        Predicate<DiscussionMessage> kept = m -> m.text() != null && consented.test(m.authorId());
        Map<String, DiscussionMessage> byId = new HashMap<>();
        for (DiscussionMessage m : d.messages()) byId.putIfAbsent(m.id(), m);
        List<String> blocks = new ArrayList<>(d.messages().size());
        for (DiscussionMessage m : d.messages()) blocks.add(block(m, byId, kept));

        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("updated", updated(d).toString());
        extra.put("guild", t.guildId());
        extra.put("channel", t.visibleVia());
        extra.put("parent", MessageText.oneLine(t.parentName(), MAX_NAME_CHARS));
        extra.put("thread", t.threadId());
        extra.put("messages", d.messages().size());
        List<String> tags = t.tags().stream().map(tag -> MessageText.oneLine(tag, MAX_NAME_CHARS))
                .filter(tag -> !tag.isEmpty()).distinct().limit(MAX_TAGS).toList();
        Note head = new Note(NoteKind.DISCUSSION, title(d, kept), LocalDate.ofInstant(t.created(), ZoneOffset.UTC),
                authors(d, kept), tags, null, null, null, t.link(), extra, "");
        long budget = KnowledgeBase.MAX_NOTE_BYTES - utf8(NoteFormat.render(head)) - 1;
        return new Note(head.kind(), head.title(), head.date(), head.authors(), head.tags(), null, null, null,
                head.link(), head.extra(), fit(blocks, budget));
    }

    /**
     * One message as read back from a note: its author (null when left out; "" for text a person added above the
     * first message) and its Markdown, files line included ("" when none).
     */
    public record Post(String author, String text) {
        public Post {
            Objects.requireNonNull(text, "text");
        }

        public boolean leftOut() {
            return author == null;
        }
    }

    /**
     * The messages of a discussion note, in order; a left-out message is a post without author or text. Lines a
     * person added outside the quotes (the note is theirs to edit) stay with the message above them, so that no
     * text is lost to search.
     */
    public static List<Post> posts(Note note) {
        List<Post> posts = new ArrayList<>();
        String author = null;
        List<String> lines = null; // of the message being read; null between messages
        for (String line : note.body().split("\n", -1)) {
            boolean header = HEADER.matcher(line).matches();
            boolean leftOut = !header && LEFT_OUT_LINE.matcher(line).matches();
            if (header || leftOut || CUT_NOTICE.matcher(line).matches()) {
                if (lines != null) posts.add(new Post(author, trimmed(lines)));
                lines = header ? new ArrayList<>() : null;
                author = header ? MessageText.unescaped(HEADER.matcher(line).replaceFirst("$1")) : null;
                if (leftOut) posts.add(new Post(null, ""));
            } else if (lines != null && line.startsWith(">")) {
                lines.add(MessageText.unquote(line));
            } else if (!line.isBlank()) { // the files line, or a line a person added
                if (lines == null) {
                    lines = new ArrayList<>();
                    author = "";
                }
                lines.add("");
                lines.add(line.startsWith(FILES) ? line.substring(FILES.length())
                        : line.startsWith(">") ? MessageText.unquote(line) : line);
            }
        }
        if (lines != null) posts.add(new Post(author, trimmed(lines)));
        return posts;
    }

    /** The lines as one text without leading or trailing blank lines (a first line's indent is code: kept). */
    private static String trimmed(List<String> lines) {
        return MessageText.clean(String.join("\n", lines));
    }

    /** The opening message's Markdown: the question. Empty when the thread has none or it was left out. */
    public static String question(Note note) {
        List<Post> posts = posts(note);
        return posts.isEmpty() ? "" : posts.get(0).text();
    }

    /** The replies' Markdown, each reply its own quote, so that one reply's open code fence cannot swallow the next. */
    public static String replies(Note note) {
        List<Post> posts = posts(note);
        StringBuilder out = new StringBuilder();
        for (Post post : posts.subList(Math.min(1, posts.size()), posts.size())) {
            if (post.text().isEmpty()) continue;
            MessageText.quote(post.text(), out);
            out.append('\n');
        }
        return out.toString().strip();
    }

    private static String block(DiscussionMessage m, Map<String, DiscussionMessage> byId,
                                Predicate<DiscussionMessage> kept) {
        if (!kept.test(m)) return "*" + TIME.format(m.posted()) + " · " + LEFT_OUT + "*";
        StringBuilder out = new StringBuilder("**").append(MessageText.escaped(name(m))).append("** · ")
                .append(TIME.format(m.posted()));
        if (m.edited() != null) out.append(" · edited");
        if (m.replyTo() != null) {
            DiscussionMessage to = byId.get(m.replyTo());
            out.append(" · replying to ").append(to != null && kept.test(to) ? MessageText.escaped(name(to)) : NOT_SHOWN);
        }
        String text = MessageText.clean(m.text());
        if (text.length() > MAX_MESSAGE_CHARS) {
            int cut = Character.isLowSurrogate(text.charAt(MAX_MESSAGE_CHARS)) ? MAX_MESSAGE_CHARS - 1 : MAX_MESSAGE_CHARS;
            out.append(" · only its first ").append(String.format("%,d", cut)).append(" characters kept");
            text = text.substring(0, cut);
        }
        out.append('\n');
        if (!text.isEmpty()) MessageText.quote(MessageText.withoutHtml(text), out);
        if (!m.attachments().isEmpty()) {
            out.append('\n').append(FILES).append(m.attachments().stream().limit(MAX_ATTACHMENTS)
                    .map(a -> MessageText.fileLink(a.name(), a.url())).collect(Collectors.joining(" · ")));
            if (m.attachments().size() > MAX_ATTACHMENTS) {
                out.append(" · ").append(m.attachments().size() - MAX_ATTACHMENTS).append(" more files");
            }
        }
        return out.toString().stripTrailing();
    }

    /**
     * The blocks joined, within the budget: all when they fit; else the opening message, a line saying how many
     * were left out, and the newest messages that fit.
     */
    private static String fit(List<String> blocks, long budget) {
        String all = String.join("\n\n", blocks);
        if (utf8(all) <= budget || blocks.isEmpty()) return all;
        String first = blocks.get(0);
        long used = utf8(first) + 2 + 200; // the opening message, and room for the notice
        int from = blocks.size();
        while (from > 1 && used + utf8(blocks.get(from - 1)) + 2 <= budget) used += utf8(blocks.get(--from)) + 2;
        int leftOut = from - 1;
        String notice = "*… " + String.format("%,d", leftOut) + (leftOut == 1 ? " message" : " messages")
                + " left out here to keep this note under " + KnowledgeBase.MAX_NOTE_BYTES / (1024 * 1024)
                + " MB: it keeps the opening message and the newest ones.*";
        List<String> kept = new ArrayList<>();
        kept.add(first);
        kept.add(notice);
        kept.addAll(blocks.subList(from, blocks.size()));
        return String.join("\n\n", kept);
    }

    /** The thread's name; else the first line of its opening message when that is kept; else {@link #UNTITLED}. */
    private static String title(Discussion d, Predicate<DiscussionMessage> kept) {
        String name = MessageText.oneLine(d.thread().name(), MAX_TITLE_CHARS);
        if (!name.isEmpty()) return name;
        if (!d.messages().isEmpty() && kept.test(d.messages().get(0))) {
            for (String line : MessageText.clean(d.messages().get(0).text()).split("\n")) {
                if (line.isBlank() || FENCE.matcher(line).matches()) continue;
                String text = MessageText.oneLine(LINE_MARKUP.matcher(line.strip()).replaceFirst("")
                        .replaceAll("\\*\\*|__|`", ""), MAX_TITLE_CHARS);
                if (!text.isEmpty()) return text;
            }
        }
        return UNTITLED;
    }

    /** Who took part and let it be kept: most messages first, ties by who spoke first; each name once. */
    private static List<String> authors(Discussion d, Predicate<DiscussionMessage> kept) {
        Map<String, Integer> count = new LinkedHashMap<>(); // by author id, in order of first message
        Map<String, String> names = new HashMap<>();
        for (DiscussionMessage m : d.messages()) {
            if (!kept.test(m)) continue;
            count.merge(m.authorId(), 1, Integer::sum);
            names.put(m.authorId(), name(m)); // the newest name: people rename themselves
        }
        List<String> order = new ArrayList<>(count.keySet());
        order.sort(Comparator.comparingInt((String id) -> -count.get(id))); // stable: ties keep who spoke first
        return order.stream().map(names::get).distinct().limit(MAX_AUTHORS).toList();
    }

    private static String name(DiscussionMessage m) {
        String name = MessageText.oneLine(m.author(), MAX_NAME_CHARS);
        if (name.isEmpty()) name = MessageText.oneLine(m.authorId(), MAX_NAME_CHARS);
        return name.isEmpty() ? "someone" : name;
    }

    /** The newest post or edit, or the thread's start when it has no messages. */
    private static Instant updated(Discussion d) {
        Instant newest = d.thread().created();
        for (DiscussionMessage m : d.messages()) {
            Instant at = m.edited() != null && m.edited().isAfter(m.posted()) ? m.edited() : m.posted();
            if (at.isAfter(newest)) newest = at;
        }
        return newest;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
