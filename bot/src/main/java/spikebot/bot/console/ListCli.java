package spikebot.bot.console;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import spikebot.bot.cli.Console;
import spikebot.bot.cli.KnowledgeBaseOption;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code spikebot list}: the notes as a list, as {@code /notes list} and {@code /notes tags} page them in chat. */
@Command(name = "list", sortOptions = false, description = {"List the notes, newest first, or every tag with its count.",
        "The filters are those of /notes list in chat; the whole list is printed (page it with less)."})
public final class ListCli implements Callable<Integer> {
    private final Console console;

    @Mixin
    private KnowledgeBaseOption kb;
    @Option(names = "--kind", paramLabel = "KIND", description = "only notes of this kind (spike, paper-check, …)")
    private String kind;
    @Option(names = "--tag", paramLabel = "TAG", description = "only notes with this tag")
    private String tag;
    @Option(names = "--author", paramLabel = "NAME", description = "only notes by this author")
    private String author;
    @Option(names = "--outcome", paramLabel = "OUTCOME", description = "only notes with this outcome")
    private String outcome;
    @Option(names = "--sort", paramLabel = "ORDER", description = "newest (default) or oldest first")
    private String sort;
    @Option(names = "--tags", description = "list the tags with how many notes carry each, instead of the notes")
    private boolean tags;

    public ListCli(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        try (ShellQuery query = new ShellQuery(kb.folder(), Clock.systemUTC(), console.out(), console.err())) {
            if (tags) return query.tags();
            // The chat command checks the values and says what it takes, the same way for both.
            Map<String, String> filters = new LinkedHashMap<>();
            if (kind != null) filters.put("kind", kind);
            if (tag != null) filters.put("tag", tag);
            if (author != null) filters.put("author", author);
            if (outcome != null) filters.put("outcome", outcome);
            if (sort != null) filters.put("sort", sort);
            return query.list(filters);
        }
    }
}
