package spikebot.bot.cli;

import spikebot.index.IndexBusyException;
import spikebot.index.NoteIndex;
import spikebot.knowledge.KnowledgeBase;
import spikebot.knowledge.Note;
import spikebot.knowledge.NoteFile;
import spikebot.knowledge.NoteKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code spikebot add}: writes a note from the shell (body on standard input) and indexes it. The path is printed,
 * and the exit code is 0, only once the note is on disk for good; indexing is a bonus the next sync would redo.
 */
public final class AddCommand {
    public static final String USAGE = "add [--kb DIR] --kind K --title T [--tag X]… < BODY";
    public static final String SUMMARY = "write a note, body from standard input, and index it "
            + "(also --outcome, --author A…, --date, --link)";

    private AddCommand() {
    }

    public static int run(String[] argv, Console console) throws Exception {
        Args args = Args.parse(argv,
                Set.of(KnowledgeBaseOption.NAME, "kind", "title", "tag", "outcome", "author", "date", "link"),
                Set.of());
        if (!args.words().isEmpty()) {
            throw new CommandLineError("unexpected argument '" + args.words().get(0)
                    + "' (the body comes from standard input; quote a title with spaces)");
        }
        if (!args.has("kind")) throw new CommandLineError("--kind is needed (one of " + NoteKind.ids() + ")");
        NoteKind kind = NoteOptions.kind(args.get("kind", null));
        String title = args.get("title", "").strip();
        if (title.isEmpty()) throw new CommandLineError("--title is needed");
        String outcome = NoteOptions.outcome(args.get("outcome", null), kind);
        LocalDate date = args.has("date") ? NoteOptions.date("date", args.get("date", null)) : LocalDate.now();
        List<String> tags = args.all("tag").stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        List<String> authors = args.all("author").stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        KnowledgeBase kb = KnowledgeBaseOption.from(args);
        String body = new String(console.in().readAllBytes(), StandardCharsets.UTF_8).strip();

        Note note = new Note(kind, title, date, authors, tags, outcome, null, null, args.get("link", null),
                Map.of(), body);
        NoteFile written = kb.write(note);
        console.out().println(kb.root().resolve(written.path()));
        try (NoteIndex index = NoteIndex.open(kb)) {
            index.add(written);
        } catch (IndexBusyException e) {
            console.err().println("(the index is in use by another Spikebot process; it picks the note up at its "
                    + "next sync)");
        } catch (IOException e) {
            console.err().println("(note written, but not indexed yet: " + e.getMessage()
                    + "; the next 'spikebot index' or 'ask' will)");
        }
        return 0;
    }
}
