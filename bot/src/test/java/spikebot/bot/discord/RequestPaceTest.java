package spikebot.bot.discord;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The pace on a clock of its own: what each request is made to wait, counted rather than slept. */
class RequestPaceTest {
    private long now;
    private final List<Long> waits = new ArrayList<>();
    private final RequestPace pace = new RequestPace(40, () -> now, nanos -> {
        waits.add(nanos / 1_000_000);
    });

    @Test
    void requestsAtOnceAreSpacedEvenly() throws InterruptedException {
        for (int i = 0; i < 5; i++) pace.await();
        assertEquals(List.of(25L, 50L, 75L, 100L), waits, "the first goes at once, then one every 25 ms");
    }

    @Test
    void requestsSlowerThanThePaceNeverWait() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            pace.await();
            now += 30_000_000; // 30 ms later
        }
        assertEquals(List.of(), waits);
    }

    @Test
    void anIdleSpellSavesUpNoBurst() throws InterruptedException {
        pace.await();
        now += 10_000_000_000L; // 10 s idle
        pace.await();
        pace.await();
        assertEquals(List.of(25L), waits, "after the spell, the second request waits its turn again");
    }
}
