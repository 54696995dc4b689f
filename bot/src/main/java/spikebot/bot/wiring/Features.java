package spikebot.bot.wiring;

import spikebot.bot.ask.AskFeature;
import spikebot.bot.capture.CaptureFeature;
import spikebot.bot.capture.UnaskedAnswers;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.digest.DigestFeature;
import spikebot.bot.core.ChatCore;
import spikebot.bot.core.Feature;
import spikebot.bot.core.GuildConfig;
import spikebot.bot.core.ThreadHistory;
import spikebot.bot.help.HelpFeature;
import spikebot.bot.notes.NotesFeature;
import spikebot.bot.passive.PassiveAnswers;
import spikebot.bot.review.ReviewFeature;
import spikebot.bot.solved.SolvedFeature;
import spikebot.bot.spike.SpikeFeature;
import spikebot.bot.status.StatusFeature;
import spikebot.bot.who.WhoFeature;
import spikebot.index.embed.Embeddings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The one place where the bot's features are created and put together; every adapter (Discord, console) gets its
 * core from here. Adding a feature is one line in {@link #all}. A package of its own, so that the adapters can use it
 * without the entry point's package and the adapters depending on each other.
 */
public final class Features {
    /**
     * Imports run one virtual thread each: they mostly wait on the platform's rate limits, and a virtual thread
     * keeps no process alive at exit.
     */
    private static final Executor IMPORTS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("spikebot-import-", 0).factory());

    private Features() {
    }

    /**
     * Every feature, in the order that decides who hears a plain message first: a mention is a question to
     * {@code /ask}; any other message may get a passive answer.
     */
    public static List<Feature> all(ChannelAccess access, ThreadHistory history, Clock clock) {
        return all(access, history, clock, IMPORTS);
    }

    /**
     * @param background where capture runs imports, away from the guild's lock (tests pass one they drive by hand)
     */
    public static List<Feature> all(ChannelAccess access, ThreadHistory history, Clock clock, Executor background) {
        SpikeFeature spikes = new SpikeFeature(access, clock);
        PassiveAnswers passive = new PassiveAnswers(access, clock);
        CaptureFeature capture = new CaptureFeature(access, history, clock, background, new UnaskedAnswers(
                (guild, channel) -> passive.enabledIn(guild, channel, null), passive::offer));
        List<Feature> features = new ArrayList<>(List.of(
                new AskFeature(access, spikes::startButton),
                spikes,
                new SolvedFeature(clock, spikes::openSpikeInThread, capture::solved),
                passive,
                capture,
                new WhoFeature(access, clock),
                new NotesFeature(access, clock),
                new DigestFeature(access, clock),
                new ReviewFeature(access, clock, spikes::startButton),
                new StatusFeature(clock, capture::status)));
        List<Feature> all = List.copyOf(features);
        features.add(new HelpFeature(() -> Stream.concat(all.stream().flatMap(f -> f.commands().stream()),
                Stream.of(HelpFeature.SPEC)).toList()));
        return List.copyOf(features);
    }

    /**
     * The chat core with every feature, on a platform without thread history (the console, tests of other parts).
     *
     * @param embeddings the model for hybrid search, or null for words alone
     */
    public static ChatCore core(Map<String, GuildConfig> guilds, ChannelAccess access, Clock clock,
                                Embeddings embeddings) {
        return core(guilds, access, ThreadHistory.NONE, clock, embeddings);
    }

    /**
     * The chat core with every feature.
     *
     * @param history    what was said in the platform's threads, for importing past discussions
     * @param embeddings the model for hybrid search, or null for words alone
     */
    public static ChatCore core(Map<String, GuildConfig> guilds, ChannelAccess access, ThreadHistory history,
                                Clock clock, Embeddings embeddings) {
        return new ChatCore(guilds, all(access, history, clock), clock, embeddings);
    }
}
