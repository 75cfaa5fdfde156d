package dev.podbot.notify;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Lets operators (and tests) pause polling and sending without stopping the app: {@link #pause} waits until the
 * ticks that are running have finished, so nothing is claimed after it returns. On shutdown it closes first
 * (before the poll and send pools stop, long before the datasource closes), so no scheduled work touches a closing
 * database.
 */
@ApplicationScoped
public class NotifyGate {

    static final Duration STOP_WAIT = Duration.ofSeconds(5);

    @Inject
    NotifyWake wake;

    private volatile boolean paused;
    private volatile boolean stopping;
    private final AtomicInteger running = new AtomicInteger();

    boolean enter() {
        running.incrementAndGet();
        if (paused) {
            running.decrementAndGet();
            return false;
        }
        return true;
    }

    void exit() {
        running.decrementAndGet();
    }

    public boolean pause(Duration timeout) throws InterruptedException {
        paused = true;
        long end = System.nanoTime() + timeout.toNanos();
        while (running.get() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** SIGTERM: no new tick from now on; the running ones get up to 5 s to finish. */
    void onStop(@Observes @Priority(1) ShutdownEvent event) throws InterruptedException {
        stopping = true;
        if (!pause(STOP_WAIT)) {
            Log.info("Notification work still running 5 s after shutdown began");
        }
    }

    public void resume() {
        paused = false;
        wake.resumed();
    }

    /** True once shutdown began: work in progress takes nothing new (a send in flight still finishes). */
    public boolean stopping() {
        return stopping;
    }

    public boolean paused() {
        return paused;
    }

    /** Waits (checking every 10 ms) until {@code done} holds; false when {@code timeout} passed first. */
    public static boolean awaitUntil(java.util.function.BooleanSupplier done, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(10);
        }
        return true;
    }
}
