package spikebot.bot.core;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * How one guild is set up: its own knowledge base (never shared with another guild), where links to its folder
 * notes point, and the channels where passive answers start enabled (admins can change them later with
 * {@code /spikebot passive}).
 *
 * @param knowledgeBase   the folder of notes
 * @param noteUrlBase     prefix for links to folder notes (e.g. {@code https://git.example.com/kb/blob/main/}),
 *                        the note's relative path is appended; null when notes have no web home
 * @param passiveChannels channel ids with passive answers on from the start
 * @param digest          when and where the weekly digest and the monthly stale review are posted; null: never
 *                        (the default: a team turns them on in the config)
 */
public record GuildConfig(Path knowledgeBase, String noteUrlBase, Set<String> passiveChannels,
                          DigestSchedule digest) {
    public GuildConfig {
        Objects.requireNonNull(knowledgeBase, "knowledgeBase");
        passiveChannels = Set.copyOf(passiveChannels);
    }

    /** Without a scheduled digest. */
    public GuildConfig(Path knowledgeBase, String noteUrlBase, Set<String> passiveChannels) {
        this(knowledgeBase, noteUrlBase, passiveChannels, null);
    }

    public GuildConfig withDigest(DigestSchedule schedule) {
        return new GuildConfig(knowledgeBase, noteUrlBase, passiveChannels, schedule);
    }

    public static GuildConfig of(Path knowledgeBase) {
        return new GuildConfig(knowledgeBase, null, Set.of());
    }
}
