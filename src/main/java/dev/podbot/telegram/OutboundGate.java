package dev.podbot.telegram;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Telegram's overall limit, shared by the two {@link Lane}s: at most {@code limit} messages in any window (a
 * sliding window, not even spacing). An interactive call takes the next free place at once; a bulk call is paced
 * evenly at the window's rate (so the window never fills in one burst that a reply would have to wait out) and
 * steps aside while an interactive call is waiting. Thread-safe.
 */
final class OutboundGate {

    private final SlidingWindow window;
    private final long bulkSpacingNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int interactiveWaiting;
    private long nextBulkAt = Long.MIN_VALUE;
    private long pausedUntil = Long.MIN_VALUE;

    OutboundGate(int limit, Duration window) {
        int l = Math.max(1, limit);
        this.window = new SlidingWindow(l, window);
        this.bulkSpacingNanos = window.toNanos() / l;
    }

    /** Waits until a call in the given lane may go out, and counts it in the window. */
    void acquire(Lane lane) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (lane == Lane.INTERACTIVE) {
                interactiveWaiting++;
            }
            try {
                for (long wait = tryAcquire(lane, System.nanoTime()); wait > 0;
                        wait = tryAcquire(lane, System.nanoTime())) {
                    changed.awaitNanos(wait);
                }
            } finally {
                if (lane == Lane.INTERACTIVE) {
                    interactiveWaiting--;
                }
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * One decision at {@code now}: 0 when the call may go (and is counted), otherwise how long to wait before asking
     * again. Called with the lock held (or from a single-threaded test).
     */
    long tryAcquire(Lane lane, long now) {
        if (now < pausedUntil) {
            return pausedUntil - now;
        }
        if (lane == Lane.BULK) {
            if (interactiveWaiting > 0) {
                return TimeUnit.MILLISECONDS.toNanos(5); // woken earlier when the interactive call has gone
            }
            if (nextBulkAt != Long.MIN_VALUE && now < nextBulkAt) {
                return nextBulkAt - now;
            }
        }
        long wait = window.tryAdmit(now);
        if (wait == 0 && lane == Lane.BULK) {
            // even pacing; a late sender may catch up by one place, the window still caps any second
            nextBulkAt = Math.max(nextBulkAt == Long.MIN_VALUE ? now : nextBulkAt, now - bulkSpacingNanos)
                    + bulkSpacingNanos;
        }
        return wait;
    }

    /** Telegram asked for a pause (429 without a chat): nobody sends before it is over. */
    void pause(long nanos) {
        lock.lock();
        try {
            pausedUntil = Math.max(pausedUntil, System.nanoTime() + nanos);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Test hook: an interactive call is (not) waiting. */
    void interactiveWaiting(int n) {
        interactiveWaiting = n;
    }
}
