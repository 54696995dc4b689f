package spikebot.bot.console;

import spikebot.bot.core.ControlRow;
import spikebot.bot.core.Control;
import spikebot.bot.core.Card;
import spikebot.bot.core.Draft;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows a message as Discord would, in plain text: embeds boxed, Discord timestamps in words, channel links by
 * name, Markdown escapes removed, and every button and select menu numbered so it can be used with
 * {@code click N} and {@code select N}.
 */
final class Printer {
    private static final Pattern TIMESTAMP = Pattern.compile("<t:(-?\\d+):([tTdDfFR])>");
    private static final Pattern CHANNEL = Pattern.compile("<#(\\d+)>");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\*_~`|\\[\\]#>-])");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm");

    private final Clock clock;
    private final Function<String, String> channelName;

    /** A component shown on screen, by the number the user types. */
    record Shown(Control component, String messageId) {
    }

    Printer(Clock clock, Function<String, String> channelName) {
        this.clock = clock;
        this.channelName = channelName;
    }

    /**
     * @param shown      receives the message's buttons in the order they are numbered
     * @param menusShown receives the message's select menus
     */
    String render(Draft message, String messageId, List<Shown> shown, List<Shown> menusShown) {
        StringBuilder out = new StringBuilder();
        if (!message.content().isBlank()) out.append(readable(message.content())).append('\n');
        for (Card e : message.embeds()) out.append(embed(e));
        List<String> buttons = new ArrayList<>();
        StringBuilder menus = new StringBuilder();
        for (ControlRow row : message.rows()) {
            for (Control c : row.components()) {
                switch (c) {
                    case Control.Button b when b.style() == Control.Style.LINK ->
                            buttons.add("[link] " + b.label() + " <" + b.url() + ">");
                    case Control.Button b -> {
                        shown.add(new Shown(b, messageId));
                        buttons.add("[" + shown.size() + "] " + b.label() + (b.disabled() ? " (disabled)" : ""));
                    }
                    case Control.SelectMenu s -> {
                        menusShown.add(new Shown(s, messageId));
                        menus.append("select menu: ").append(s.placeholder()).append(" (type `select N,M…`)\n");
                        for (int i = 0; i < s.options().size(); i++) {
                            Control.SelectOption o = s.options().get(i);
                            String number = (i + 1) + ". ";
                            String label = o.label().startsWith(number) ? o.label() : number + o.label();
                            menus.append("  ").append(o.selected() ? "[x] " : "[ ] ").append(label).append('\n');
                        }
                    }
                }
            }
        }
        if (!buttons.isEmpty()) out.append(String.join("  ", buttons)).append('\n');
        out.append(menus);
        return out.toString();
    }

    private String embed(Card e) {
        StringBuilder out = new StringBuilder();
        if (e.title() != null) out.append("┌─ ").append(readable(e.title())).append('\n');
        else out.append("┌─\n");
        if (e.url() != null) out.append("│ <").append(e.url()).append(">\n");
        if (e.description() != null) indent(out, readable(e.description()));
        for (Card.Field f : e.fields()) {
            out.append("│\n");
            indent(out, "▸ " + readable(f.name()));
            indent(out, "  " + readable(f.value()).replace("\n", "\n  "));
        }
        if (e.footer() != null) {
            out.append("│\n");
            indent(out, readable(e.footer()));
        }
        out.append("└─\n");
        return out.toString();
    }

    private static void indent(StringBuilder out, String text) {
        for (String line : text.split("\n", -1)) out.append("│ ").append(line).append('\n');
    }

    /** Discord markup as a person reads it on screen. */
    String readable(String text) {
        if (text == null) return "";
        String out = TIMESTAMP.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                time(Instant.ofEpochSecond(Long.parseLong(m.group(1))), m.group(2).charAt(0))));
        out = CHANNEL.matcher(out).replaceAll(m -> Matcher.quoteReplacement("#" + channelName.apply(m.group(1))));
        out = ESCAPE.matcher(out).replaceAll("$1");
        return out.replace("\u200B", "");
    }

    private String time(Instant at, char style) {
        if (style == 'R') return relative(Duration.between(clock.instant(), at));
        return FULL.withZone(ZoneId.systemDefault()).format(at);
    }

    static String relative(Duration d) {
        boolean past = d.isNegative();
        long s = Math.abs(d.getSeconds());
        String amount;
        if (s < 45) return past ? "just now" : "in a moment";
        else if (s < 45 * 60) amount = plural(Math.round(s / 60.0), "minute");
        else if (s < 22 * 3600) amount = plural(Math.round(s / 3600.0), "hour");
        else if (s < 26L * 86_400) amount = plural(Math.round(s / 86_400.0), "day");
        else if (s < 320L * 86_400) amount = plural(Math.round(s / (30.0 * 86_400)), "month");
        else amount = plural(Math.round(s / (365.0 * 86_400)), "year");
        return past ? amount + " ago" : "in " + amount;
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
