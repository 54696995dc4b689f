package spikebot.bot.discord;

import spikebot.bot.core.Action;
import spikebot.bot.core.Chat;
import spikebot.bot.core.CommandSpec;
import spikebot.bot.core.Defer;
import spikebot.bot.core.Event;
import spikebot.bot.discord.fake.FakeDiscord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A stand-in for the chat core that a test scripts: the commands to register, whether to defer, what to answer
 * each event with, what the schedule posts. It remembers every event it got, so that a test can check what the
 * adapter made of Discord's payloads. The adapter's tests use it to test the adapter against Discord, not the
 * features; the features are tested with the real core elsewhere (and end to end in {@link SpikebotEndToEndTest}).
 */
final class ScriptedChat implements Chat {
    private final List<CommandSpec> commands;
    private final List<Event> seen = new ArrayList<>();
    private volatile Function<Event, Optional<Defer>> deferral = e -> Optional.empty();
    private volatile Function<Event, List<Action>> script = e -> List.of();
    private volatile Supplier<List<Action>> schedule = List::of;

    ScriptedChat(List<CommandSpec> commands) {
        this.commands = List.copyOf(commands);
    }

    /** Answers every event with what {@code script} says (it may block, or throw as a broken core would). */
    ScriptedChat answering(Function<Event, List<Action>> script) {
        this.script = script;
        return this;
    }

    /** Asks the adapter to defer every event this way (or not, when empty). */
    ScriptedChat deferring(Function<Event, Optional<Defer>> deferral) {
        this.deferral = deferral;
        return this;
    }

    /** What the next ticks return. */
    ScriptedChat scheduling(Supplier<List<Action>> schedule) {
        this.schedule = schedule;
        return this;
    }

    @Override
    public List<CommandSpec> commands() {
        return commands;
    }

    @Override
    public Optional<Defer> deferral(Event event) {
        return deferral.apply(event);
    }

    @Override
    public List<Action> handle(Event event) {
        synchronized (seen) {
            seen.add(event);
            seen.notifyAll();
        }
        return script.apply(event);
    }

    @Override
    public List<Action> tick() {
        return schedule.get();
    }

    @Override
    public void close() {
    }

    /** The first event of this type the core got, waiting for it up to {@link FakeDiscord#TIMEOUT}. */
    <T extends Event> T awaitSeen(Class<T> type) {
        long deadline = System.nanoTime() + FakeDiscord.TIMEOUT.toNanos();
        synchronized (seen) {
            while (true) {
                for (Event e : seen) if (type.isInstance(e)) return type.cast(e);
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) throw new AssertionError("the core never got a " + type.getSimpleName() + "; it got " + seen);
                try {
                    seen.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /** Forgets the events seen so far. */
    void forget() {
        synchronized (seen) {
            seen.clear();
        }
    }

    List<Event> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }
}
