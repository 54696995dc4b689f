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
 * @param console         the console's one guild: its channels and threads exist in the terminal only, so notes
 *                        written there say so rather than link to a Discord channel nobody can open (and that
 *                        would hide them in Discord for good), and are dated by the calendar, not by the console's
 *                        {@code wait}
 */
public record GuildConfig(Path knowledgeBase, String noteUrlBase, Set<String> passiveChannels,
                          DigestSchedule digest, boolean console) {
    public GuildConfig {
        Objects.requireNonNull(knowledgeBase, "knowledgeBase");
        passiveChannels = Set.copyOf(passiveChannels);
    }

    /** Without a scheduled digest. */
    public GuildConfig(Path knowledgeBase, String noteUrlBase, Set<String> passiveChannels) {
        this(knowledgeBase, noteUrlBase, passiveChannels, null, false);
    }

    /** A Discord guild's set-up. */
    public GuildConfig(Path knowledgeBase, String noteUrlBase, Set<String> passiveChannels, DigestSchedule digest) {
        this(knowledgeBase, noteUrlBase, passiveChannels, digest, false);
    }

    /** The console's guild: see {@link #console()}. */
    public static GuildConfig console(Path knowledgeBase) {
        return new GuildConfig(knowledgeBase, null, Set.of(), null, true);
    }

    public GuildConfig withDigest(DigestSchedule schedule) {
        return new GuildConfig(knowledgeBase, noteUrlBase, passiveChannels, schedule, console);
    }

    public static GuildConfig of(Path knowledgeBase) {
        return new GuildConfig(knowledgeBase, null, Set.of());
    }
}
