package dev.podbot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.logging.Log;

/**
 * The background ticks that run every {@code NOTIFY_TICK} (the outbox sender, the poll coordinator, the receipt
 * watcher), each at its own point of the period and on its own thread.
 *
 * <p>Why not {@code @Scheduled}: Quarkus's scheduler checks its triggers once a second, at whole seconds of the wall
 * clock, so all three ticks began at the same instant every second, each with its database transaction and the
 * polls it started, and took both cores of a small machine for a few milliseconds. A reply to a person that came in
 * then waited for them: in the reply benchmark 4 of the 6 slowest {@code /pods} replies were handed out within
 * 60 ms after a whole second (issue 11). Here tick {@code phase} (0 to 1) of a period starts {@code phase × period}
 * after start-up and then every period, on that grid: a tick that overruns skips the runs it missed (never two at
 * once, as {@code @Scheduled}'s SKIP) and keeps its place, so the ticks never drift into one another.
 */
@ApplicationScoped
public class BackgroundTicks {

    /** Where in the period each tick starts: spread evenly, none on the period's start. */
    public static final double SEND_PHASE = 1 / 6d;
    public static final double POLL_PHASE = 3 / 6d;
    public static final double RECEIPT_PHASE = 5 / 6d;

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
            new DaemonThreads("podbot-tick"));
    private final long origin = System.nanoTime();
    private final List<String> names = new ArrayList<>();

    /**
     * Runs {@code tick} every {@code period}, first at {@code phase × period} from this bean's start, each tick on a
     * thread of its own. A tick that throws is logged and runs again at its next time.
     */
    public synchronized void every(String name, Duration period, double phase, Runnable tick) {
        if (phase < 0 || phase >= 1) {
            throw new IllegalArgumentException("phase must be in [0, 1): " + phase);
        }
        long periodNanos = Math.max(1, period.toNanos());
        Tick t = new Tick(name, origin + (long) (periodNanos * phase), periodNanos, tick);
        names.add(name);
        // every tick its own thread: a long one (a fan-out, a poll backlog) never holds another up
        executor.setCorePoolSize(names.size());
        schedule(t);
    }

    /** The names of the ticks registered so far, in order. */
    public synchronized List<String> names() {
        return List.copyOf(names);
    }

    /**
     * The first time on the grid {@code first + k × period} (k ≥ 0) that lies after {@code now}; the run that was
     * due just now when {@code now} is itself on the grid is the next one, so a tick never runs twice in a period.
     */
    static long nextRun(long first, long period, long now) {
        if (now < first) {
            return first;
        }
        return first + (Math.floorDiv(now - first, period) + 1) * period;
    }

    private void schedule(Tick t) {
        long now = System.nanoTime();
        long at = nextRun(t.first(), t.period(), now);
        try {
            executor.schedule(() -> run(t), at - now, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    private void run(Tick t) {
        // a request context, as @Scheduled methods have one
        ManagedContext requestContext = Arc.container() == null ? null : Arc.container().requestContext();
        try {
            if (requestContext != null) {
                requestContext.activate();
            }
            t.task().run();
        } catch (RuntimeException e) {
            Log.warnf("The %s tick failed (%s)", t.name(), e.getClass().getSimpleName());
        } finally {
            if (requestContext != null) {
                requestContext.terminate();
            }
            if (!executor.isShutdown()) {
                schedule(t);
            }
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private record Tick(String name, long first, long period, Runnable task) {
    }
}
