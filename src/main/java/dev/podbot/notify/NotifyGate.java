package dev.podbot.notify;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets operators (and tests) pause polling and sending without stopping the app: {@link #pause} waits until the
 * ticks that are running have finished, so nothing is claimed after it returns.
 */
@ApplicationScoped
public class NotifyGate {

    private volatile boolean paused;
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

    public void resume() {
        paused = false;
    }

    public boolean paused() {
        return paused;
    }
}
