package spikebot.bot.console;

import spikebot.bot.core.Action;
import spikebot.bot.core.Actor;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.ChatCore;
import spikebot.bot.core.Control;
import spikebot.bot.core.Draft;
import spikebot.bot.core.Event;
import spikebot.bot.core.GuildConfig;
import spikebot.bot.core.Origin;
import spikebot.bot.wiring.Features;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chat commands answered once on the command line ({@code spikebot who}, {@code spikebot list}): the command goes
 * through the same core and features as in Discord, and the answer is printed as the console shows it, without
 * buttons. A listing is printed whole: a shell pages with {@code less}, not with buttons.
 *
 * <p>Small on purpose, for the command line's own parsing (picocli) to call: each method takes typed values and
 * returns the exit code: 0 when answered on {@code out}; 2 when refused, or when nothing matched, with the one-line
 * reason on {@code err}.
 */
public final class ShellQuery implements AutoCloseable {
    private static final Origin SHELL = new Origin(ChatConsole.GUILD, "shell", null,
            new Actor("1", System.getProperty("user.name", "you"), false));
    /** A listing longer than this many pages is cut, so that a typo in a loop cannot print forever. */
    private static final int MAX_PAGES = 10_000;

    private final ChatCore core;
    private final Printer printer;
    private final PrintStream out;
    private final PrintStream err;

    public ShellQuery(Path kb, Clock clock, PrintStream out, PrintStream err) {
        this.core = Features.core(Map.of(ChatConsole.GUILD, GuildConfig.console(kb)), ChannelAccess.ALL, clock, null);
        this.printer = new Printer(clock, id -> id);
        this.out = out;
        this.err = err;
    }

    /** {@code spikebot who TOPIC}: the people to ask. */
    public int who(String topic) {
        return print(core.handle(new Event.SlashCommand(SHELL, "who", null, Map.of("topic", topic))));
    }

    /** {@code spikebot list --tags}: every tag with its count. */
    public int tags() {
        return print(core.handle(new Event.SlashCommand(SHELL, "notes", "tags", Map.of())));
    }

    /**
     * {@code spikebot list [--kind K] [--tag T] [--author A] [--outcome O] [--sort newest|oldest]}: every matching
     * note, page after page.
     *
     * @param filters option name ({@code kind}, {@code tag}, {@code author}, {@code outcome}, {@code sort}) → value
     */
    public int list(Map<String, String> filters) {
        List<Action> answer = core.handle(new Event.SlashCommand(SHELL, "notes", "list", filters));
        for (int page = 0; page < MAX_PAGES; page++) {
            int code = print(answer);
            Optional<Control.Button> next = answer.stream().flatMap(a -> drafts(a).stream())
                    .flatMap(d -> d.rows().stream()).flatMap(r -> r.components().stream())
                    .filter(c -> c instanceof Control.Button b && b.label().equals("Next") && !b.disabled())
                    .map(Control.Button.class::cast).findFirst();
            if (code != 0 || next.isEmpty()) return code;
            answer = core.handle(new Event.ButtonClick(SHELL, next.get().customId(), "shell"));
        }
        return 0;
    }

    private int print(List<Action> actions) {
        int code = 0;
        for (Action action : actions) {
            for (Draft draft : drafts(action)) {
                boolean refusal = action instanceof Action.Reply r && r.ephemeral() && draft.embeds().isEmpty();
                PrintStream to = refusal ? err : out;
                to.print(printer.render(new Draft(draft.content(), draft.embeds(), List.of()), "shell",
                        new ArrayList<>(), new ArrayList<>()));
                if (refusal) code = 2;
            }
        }
        return code;
    }

    private static List<Draft> drafts(Action action) {
        return switch (action) {
            case Action.Reply r -> List.of(r.message());
            case Action.Update u -> List.of(u.message());
            default -> List.of();
        };
    }

    @Override
    public void close() {
        core.close();
    }
}
