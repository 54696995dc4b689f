package spikebot.bot.spike;

import spikebot.bot.core.Event;
import spikebot.bot.core.Origin;
import spikebot.knowledge.spike.SpikeKind;

/**
 * What someone asked to start, as typed (checked by {@link SpikeStart}): from {@code /spike start},
 * {@code /papercheck start} or the "Start a spike" form. Blank parts take their defaults.
 *
 * @param timebox  like {@code 4h}; blank for the default
 * @param template a checklist template's name; blank for {@code general}
 * @param format   solo, pair or team; blank for solo
 * @param reopens  a closed spike's note this one takes up again ({@code /spike reopen}): its checklist and state
 *                 replace the template's, and it leads the prior work; null for a new spike
 */
record StartRequest(Origin origin, SpikeKind kind, String topic, String goal, String timebox, String template,
                    String format, Reopened reopens) {

    StartRequest(Origin origin, SpikeKind kind, String topic, String goal, String timebox, String template,
                 String format) {
        this(origin, kind, topic, goal, timebox, template, format, null);
    }

    static StartRequest spike(Event.SlashCommand c) {
        return new StartRequest(c.origin(), SpikeKind.INVESTIGATION, c.option("topic"), c.option("goal"),
                c.option("timebox"), c.option("template"), c.option("format"));
    }

    static StartRequest spike(Event.FormSubmit form) {
        return new StartRequest(form.origin(), SpikeKind.INVESTIGATION, form.field("topic"), form.field("goal"),
                form.field("timebox"), form.field("template"), form.field("format"));
    }

    /** A paper check's topic is its claim; it works through the paper template, alone unless people join. */
    static StartRequest paperCheck(Origin origin, String paper, String claim, String timebox) {
        return new StartRequest(origin, new SpikeKind.PaperCheck(paper, claim), claim, null, timebox, "paper",
                "solo");
    }
}
