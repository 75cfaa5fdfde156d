package dev.podbot.receipt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.podbot.BackgroundTicks;
import dev.podbot.IdleTick;
import dev.podbot.BotConfig;
import dev.podbot.account.AccountService;
import dev.podbot.command.ChatTransport;
import dev.podbot.command.Formats;
import dev.podbot.command.Reply;
import dev.podbot.notify.NotifyClock;
import dev.podbot.notify.NotifyConfig;
import dev.podbot.notify.NotifyGate;
import dev.podbot.notify.NotifyInstance;
import dev.podbot.podpoint.PodPointClient;
import dev.podbot.podpoint.PodPointSession;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Pod;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Follows the change receipts on the notification tick: claims the receipts that are due (a claim per row, so two
 * instances never read for the same one), reads each account with something in flight once (its pods, and the live
 * status of each watched charger), moves every receipt on with the {@link StageMachine} and edits its message in
 * place when the words changed. An account with nothing in flight costs no Pod Point call at all.
 */
@ApplicationScoped
public class ReceiptWatcher {

    /** Accounts read at once. */
    static final int THREADS = 2;
    /** How long a claim holds when an instance dies mid-check. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    /** Finished receipts stay this long ("Check again"), then go. */
    static final Duration KEEP = Duration.ofDays(1);

    @Inject
    NotifyClock clock;

    @Inject
    BotConfig config;

    @Inject
    PodPointClient podPoint;

    @Inject
    AccountService accounts;

    @Inject
    Instance<ChatTransport> transports;

    @Inject
    NotifyInstance instance;

    @Inject
    NotifyGate gate;

    @Inject
    ReceiptService receipts;

    @Inject
    NotifyConfig notify;

    @Inject
    BackgroundTicks ticks;

    private ExecutorService pool;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private volatile Instant lastCleanup = Instant.EPOCH;
    private final IdleTick idle = new IdleTick();

    @PostConstruct
    void init() {
        pool = dev.podbot.DaemonThreads.fixedPool("podbot-receipts", THREADS);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /**
     * On the notification tick, but also when NOTIFY_ENABLED=false: a receipt is part of the reply to a command,
     * not a notification.
     */
    void onStart(@Observes StartupEvent event) {
        ticks.every("receipt", notify.tick(), BackgroundTicks.RECEIPT_PHASE, this::tick);
    }

    void tick() {
        if (gate.paused() || gate.stopping()) {
            return;
        }
        try {
            if (!idle.shouldLook(clock.now())) {
                return; // nothing to follow before the earliest receipt's next check (IdleTick)
            }
            submitDue();
            idle.nextLookAt(clock.now(), QuarkusTransaction.requiringNew().call(() -> ReceiptWatch.getEntityManager()
                    .createQuery("select min(w.nextCheckAt) from ReceiptWatch w where w.done = false "
                            + "and w.messageId is not null", Instant.class).getSingleResult()));
        } catch (RuntimeException e) {
            idle.lookNextTick();
            Log.warnf("Receipt tick failed (%s)", e.getClass().getSimpleName());
        }
    }

    /** How long the tick rests unless woken (zero: it looks next tick). */
    public Duration restingFor() {
        return idle.restingFor(clock.now());
    }

    /** A receipt was shown, started again or superseded (committed): the next tick looks at once. */
    void wake() {
        idle.wake();
    }

    /** Claims the due receipts and hands each account's to a thread; returns the chat ids submitted. */
    public List<Long> submitDue() {
        Instant now = clock.now();
        cleanup(now);
        Map<Long, List<Long>> byChat = claimDue(now);
        List<Long> submitted = new ArrayList<>();
        byChat.forEach((chat, ids) -> {
            if (!inFlight.add(chat)) {
                release(ids);
                return;
            }
            submitted.add(chat);
            pool.execute(() -> {
                try {
                    check(chat, ids);
                } catch (RuntimeException e) {
                    Log.warnf("Chat %d: receipt check crashed (%s)", chat, e.getClass().getSimpleName());
                    later(ids, clock.now().plus(StageMachine.SLOW));
                } finally {
                    inFlight.remove(chat);
                }
            });
        });
        return submitted;
    }

    /** Due receipts whose message is known, claimed for this instance, by chat. */
    private Map<Long, List<Long>> claimDue(Instant now) {
        String me = instance.id();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ReceiptWatch> due = ReceiptWatch.find("done = false and messageId is not null and nextCheckAt <= ?1 "
                    + "and (claimedUntil is null or claimedUntil < ?1) order by nextCheckAt", now).page(0, 100).list();
            Map<Long, List<Long>> out = new LinkedHashMap<>();
            for (ReceiptWatch w : due) {
                int n = ReceiptWatch.update("claimedBy = ?1, claimedUntil = ?2 where id = ?3 and (claimedUntil is null "
                        + "or claimedUntil < ?4)", me, now.plus(CLAIM), w.id, now);
                if (n == 1) {
                    out.computeIfAbsent(w.chatId, k -> new ArrayList<>()).add(w.id);
                }
            }
            return out;
        });
    }

    private void release(List<Long> ids) {
        try {
            QuarkusTransaction.requiringNew().run(() -> ReceiptWatch.update(
                    "claimedBy = null, claimedUntil = null where id in ?1", ids));
        } catch (RuntimeException e) {
            Log.debugf("Receipt claims not released (%s); they run out", e.getClass().getSimpleName());
        }
    }

    /** After a crash: released, and not tried again before {@code at} (never a read per tick). */
    private void later(List<Long> ids, Instant at) {
        try {
            QuarkusTransaction.requiringNew().run(() -> ReceiptWatch.update(
                    "claimedBy = null, claimedUntil = null, nextCheckAt = ?1 where id in ?2", at, ids));
        } catch (RuntimeException e) {
            Log.debugf("Receipt claims not released (%s); they run out", e.getClass().getSimpleName());
        }
    }

    /** Reads the account once for its receipts, moves them on, edits their messages. */
    @ActivateRequestContext
    void check(long chatId, List<Long> ids) {
        List<ReceiptWatch> watches = QuarkusTransaction.requiringNew().call(
                () -> ReceiptWatch.<ReceiptWatch>list("id in ?1", ids));
        Instant now = clock.now();
        Map<Long, Reading> readings = watches.stream().anyMatch(w -> !w.stage.isFinal())
                ? read(chatId, watches.stream().filter(w -> !w.stage.isFinal()).map(w -> w.unitId).distinct().toList())
                : Map.of();
        Duration timeout = config.confirmTimeout();
        Optional<ChatTransport> transport = transport(chatId);
        for (ReceiptWatch w : watches) {
            Progress before = w.progress();
            Progress after = before.stage().isFinal() ? before
                    : StageMachine.advance(Target.decode(w.target), before, readings.get(w.unitId), now,
                            Formats.zone(w.zone), timeout);
            w.progress(after);
            Reply reply = receipts.render(w);
            String fp = ReceiptService.fingerprint(reply);
            boolean shown = fp.equals(w.shown);
            boolean gone = transport.isEmpty(); // no front end reaches this chat any more: nothing to edit
            if (!shown && transport.isPresent()) {
                try {
                    if (transport.get().edit(chatId, w.messageId, reply)) {
                        shown = true;
                    } else {
                        gone = true;
                    }
                } catch (ChatTransport.ChatUnreachableException e) {
                    gone = true;
                } catch (RuntimeException e) {
                    Log.infof("Chat %d: receipt %d not edited for now (%s)", chatId, w.id, e.getClass().getSimpleName());
                }
            }
            boolean finished = gone || after.stage().isFinal() && shown;
            Instant next = finished ? now : after.stage().isFinal() ? now.plus(StageMachine.FAST)
                    : StageMachine.nextCheck(after, now, timeout);
            String fpShown = shown ? fp : w.shown;
            save(w.id, before, after, finished, next, fpShown);
            if (before.stage() != after.stage()) {
                Log.debugf("Chat %d: receipt %d %s -> %s", chatId, w.id, before.stage(), after.stage());
            }
        }
    }

    /**
     * Stores a check's outcome in one conditional update: not when a newer change superseded the receipt meanwhile
     * (superseded wins; its edit comes next tick) nor when "Check again" started a new round (its round wins).
     */
    private void save(long id, Progress before, Progress p, boolean done, Instant next, String shown) {
        QuarkusTransaction.requiringNew().run(() -> {
            String set = "stage = ?1, confirmedAt = ?2, effectAt = ?3, effect = ?4, endedAt = ?5, offline = ?6, "
                    + "lastSeenAt = ?7, checks = ?8, done = ?9, nextCheckAt = ?10, shown = ?11, claimedBy = null, "
                    + "claimedUntil = null where id = ?12 and watchFrom = ?13";
            int n = p.stage() == Stage.SUPERSEDED
                    ? ReceiptWatch.update(set, p.stage(), p.confirmedAt(), p.effectAt(), p.effect(), p.endedAt(),
                            p.offline(), p.lastSeen(), p.checks(), done, next, shown, id, before.watchFrom())
                    : ReceiptWatch.update(set + " and stage <> ?14", p.stage(), p.confirmedAt(), p.effectAt(),
                            p.effect(), p.endedAt(), p.offline(), p.lastSeen(), p.checks(), done, next, shown, id,
                            before.watchFrom(), Stage.SUPERSEDED);
            if (n == 0) {
                ReceiptWatch.update("claimedBy = null, claimedUntil = null where id = ?1", id);
            }
        });
    }

    /**
     * One read of the account: its pods, then the live status of each watched charger (Pod Home pods carry it).
     * A failed read gives no reading (the receipt waits, and times out in the end); a charger missing from a good
     * read is gone.
     */
    Map<Long, Reading> read(long chatId, List<Long> units) {
        Map<Long, Reading> out = new HashMap<>();
        try {
            PodPointSession session = accounts.session(chatId).orElse(null);
            if (session == null) {
                return out;
            }
            List<Pod> pods = podPoint.allPods(session, PodPointClient.POLL_INCLUDES);
            for (long unit : units) {
                Pod pod = pods == null ? null : pods.stream().filter(p -> p != null && p.unitId() == unit).findFirst()
                        .orElse(null);
                if (pod == null) {
                    out.put(unit, Reading.gone());
                    continue;
                }
                ConnectivityStatus live = pod.live();
                if (live == null) {
                    try {
                        live = podPoint.connectivity(session, pod);
                    } catch (RuntimeException e) {
                        Log.debugf("Chat %d: live status not read (%s)", chatId, e.getClass().getSimpleName());
                    }
                }
                out.put(unit, new Reading(pod, live));
            }
        } catch (RuntimeException e) {
            Log.infof("Chat %d: receipt read failed (%s); trying again later", chatId, e.getClass().getSimpleName());
        }
        return out;
    }

    private Optional<ChatTransport> transport(long chatId) {
        return transports.stream().filter(t -> t.handles(chatId)).max(Comparator.comparingInt(ChatTransport::priority));
    }

    /** Finished receipts older than a day, and receipts whose message was never sent, go. */
    private void cleanup(Instant now) {
        if (Duration.between(lastCleanup, now).compareTo(Duration.ofMinutes(1)) < 0 && !lastCleanup.isAfter(now)) {
            return;
        }
        lastCleanup = now;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ReceiptWatch.delete("done = true and watchFrom < ?1", now.minus(KEEP));
                ReceiptWatch.delete("messageId is null and sentAt < ?1",
                        now.minus(config.confirmTimeout()).minus(Duration.ofMinutes(5)));
            });
        } catch (RuntimeException e) {
            Log.debugf("Receipt cleanup failed (%s)", e.getClass().getSimpleName());
        }
    }

    /** For tests: waits until no check is running. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return NotifyGate.awaitUntil(inFlight::isEmpty, timeout);
    }
}
