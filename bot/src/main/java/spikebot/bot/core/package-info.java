/**
 * The chat core: commands, clicks, choices, modal submits and plain messages go in as {@link spikebot.bot.core.Event}s;
 * what to post comes out as {@link spikebot.bot.core.Action}s. It knows nothing of JDA, so the Discord adapter and
 * the console adapter drive the same behaviour.
 *
 * <p>An adapter's loop, in short:
 * <ol>
 *   <li>register {@link spikebot.bot.core.ChatCore#commands()};</li>
 *   <li>for each interaction: if {@link spikebot.bot.core.ChatCore#deferral} says so, acknowledge at once; then
 *       run every action of {@link spikebot.bot.core.ChatCore#handle} in order (the first
 *       {@link spikebot.bot.core.Action.Reply} answers the interaction, later ones are follow-ups);</li>
 *   <li>after an {@link spikebot.bot.core.Action.OpenThread}, hand back
 *       {@link spikebot.bot.core.Event.ThreadOpened} (or {@code ThreadFailed}) with the original event's origin,
 *       and run what that returns as the answer to the original interaction;</li>
 *   <li>every few seconds, and once at start, post what {@link spikebot.bot.core.ChatCore#tick()} returns
 *       (reminders).</li>
 * </ol>
 * Messages are already escaped and cut to Discord's limits; send them with no allowed mentions.
 */
package spikebot.bot.core;
