package dev.podbot.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Telegram's overall limit, shared by the two {@link Lane}s: at most {@code limit} messages in any window (a
 * sliding window, not even spacing). An interactive call takes the next free place at once; bulk calls are paced
 * evenly (so the window never fills in one burst that a reply would have to wait out: during a fan-out a place
 * frees every 1/limit of the window) and step aside while an interactive call is waiting.
 *
 * <p>A place is held from the moment a call is let through until its window has passed since the call
 * <em>returned</em> ({@link Slot#close()}): Telegram received it at some instant in between, so however the network
 * or a busy machine delays single calls, Telegram never sees more than {@code limit} in any window. Thread-safe.
 */
final class OutboundGate {

    /** A place in the window, from admission until {@link #close()} plus the window. */
    final class Slot implements AutoCloseable {
        private long doneAt = Long.MAX_VALUE; // still in flight

        @Override
        public void close() {
            done(this, System.nanoTime());
        }
    }

    private final int limit;
    private final long windowNanos;
    private final long bulkSpacingNanos;
    private final List<Slot> slots = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int interactiveWaiting;
    private long nextBulkAt = Long.MIN_VALUE;
    private long pausedUntil = Long.MIN_VALUE;

    OutboundGate(int limit, Duration window) {
        this.limit = Math.max(1, limit);
        this.windowNanos = window.toNanos();
        this.bulkSpacingNanos = windowNanos / this.limit;
    }

    /** Waits until a call in the given lane may go out and holds a place for it; close the slot when it returns. */
    Slot acquire(Lane lane) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (lane == Lane.INTERACTIVE) {
                interactiveWaiting++;
            }
            try {
                Slot slot = new Slot();
                for (long wait = tryAcquire(lane, System.nanoTime(), slot); wait > 0;
                        wait = tryAcquire(lane, System.nanoTime(), slot)) {
                    changed.awaitNanos(wait);
                }
                return slot;
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
     * One decision at {@code now}: 0 when the call may go (the slot is taken), otherwise how long to wait before
     * asking again. Called with the lock held (or from a single-threaded test).
     */
    long tryAcquire(Lane lane, long now, Slot slot) {
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
        slots.removeIf(s -> s.doneAt != Long.MAX_VALUE && now - s.doneAt >= windowNanos);
        if (slots.size() >= limit) {
            long earliest = Long.MAX_VALUE;
            for (Slot s : slots) {
                if (s.doneAt != Long.MAX_VALUE) {
                    earliest = Math.min(earliest, s.doneAt + windowNanos - now);
                }
            }
            // all in flight: a call that returns wakes us
            return earliest == Long.MAX_VALUE ? TimeUnit.MILLISECONDS.toNanos(5) : Math.max(1, earliest);
        }
        slots.add(slot);
        if (lane == Lane.BULK) {
            // even pacing; a late sender may catch up by one place, the window still caps any second
            nextBulkAt = Math.max(nextBulkAt == Long.MIN_VALUE ? now : nextBulkAt, now - bulkSpacingNanos)
                    + bulkSpacingNanos;
        }
        return 0;
    }

    /** The slot's call returned at {@code now}: its place frees up one window later. */
    void done(Slot slot, long now) {
        lock.lock();
        try {
            if (slot.doneAt == Long.MAX_VALUE) {
                slot.doneAt = now;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
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
