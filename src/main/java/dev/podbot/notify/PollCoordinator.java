package dev.podbot.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import dev.podbot.BackgroundTicks;
import dev.podbot.BotConfig;
import dev.podbot.account.AccountLinked;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Every tick ({@code notify.tick}, 1 s; its own point of the second, {@link BackgroundTicks}) claims the accounts
 * that are due and polls them on a bounded pool of {@code BOT_POLL_CONCURRENCY} threads. Each account has its own
 * slot in the interval (a hash of its chat id), so accounts are spread over the interval instead of all polled at
 * second 0, and the few that are due in one tick start spread over that tick ({@link #spacing}); a newly linked
 * account is polled at once (its silent baseline). Only as many accounts are claimed as there are free threads, so
 * a slow Pod Point never makes claims pile up, and one account's failure never delays another.
 */
@ApplicationScoped
public class PollCoordinator {

    @Inject
    BotConfig bot;

    @Inject
    NotifyConfig config;

    @Inject
    PollStateRepository pollStates;

    @Inject
    AccountPoller poller;

    @Inject
    NotifyClock clock;

    @Inject
    NotifyGate gate;

    @Inject
    BackgroundTicks ticks;

    @Inject
    NotifyInstance instance;

    @Inject
    NotifyWake wake;

    private String instanceId;
    private ExecutorService pool;
    private Semaphore slots;
    /** How often a tick looks for accounts without a poll state when none was linked here. */
    static final Duration ACCOUNT_SCAN_EVERY = Duration.ofMinutes(1);
    /** True at start and after an account was linked here. */
    private final AtomicBoolean accountsLinked = new AtomicBoolean(true);
    private volatile long lastAccountScan = System.nanoTime();
    private final AtomicLong accountScans = new AtomicLong();
    /** Chat id → when it was linked here, until the next tick has written it as the account's baseline. */
    private final Map<Long, Instant> linkedAt = new ConcurrentHashMap<>();
    /** Chat id → System.nanoTime() when its poll started. */
    private final Map<Long, Long> inFlight = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        instanceId = instance.id();
        int n = Math.max(1, bot.pollConcurrency());
        slots = new Semaphore(n);
        pool = dev.podbot.DaemonThreads.fixedPool("podbot-poll", n);
        pollIntervalWarning(bot.pollInterval(), bot.demo()).ifPresent(Log::warn);
    }

    /** Polling the real Pod Point fast risks the accounts; the demo polls its own simulator, so it says nothing. */
    static Optional<String> pollIntervalWarning(Duration interval, boolean demo) {
        if (demo || interval.compareTo(Duration.ofSeconds(60)) >= 0) {
            return Optional.empty();
        }
        return Optional.of("BOT_POLL_INTERVAL is " + interval + ": polling Pod Point more often than every"
                + " 60 s may get accounts blocked; use it only for tests");
    }

    /**
     * At start-up, gives back the accounts this instance (same name) was polling when it last stopped, e.g. killed
     * with -9: they are polled at once instead of after NOTIFY_CLAIM_TIMEOUT.
     */
    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        // the poll tick runs every NOTIFY_TICK at its own point of it
        ticks.every("poll", config.tick(), BackgroundTicks.POLL_PHASE, this::tick);
        try {
            int released = releaseOwnClaims();
            if (released > 0) {
                Log.infof("Took back %d account(s) this instance was polling when it last stopped", released);
            }
        } catch (RuntimeException e) {
            Log.warnf("Could not take back this instance's earlier claims (%s)", e.getClass().getSimpleName());
        }
    }

    /** Releases every poll claim held under this instance's name; returns how many. */
    public int releaseOwnClaims() {
        return Tx.run(() -> pollStates.releasePollClaims(instanceId));
    }

    /** SIGTERM, after the gate closed: polls in flight get a moment to save their result, then the pool stops. */
    void onStop(@Observes @Priority(2) ShutdownEvent event) throws InterruptedException {
        awaitIdle(NotifyGate.STOP_WAIT);
        stop();
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    public String instanceId() {
        return instanceId;
    }

    /**
     * Polls what is due, then rests ({@link IdleTick}) until the earliest account comes due or one is linked here;
     * it still looks every {@link IdleTick#AT_LEAST_EVERY}, so accounts linked elsewhere are found within a minute.
     */
    void tick() {
        if (!gate.enter()) {
            return;
        }
        try {
            if (!wake.polls().shouldLook(clock.now())) {
                return;
            }
            claimAndSubmit();
            wake.polls().nextLookAt(clock.now(), Tx.run(pollStates::earliestNextPoll));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            wake.polls().lookNextTick();
            Log.warnf("Poll tick failed (%s)", e.getClass().getSimpleName());
        } finally {
            gate.exit();
        }
    }

    /** How many ticks have looked for accounts without a poll state. */
    long accountScans() {
        return accountScans.get();
    }

    /**
     * An account was linked here: the next tick adds its poll state, with the link's time (on the notification
     * clock) as its baseline, so a charge that completes after "Linked" and before the first poll is announced.
     */
    void onLinked(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountLinked event) {
        if (config.enabled()) {
            linkedAt.putIfAbsent(event.chatId(), clock.now());
        }
        accountsLinked.set(true);
        wake.polls().wake();
    }

    /**
     * Whether this tick looks for accounts without a poll state: after an account was linked here, and once a
     * minute for anything else (another instance's links, rows written by hand). It used to run every tick: with
     * 10,000 accounts a scan of all of them every second (issue 11).
     */
    private boolean newAccountsMayBeThere() {
        long now = System.nanoTime();
        if (accountsLinked.getAndSet(false) || now - lastAccountScan >= ACCOUNT_SCAN_EVERY.toNanos()) {
            lastAccountScan = now;
            accountScans.incrementAndGet();
            return true;
        }
        return false;
    }

    /**
     * One tick: claims due accounts as threads become free and submits them, until nothing is due (or a minute
     * has passed, so new accounts are noticed). Returns the chat ids submitted.
     */
    public List<Long> claimAndSubmit() throws InterruptedException {
        if (newAccountsMayBeThere()) {
            Map<Long, Instant> links = Map.copyOf(linkedAt);
            try {
                Tx.run(() -> {
                    pollStates.ensurePollStates(clock.now());
                    links.forEach(pollStates::baselineAtLink);
                    return null;
                });
                links.forEach(linkedAt::remove);
            } catch (RuntimeException e) {
                // another instance inserted the same row first: it is there now, and the next tick tries again
                accountsLinked.set(true);
                Log.debugf("poll_state rows not added this tick (%s)", e.getClass().getSimpleName());
            }
        }
        List<Long> submitted = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!gate.paused() && System.nanoTime() < end) {
            if (slots.availablePermits() == 0) {
                // wait for a thread to come free, then look again
                if (slots.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                    slots.release();
                }
                continue;
            }
            int free = slots.availablePermits();
            List<Long> due = claim(clock.now(), free);
            // what is due now (not a backlog that fills every free thread) starts spread over the tick
            long spacing = due.size() < free ? spacing(config.tick(), due.size()) : 0;
            for (int i = 0; i < due.size(); i++) {
                long chatId = due.get(i);
                if (i > 0 && spacing > 0) {
                    TimeUnit.NANOSECONDS.sleep(spacing);
                }
                if (inFlight.putIfAbsent(chatId, System.nanoTime()) != null) {
                    continue;
                }
                slots.acquireUninterruptibly();
                submitted.add(chatId);
                pool.execute(() -> {
                    try {
                        poller.poll(chatId);
                    } catch (RuntimeException e) {
                        Log.warnf("Chat %d: poll crashed (%s)", chatId, e.getClass().getSimpleName());
                    } finally {
                        inFlight.remove(chatId);
                        slots.release();
                    }
                });
            }
            if (due.size() < free) {
                break; // nothing more is due
            }
        }
        return submitted;
    }

    /** The polls of one tick are spread over at most this much, however long NOTIFY_TICK is. */
    static final Duration MAX_SPREAD = Duration.ofSeconds(1);

    /**
     * How far apart the polls of one tick start when {@code due} accounts are due at once: spread evenly over the
     * tick (at most {@link #MAX_SPREAD}, so a long NOTIFY_TICK neither delays polls nor keeps a pause or a shutdown
     * waiting), the first at once. All at the tick's start, the few polls of a quiet moment took both cores of a
     * small machine together and a reply made then waited for them (issue 11).
     */
    static long spacing(Duration tick, int due) {
        long spread = Math.min(tick.toNanos(), MAX_SPREAD.toNanos());
        return due <= 1 ? 0 : spread / due;
    }

    private List<Long> claim(Instant now, int limit) {
        return Tx.run(() -> pollStates.claimDueAccounts(instanceId, now, limit, bot.pollInterval(), config.claimTimeout()));
    }

    /** How long the oldest poll in flight has been running (zero when none runs). */
    Duration longestPollInFlight() {
        long now = System.nanoTime();
        return Duration.ofNanos(inFlight.values().stream().mapToLong(t -> now - t).max().orElse(0));
    }

    /** For tests: waits until no poll is running. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return NotifyGate.awaitUntil(inFlight::isEmpty, timeout);
    }
}
