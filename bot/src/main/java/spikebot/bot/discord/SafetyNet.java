package spikebot.bot.discord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Acknowledges interactions still without an answer {@link #AFTER} their creation, so that the user sees
 * "thinking…" instead of "This interaction failed". Discord allows 3 seconds from the interaction's creation (the
 * time in its snowflake id), not from when the bot reads it: the gateway's delay and a backlog of events (at
 * start-up, or a resume replaying what was missed) use up some of them, so the deadline is counted from the
 * snowflake, and an interaction that arrives late is acknowledged at once.
 *
 * <p>Swept every {@link #SWEEP} by the bot's timer thread against {@code clock}, which tests move by hand; the
 * sweep only queues deferrals and never blocks.
 */
final class SafetyNet {
    private static final Logger LOG = LoggerFactory.getLogger(SafetyNet.class);
    /** Leaves a second of Discord's 3 for the acknowledgement to travel. */
    static final Duration AFTER = Duration.ofSeconds(2);
    static final Duration SWEEP = Duration.ofMillis(100);

    private final Clock clock;
    private final Map<Exchange, Instant> pending = new ConcurrentHashMap<>();

    SafetyNet(Clock clock) {
        this.clock = clock;
    }

    /** Watches an exchange with an interaction created at {@code created}; acknowledges it now if it is due. */
    void watch(Exchange exchange, Instant created) {
        Instant due = created.plus(AFTER);
        if (!clock.instant().isBefore(due)) {
            defer(exchange);
        } else {
            pending.put(exchange, due);
        }
    }

    /** Acknowledges every watched interaction that is due; forgets those answered meanwhile. */
    void sweep() {
        Instant now = clock.instant();
        pending.forEach((exchange, due) -> {
            if (exchange.acknowledged()) {
                pending.remove(exchange);
            } else if (!now.isBefore(due) && pending.remove(exchange, due)) {
                defer(exchange);
            }
        });
    }

    private static void defer(Exchange exchange) {
        try {
            if (exchange.deferIfUnanswered()) LOG.debug("acknowledged a slow interaction with a deferral");
        } catch (RuntimeException e) {
            LOG.warn("could not acknowledge an interaction in time: {}", e.getMessage());
        }
    }
}
