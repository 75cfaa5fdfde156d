package dev.podbot.telegram;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads with a recognisable name, so thread dumps (and tests) can tell ours apart. */
final class NamedThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger n = new AtomicInteger();

    NamedThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
