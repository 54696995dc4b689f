package spikebot.bot.spike;

import spikebot.bot.core.CustomIds;
import spikebot.bot.core.KeptBehindTokens;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The custom ids of the spike feature's buttons, menus and forms, and the refs of the threads it opens, as types:
 * {@link #customId()} encodes, {@link #parse} decodes. Every part is something this feature made (a spike id, an
 * index, an outcome name, a token), never what a user typed, so an id is at most 73 characters, far below Discord's
 * 100. An id this version does not make (from an older version of a message, or forged) parses to nothing, and the
 * feature answers that it may be from an older version.
 *
 * <p>Kept readable ({@code spike:tick:k3xq9a:2}) rather than packed, because the ids are in every message already
 * posted: the format is a promise to messages of the past.
 */
sealed interface SpikeIds {
    String PREFIX = "spike";
    Pattern SPIKE_ID = Pattern.compile("[a-z0-9-]{1,40}");
    Pattern OUTCOME = Pattern.compile("[a-z-]{1,20}");
    Pattern INDEX = Pattern.compile("\\d{1,3}");

    String customId();

    /** Ticks or unticks checklist item {@code item} (0-based). */
    record Tick(String spikeId, int item) implements SpikeIds {
        public String customId() {
            return CustomIds.of(PREFIX, "tick", spikeId, String.valueOf(item));
        }
    }

    /** "Join": take part in the spike. */
    record Join(String spikeId) implements SpikeIds {
        public String customId() {
            return CustomIds.of(PREFIX, "join", spikeId);
        }
    }

    /** The checklist's select menu: the items chosen are the ones done. */
    record Check(String spikeId) implements SpikeIds {
        public String customId() {
            return CustomIds.of(PREFIX, "check", spikeId);
        }
    }

    /** The closing form, for the outcome chosen in {@code /spike close}. */
    record Close(String spikeId, String outcome) implements SpikeIds {
        public String customId() {
            return CustomIds.of(PREFIX, "close", spikeId, outcome);
        }
    }

    /** The "Start a spike" form. */
    record StartForm() implements SpikeIds {
        public String customId() {
            return CustomIds.of(PREFIX, "new");
        }
    }

    /**
     * A "Start a spike" button; the token stands for a topic kept in {@link spikebot.bot.core.KeptBehindTokens}. Buttons of older versions
     * carried the topic itself here: {@link #legacyTopic()} still reads it.
     */
    record StartOffer(String token) implements SpikeIds {
        public String customId() {
            return CustomIds.of(PREFIX, "new", token);
        }

        /** The topic an older version put where the token is now; empty when this is a token. */
        Optional<String> legacyTopic() {
            return KeptBehindTokens.TOKEN.matcher(token).matches() ? Optional.empty() : Optional.of(token);
        }
    }

    /** The ref of the thread opened for a new spike, which comes back in ThreadOpened or ThreadFailed. */
    record ThreadRef(String spikeId) implements SpikeIds {
        public String customId() {
            return CustomIds.of(PREFIX, spikeId);
        }
    }

    /**
     * The receipt of reminders handed out together ({@link spikebot.bot.core.Action.Receipt}):
     * {@code spike:remind:<id>:<key,key>}.
     */
    record Reminded(String spikeId, List<String> keys) implements SpikeIds {
        public String customId() {
            return PREFIX + ":remind:" + spikeId + ":" + String.join(",", keys);
        }
    }

    /** What a custom id or thread ref stands for; empty when this version does not make such an id. */
    static Optional<SpikeIds> parse(String customId) {
        List<String> p = CustomIds.parts(customId);
        if (p.size() < 2 || !p.get(0).equals(PREFIX)) return Optional.empty();
        String verb = p.get(1);
        SpikeIds id = switch (p.size()) {
            case 2 -> verb.equals("new") ? new StartForm() : spikeId(verb) ? new ThreadRef(verb) : null;
            case 3 -> switch (verb) {
                case "join" -> spikeId(p.get(2)) ? new Join(p.get(2)) : null;
                case "check" -> spikeId(p.get(2)) ? new Check(p.get(2)) : null;
                case "new" -> p.get(2).isBlank() ? null : new StartOffer(p.get(2));
                default -> null;
            };
            case 4 -> switch (verb) {
                case "tick" -> spikeId(p.get(2)) && INDEX.matcher(p.get(3)).matches()
                        ? new Tick(p.get(2), Integer.parseInt(p.get(3))) : null;
                case "close" -> spikeId(p.get(2)) && OUTCOME.matcher(p.get(3)).matches()
                        ? new Close(p.get(2), p.get(3)) : null;
                case "remind" -> spikeId(p.get(2)) && p.get(3).matches("[a-z0-9-]+(,[a-z0-9-]+)*")
                        ? new Reminded(p.get(2), List.of(p.get(3).split(","))) : null;
                default -> null;
            };
            default -> null;
        };
        // An old "Start a spike" button whose topic held colons.
        if (id == null && verb.equals("new") && p.size() > 3) id = new StartOffer(customId.substring(10));
        return Optional.ofNullable(id);
    }

    private static boolean spikeId(String text) {
        return SPIKE_ID.matcher(text).matches();
    }
}
