package dev.podbot;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads with a recognisable name ({@code prefix-1}, {@code prefix-2}, ...), so thread dumps, tests and the
 * reply benchmark's CPU-per-thread figures can tell ours apart; daemon, so none of them keeps the JVM alive.
 */
public final class DaemonThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger n = new AtomicInteger();

    public DaemonThreads(String prefix) {
        this.prefix = prefix;
    }

    /** A fixed pool of {@code threads} (at least one) such threads. */
    public static ExecutorService fixedPool(String prefix, int threads) {
        return Executors.newFixedThreadPool(Math.max(1, threads), new DaemonThreads(prefix));
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
