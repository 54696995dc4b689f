package spikebot.bot.core;

import java.util.Objects;

/**
 * Who did something: a member of a guild as the adapter saw them at that moment.
 *
 * @param id              the user's snowflake
 * @param name            display name, as people see it (written into notes as author)
 * @param canManageServer holds Discord's Manage Server permission, read from the event itself so that it is
 *                        never stale
 */
public record Actor(String id, String name, boolean canManageServer) {
    public Actor {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name;
    }
}
