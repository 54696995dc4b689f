package spikebot.bot.discord;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import spikebot.bot.cli.CommandLineError;
import spikebot.bot.core.DigestSchedule;
import spikebot.bot.core.GuildConfig;
import spikebot.index.SearchMode;
import spikebot.knowledge.KnowledgeBase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bot's config file (YAML, or JSON when the name ends in {@code .json}): one entry per guild it serves. The
 * Discord token is never here; it comes from the {@code DISCORD_TOKEN} environment variable.
 *
 * <pre>
 * guilds:
 *   "123456789012345678":                # the guild (server) id
 *     knowledge-base: kb/ml-team         # relative to this file's folder
 *     note-url-base: https://git.example.com/ml/kb/blob/main/
 *     passive-channels: ["234567890123456789"]
 *     spike-forum: "345678901234567890"  # optional: spikes become posts in this forum channel
 *     spike-tag: Spike                   # optional: the forum's tag for spike posts (else one named "spike")
 *     shared-knowledge-base: true        # only when two guilds share one folder on purpose (both say so)
 *     digest:                            # optional (off by default): weekly digest, monthly stale review
 *       day: monday                      # the first such day of a month also gets the review
 *       hour: 9                          # 0-23, UTC
 *       channel: "456789012345678901"
 * tick-seconds: 5                        # optional
 * </pre>
 *
 * Unknown keys are an error, so that a typo never silently turns a setting off.
 *
 * @param tick how often the bot does its scheduled work: captured messages written (and so answerable), reminders
 *             and digests posted, an import's progress shown. Called {@code reminder-check-seconds} before capture
 *             came; that key is still read.
 */
public record DiscordSettings(Map<String, GuildSettings> guilds, Duration tick, SearchMode search) {
    /**
     * The default tick: a captured message is answerable within about this long. A tick with nothing due reads no
     * file ({@code CaptureImportBench} prints what an idle one costs), so a short one costs next to nothing.
     */
    static final int TICK_SECONDS = 5;

    /**
     * One guild.
     *
     * @param spikeForum a forum channel id where spike threads are opened as posts, or null for threads in the
     *                   channel where the command was used
 * @param spikeTag   the name of the forum tag put on spike posts, or null for a tag named "spike" if the forum
     *                   has one
     * @param digest     when and where the weekly digest goes; null: no digest
     */
    public record GuildSettings(Path knowledgeBase, String noteUrlBase, Set<String> passiveChannels,
                                String spikeForum, String spikeTag, DigestSchedule digest) {
        public GuildSettings {
            passiveChannels = Set.copyOf(passiveChannels);
        }

        /** No spike tag configured, no digest. */
        public GuildSettings(Path knowledgeBase, String noteUrlBase, Set<String> passiveChannels, String spikeForum) {
            this(knowledgeBase, noteUrlBase, passiveChannels, spikeForum, null, null);
        }

        GuildConfig toCore() {
            return new GuildConfig(knowledgeBase, noteUrlBase, passiveChannels, digest);
        }
    }

    public DiscordSettings {
        guilds = Map.copyOf(guilds);
    }

    /** Settings that answer by words alone: no embedding model to load (tests, small set-ups). */
    public DiscordSettings(Map<String, GuildSettings> guilds, Duration tick) {
        this(guilds, tick, SearchMode.BM25);
    }

    /** What the core needs of each guild. */
    public Map<String, GuildConfig> coreConfigs() {
        Map<String, GuildConfig> configs = new LinkedHashMap<>();
        guilds.forEach((id, g) -> configs.put(id, g.toCore()));
        return configs;
    }

    /** Where each guild keeps the threads the bot has seen: beside its knowledge base, with the bot's other state. */
    Map<String, Path> threadFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        guilds.forEach((id, g) -> files.put(id,
                new KnowledgeBase(g.knowledgeBase()).stateDir().resolve("discord-threads.json")));
        return files;
    }

    /** The forum channel for spikes in a guild, or null. */
    public String spikeForum(String guildId) {
        GuildSettings g = guilds.get(guildId);
        return g == null ? null : g.spikeForum();
    }

    /** The forum tag for spike posts in a guild, or null for the default (a tag named "spike"). */
    public String spikeTag(String guildId) {
        GuildSettings g = guilds.get(guildId);
        return g == null ? null : g.spikeTag();
    }

    /** The file as written: kebab-case keys, ids as strings or numbers. */
    private record FileGuild(String knowledgeBase, String noteUrlBase, List<String> passiveChannels,
                             String spikeForum, String spikeTag, Boolean sharedKnowledgeBase, FileDigest digest) {
    }

    private record FileDigest(String day, Integer hour, String channel) {
    }

    private record FileSettings(Map<String, FileGuild> guilds,
                                @JsonAlias("reminder-check-seconds") Integer tickSeconds, String search) {
    }

    /**
     * Reads and checks a config file.
     *
     * @throws CommandLineError with a one-line reason: missing file, bad syntax, unknown key, bad id, missing
     *                          knowledge base folder
     */
    public static DiscordSettings load(Path file) {
        ObjectMapper mapper = file.getFileName().toString().endsWith(".json") ? new ObjectMapper()
                : new ObjectMapper(new YAMLFactory());
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        FileSettings raw;
        try {
            raw = mapper.readValue(Files.readAllBytes(file), FileSettings.class);
        } catch (NoSuchFileException e) {
            throw new CommandLineError("config file not found: " + file + " (see README, section Discord)");
        } catch (UnrecognizedPropertyException e) {
            throw new CommandLineError(file + ": unknown key '" + e.getPropertyName() + "'"
                    + location(e) + "; known keys: " + e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            throw new CommandLineError(file + ": " + e.getOriginalMessage() + location(e));
        } catch (IOException e) {
            throw new CommandLineError("cannot read config file " + file + ": " + e.getMessage());
        }
        if (raw == null || raw.guilds() == null || raw.guilds().isEmpty()) {
            throw new CommandLineError(file + ": no guilds configured (add a 'guilds:' entry per server)");
        }
        Path base = file.toAbsolutePath().getParent();
        Map<String, GuildSettings> guilds = new LinkedHashMap<>();
        raw.guilds().forEach((id, g) -> guilds.put(snowflake(file, "guild id", id), guild(file, base, id, g)));
        refuseAccidentalSharing(file, raw.guilds(), guilds);
        int seconds = raw.tickSeconds() == null ? TICK_SECONDS : raw.tickSeconds();
        if (seconds < 1 || seconds > 3600) {
            throw new CommandLineError(file + ": tick-seconds must be between 1 and 3600");
        }
        SearchMode search = raw.search() == null ? SearchMode.DEFAULT : SearchMode.parse(raw.search())
                .orElseThrow(() -> new CommandLineError(file + ": search must be bm25 or hybrid, not '"
                        + raw.search() + "'"));
        return new DiscordSettings(guilds, Duration.ofSeconds(seconds), search);
    }

    private static GuildSettings guild(Path file, Path base, String id, FileGuild g) {
        String where = file + ", guild " + id;
        if (g == null || g.knowledgeBase() == null || g.knowledgeBase().isBlank()) {
            throw new CommandLineError(where + ": knowledge-base is missing");
        }
        Path kb = base.resolve(g.knowledgeBase()).normalize();
        if (!Files.isDirectory(kb)) throw new CommandLineError(where + ": knowledge-base folder not found: " + kb);
        String url = g.noteUrlBase();
        if (url != null && !url.matches("https?://\\S+")) {
            throw new CommandLineError(where + ": note-url-base must be an http(s) URL, not '" + url + "'");
        }
        Set<String> passive = new java.util.LinkedHashSet<>();
        if (g.passiveChannels() != null) {
            for (String channel : g.passiveChannels()) passive.add(snowflake(file, "passive channel id", channel));
        }
        String forum = g.spikeForum() == null ? null : snowflake(file, "spike-forum id", g.spikeForum());
        String tag = g.spikeTag() == null || g.spikeTag().isBlank() ? null : g.spikeTag().strip();
        if (tag != null && forum == null) {
            throw new CommandLineError(where + ": spike-tag is set but spike-forum is not (tags exist in forums only)");
        }
        return new GuildSettings(kb, url, passive, forum, tag, digest(file, where, g.digest()));
    }

    private static DigestSchedule digest(Path file, String where, FileDigest d) {
        if (d == null) return null;
        if (d.day() == null || d.hour() == null || d.channel() == null) {
            throw new CommandLineError(where + ": digest needs day, hour and channel");
        }
        DayOfWeek day;
        try {
            day = DayOfWeek.valueOf(d.day().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLineError(where + ": digest day must be monday to sunday, not '" + d.day() + "'");
        }
        if (d.hour() < 0 || d.hour() > 23) {
            throw new CommandLineError(where + ": digest hour must be 0 to 23 (UTC), not " + d.hour());
        }
        return new DigestSchedule(day, d.hour(), snowflake(file, "digest channel id", d.channel()));
    }

    /**
     * Two guilds on one knowledge-base folder would see each other's notes (the permission checks are per guild):
     * refused, unless each of them says {@code shared-knowledge-base: true}.
     */
    private static void refuseAccidentalSharing(Path file, Map<String, FileGuild> raw,
                                                Map<String, GuildSettings> guilds) {
        Map<String, FileGuild> byId = new LinkedHashMap<>();
        raw.forEach((id, g) -> byId.put(id.strip(), g));
        Map<Path, String> owner = new LinkedHashMap<>();
        for (var entry : guilds.entrySet()) {
            String other = owner.putIfAbsent(entry.getValue().knowledgeBase(), entry.getKey());
            if (other == null) continue;
            boolean meant = Boolean.TRUE.equals(byId.get(other).sharedKnowledgeBase())
                    && Boolean.TRUE.equals(byId.get(entry.getKey()).sharedKnowledgeBase());
            if (!meant) {
                throw new CommandLineError(file + ": guilds " + other + " and " + entry.getKey() + " use the same "
                        + "knowledge-base folder " + entry.getValue().knowledgeBase() + ", so each would see the "
                        + "other's notes; give each its own folder, or add 'shared-knowledge-base: true' to both");
            }
        }
    }

    private static String snowflake(Path file, String what, String value) {
        String id = value == null ? "" : value.strip();
        if (!id.matches("\\d{15,21}")) {
            throw new CommandLineError(file + ": " + what + " must be a Discord id (15 to 21 digits), not '"
                    + value + "' (in Discord: User Settings → Advanced → Developer Mode, then right-click → Copy ID)");
        }
        return id;
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }
}
