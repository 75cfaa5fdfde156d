package dev.podbot;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a background tick ({@link BackgroundTicks}) skip its database work while nothing can be due: until something
 * wakes it (new work was committed here: a notification, a linked account, a receipt to follow; a chat reachable
 * again; the ticks resumed) or the next due time it read last has come. It looks at least every
 * {@link #AT_LEAST_EVERY} all the same, for what another instance or a hand-written row may have added. An idle bot
 * used to run the send, poll and receipt ticks' queries every second (issue 11).
 */
public final class IdleTick {

    /** The longest a tick goes without looking, however idle. */
    public static final Duration AT_LEAST_EVERY = Duration.ofSeconds(10);

    private final AtomicBoolean woken = new AtomicBoolean(true);
    private volatile Instant nextLook = Instant.MIN;
    private final AtomicLong looks = new AtomicLong();

    /** Something may be due now: the next tick looks. */
    public void wake() {
        woken.set(true);
    }

    /**
     * Whether this tick looks (and consumes a wake-up). A next look further away than {@link #AT_LEAST_EVERY} means
     * the clock went back (a test clock reset, the system clock corrected): look now rather than wait for it.
     */
    public boolean shouldLook(Instant now) {
        boolean look = woken.getAndSet(false) | !now.isBefore(nextLook)
                | nextLook.isAfter(now.plus(AT_LEAST_EVERY));
        if (look) {
            looks.incrementAndGet();
        }
        return look;
    }

    /** How long the tick will rest from {@code now} unless woken (zero when it looks next tick). */
    public Duration restingFor(Instant now) {
        return now.isBefore(nextLook) ? Duration.between(now, nextLook) : Duration.ZERO;
    }

    /** How many ticks have looked so far. */
    public long looks() {
        return looks.get();
    }

    /**
     * After a look: the next one at {@code earliestDue} (null: nothing known to come), and no later than
     * {@link #AT_LEAST_EVERY} from now. A time already passed means the next tick.
     */
    public void nextLookAt(Instant now, Instant earliestDue) {
        Instant latest = now.plus(AT_LEAST_EVERY);
        nextLook = earliestDue == null || earliestDue.isAfter(latest) ? latest : earliestDue;
    }

    /** The next tick looks, whatever was read before. */
    public void lookNextTick() {
        nextLook = Instant.MIN;
    }
}
