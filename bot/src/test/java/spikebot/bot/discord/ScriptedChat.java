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
    /** What {@link #delivered} was told, in order: where each post with a receipt landed. */
    private final List<Delivered> delivered = new ArrayList<>();
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

    /** A post with a receipt that the platform took, and where it landed. */
    record Delivered(Action.Receipt receipt, String channelId, String messageId) {
    }

    @Override
    public void delivered(Action.Receipt receipt, String channelId, String messageId) {
        synchronized (seen) {
            delivered.add(new Delivered(receipt, channelId, messageId));
            seen.notifyAll();
        }
    }

    /** The first delivery reported for this receipt, waiting for it up to {@link FakeDiscord#TIMEOUT}. */
    Delivered awaitDelivered(Action.Receipt receipt) {
        return await(() -> delivered.stream().filter(d -> d.receipt().equals(receipt)).findFirst(),
                () -> "no delivery of " + receipt + "; deliveries: " + delivered);
    }

    /** The first event of this type that matches, waiting for it up to {@link FakeDiscord#TIMEOUT}. */
    <T extends Event> T awaitSeen(Class<T> type, java.util.function.Predicate<T> matching) {
        return await(() -> seen.stream().filter(type::isInstance).map(type::cast).filter(matching).findFirst(),
                () -> "the core never got a matching " + type.getSimpleName() + "; it got " + seen);
    }

    /** The first {@code count} events of this type, in the order the core got them, waiting for them. */
    <T extends Event> List<T> awaitSeen(Class<T> type, int count) {
        return await(() -> {
            List<T> found = seen.stream().filter(type::isInstance).map(type::cast).limit(count).toList();
            return found.size() == count ? Optional.of(found) : Optional.empty();
        }, () -> "the core got fewer than " + count + " " + type.getSimpleName() + "; it got " + seen);
    }

    private <T> T await(Supplier<Optional<T>> found, Supplier<String> failure) {
        long deadline = System.nanoTime() + FakeDiscord.TIMEOUT.toNanos();
        synchronized (seen) {
            while (true) {
                Optional<T> hit = found.get();
                if (hit.isPresent()) return hit.get();
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) throw new AssertionError(failure.get());
                try {
                    seen.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    @Override
    public void close() {
    }

    /** The first event of this type the core got, waiting for it up to {@link FakeDiscord#TIMEOUT}. */
    <T extends Event> T awaitSeen(Class<T> type) {
        return await(() -> seen.stream().filter(type::isInstance).map(type::cast).findFirst(),
                () -> "the core never got a " + type.getSimpleName() + "; it got " + seen);
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
