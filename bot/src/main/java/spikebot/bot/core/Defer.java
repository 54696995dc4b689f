package spikebot.bot.core;

/**
 * A hint from {@link ChatCore#deferral(Event)}: acknowledge this interaction at once (Discord's "thinking…"),
 * because answering may take longer than Discord's 3 seconds; the core's {@link Action.Reply} then edits that
 * deferred reply. Never given for events that may answer with a modal.
 *
 * <p>A refusal (bad option, no permission) is an ephemeral {@link Action.Reply} even after a public deferral:
 * the adapter must not put it into the public deferred reply, but send it as an ephemeral follow-up.
 *
 * @param ephemeral the deferred reply, and so the answer, is visible only to the user
 */
public record Defer(boolean ephemeral) {
}
