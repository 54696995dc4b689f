package spikebot.bot.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import spikebot.bot.discord.fake.FakeDiscord;
import spikebot.bot.discord.fake.FakeInteraction;
import spikebot.bot.discord.fake.FakeWorld;
import spikebot.bot.wiring.Features;
import spikebot.knowledge.SampleKnowledgeBase;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static spikebot.bot.discord.fake.FakeWorld.ALICE;
import static spikebot.bot.discord.fake.FakeWorld.GENERAL;
import static spikebot.bot.discord.fake.FakeWorld.ML_TEAM;
import static spikebot.bot.discord.fake.FakeWorld.SPIKES_FORUM;

/**
 * Spikes as forum posts, with forum tags: a post gets the configured tag ({@code spike-tag}) or the forum's tag
 * named "spike"; a forum with "Require tags" refuses a post without one (Discord's 40067), so when no tag fits,
 * {@code /spike start} tells what an admin must do, and nothing is created.
 */
class DiscordForumTest {
    @TempDir
    Path kb;
    @RegisterExtension
    final FakeDiscordExtension fake = new FakeDiscordExtension();

    private FakeDiscord start(String spikeTag) throws Exception {
        SampleKnowledgeBase.copyTo(kb);
        FakeDiscord discord = fake.discord();
        DiscordSettings settings = new DiscordSettings(Map.of(Long.toUnsignedString(ML_TEAM),
                new DiscordSettings.GuildSettings(kb, null, Set.of(), Long.toUnsignedString(SPIKES_FORUM), spikeTag,
                        null)),
                Duration.ofHours(1));
        fake.startBot(settings, (access, history) -> Features.core(settings.coreConfigs(), access, history, discord.clock(), null));
        return discord;
    }

    private static FakeWorld.Tag named(List<FakeWorld.Tag> tags, String name) {
        return tags.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aSpikePostGetsTheForumsSpikeTag() throws Exception {
        List<FakeWorld.Tag> tags = fake.discord().setForumTags(SPIKES_FORUM, true, "Research", "Spike");
        FakeDiscord discord = start(null);
        discord.slash(ALICE, GENERAL, "spike start", Map.of("topic", "Evaluate DuckDB for ad-hoc queries"))
                .awaitReply();
        FakeWorld.Channel post = discord.world().threadsOf(SPIKES_FORUM).get(0);
        assertEquals(List.of(named(tags, "Spike").id()), post.appliedTags());
    }

    @Test
    void theConfiguredTagWins() throws Exception {
        List<FakeWorld.Tag> tags = fake.discord().setForumTags(SPIKES_FORUM, false, "Investigation", "spike");
        FakeDiscord discord = start("investigation");
        discord.slash(ALICE, GENERAL, "spike start", Map.of("topic", "Evaluate DuckDB for ad-hoc queries"))
                .awaitReply();
        assertEquals(List.of(named(tags, "Investigation").id()),
                discord.world().threadsOf(SPIKES_FORUM).get(0).appliedTags());
    }

    @Test
    void aForumThatRequiresATagNoneFitsIsExplainedAndNothingIsCreated() throws Exception {
        fake.discord().setForumTags(SPIKES_FORUM, true, "Research", "Ideas");
        FakeDiscord discord = start(null);
        FakeInteraction start = discord.slash(ALICE, GENERAL, "spike start",
                Map.of("topic", "Evaluate DuckDB for ad-hoc queries"));
        ObjectNode first = start.awaitReply();
        ObjectNode told = (first.path("flags").asInt() & 64) != 0 ? first : start.awaitReplies(2).get(1);
        String text = told.get("content").asText();
        assertTrue(text.contains("requires a tag") && text.contains("spike-tag") && text.contains("Edit Channel"),
                text);
        assertEquals(64, told.get("flags").asInt() & 64, "said to the one who asked");
        assertTrue(discord.calls(c -> c.is("POST", "channels/\\d+/threads")).isEmpty(), "no post was attempted");
        assertTrue(discord.world().threadsOf(SPIKES_FORUM).isEmpty());
        String list = discord.slash(ALICE, GENERAL, "spike list", Map.of()).awaitReply().get("content").asText();
        assertTrue(!list.contains("DuckDB"), "no spike was started: " + list);
    }
}
