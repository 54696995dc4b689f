package spikebot.bot.discord;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import spikebot.bot.core.ChannelAccess;
import spikebot.bot.core.Chat;
import spikebot.bot.core.ThreadHistory;
import spikebot.bot.discord.fake.FakeDiscord;

import java.util.List;
import java.util.function.BiFunction;

/**
 * The fixture every Discord test repeated: a fresh fake Discord for each test, the bot started against it and
 * ready (its commands registered in every configured guild), both closed afterwards. Registered on an instance
 * field for one fake per test, or on a static field for one fake per class:
 *
 * <pre>
 * &#64;RegisterExtension
 * final FakeDiscordExtension fake = new FakeDiscordExtension();
 * ...
 * fake.startBot(settings, (access, history) -&gt; core);
 * fake.discord().slash(ALICE, GENERAL, "ask", Map.of("question", "polars"));
 * </pre>
 */
final class FakeDiscordExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private FakeDiscord discord;
    private DiscordBot bot;
    private boolean perClass;
    private DiscordSettings settings;
    private BiFunction<ChannelAccess, ThreadHistory, ? extends Chat> cores;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        discord = FakeDiscord.start();
        discord.recordAs(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (perClass) return;
        discord = FakeDiscord.start();
        discord.recordAs(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!perClass) stop();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    /**
     * Stops the bot and the fake; then a request that broke Discord's limits or its API description, or an answer
     * of the fake that Discord would not give, fails the test, each named with its field and rule.
     */
    private void stop() throws Exception {
        try {
            if (bot != null) bot.close();
        } finally {
            bot = null;
            discord.close();
        }
        System.out.println("spec check: " + discord.spec().summary());
        List<String> violations = discord.spec().violations();
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " violation(s) of Discord's API:\n  "
                    + String.join("\n  ", violations.stream().limit(30).toList()));
        }
    }

    FakeDiscord discord() {
        return discord;
    }

    DiscordBot bot() {
        return bot;
    }

    /** Starts the bot against the fake and waits until it has registered its commands in every configured guild. */
    DiscordBot startBot(DiscordSettings settings, BiFunction<ChannelAccess, ThreadHistory, ? extends Chat> cores)
            throws InterruptedException {
        this.settings = settings;
        this.cores = cores;
        int before = registrations();
        bot = DiscordBot.start(FakeDiscord.TOKEN, settings, cores, discord.connection());
        discord.awaitCount(c -> c.is("PUT", "applications/\\d+/guilds/\\d+/commands"),
                before + settings.guilds().size());
        return bot;
    }

    /** Stops the bot, as for a deploy; {@link #startAgain()} brings it back with the same settings. */
    void stopBot() {
        if (bot != null) bot.close();
        bot = null;
    }

    DiscordBot startAgain() throws InterruptedException {
        return startBot(settings, cores);
    }

    private int registrations() {
        return discord.calls(c -> c.is("PUT", "applications/\\d+/guilds/\\d+/commands")).size();
    }
}
