package dev.podbot.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.podbot.BackgroundTicks;
import dev.podbot.account.AccountService;
import dev.podbot.command.Button;
import dev.podbot.command.ChatTransport;
import dev.podbot.command.ChatTransport.ChatUnreachableException;
import dev.podbot.command.ChatTransport.DeliveryFailedException;
import dev.podbot.command.Reply;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Delivers outbox rows, exactly once as far as a crash allows.
 *
 * <p>Per row: (1) a committed transaction takes the row, and only that row, just before its send
 * ({@code PENDING → SENDING, claimed_by = instance}; a conditional UPDATE, so of two instances only one wins);
 * (2) the message goes out through the chat's transport (the highest {@link ChatTransport#priority()} among the
 * ready ones that handle the chat); (3) a committed transaction sets {@code SENT}. A crash between (1) and (3)
 * leaves that one row SENDING: it was very probably delivered (or the send was in flight) and it is <b>never sent
 * again</b> — a possible loss of that one message, never a repeat. Rows not yet taken stay PENDING and go out
 * after a restart. Nothing else ever moves a row out of SENDING, so two instances cannot send the same row.
 *
 * <p>Only an instance that can deliver takes rows: when no transport for the chat is ready (Telegram switched
 * off, or not connected yet just after start-up) the rows stay PENDING for an instance that can, and no attempt
 * is counted. Outcomes of (2): {@link ChatUnreachableException} (the user blocked the bot) puts the row back to
 * PENDING without counting an attempt and marks the chat unreachable: its rows are held and polling stops until
 * the user writes again. {@link DeliveryFailedException} (or any other exception) puts the row back with
 * exponential backoff (10 s × 2^attempts, at most 30 min); after {@code NOTIFY_MAX_ATTEMPTS} it becomes FAILED.
 * Rows of one chat are sent in order by one thread; chats go in parallel.
 */
@ApplicationScoped
public class OutboxSender {

    static final Duration RETRY_BASE = Duration.ofSeconds(10);
    static final Duration RETRY_MAX = Duration.ofMinutes(30);

    @Inject
    OutboxRepository outbox;

    @Inject
    NotifyConfig config;

    @Inject
    BackgroundTicks ticks;

    @Inject
    NotifyClock clock;

    @Inject
    NotifyGate gate;

    @Inject
    AccountService accounts;

    @Inject
    Instance<ChatTransport> transports;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    @Inject
    NotifyInstance instance;

    @Inject
    Instance<OutboxRenderer> renderers;

    @Inject
    NotifyWake wake;

    private String instanceId;
    private ExecutorService pool;
    private final AtomicLong pending = new AtomicLong();
    /** Whether the last batch saw due rows it did not take (see {@link #tick}). */
    private volatile boolean leftDueRows;
    /** Thread id → System.nanoTime() when its current send started. */
    private final Map<Long, Long> sending = new java.util.concurrent.ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        instanceId = instance.id();
        pool = dev.podbot.DaemonThreads.fixedPool("podbot-send", config.sendThreads());
        Gauge.builder("podbot.notifications.pending", pending, AtomicLong::get)
                .description("Notifications waiting to be sent").register(registry);
    }

    /** SIGTERM, after the gate closed (no tick runs any more): the delivery pool stops. */
    void onStop(@Observes @Priority(2) ShutdownEvent event) throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(NotifyGate.STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        stop();
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** The send tick runs every NOTIFY_TICK at its own point of it ({@link BackgroundTicks}). */
    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            ticks.every("send", config.tick(), BackgroundTicks.SEND_PHASE, this::tick);
        }
    }

    /**
     * Sends what is due, batch after batch; then rests ({@link IdleTick}) until rows are committed here, a chat is
     * reachable again, or the earliest pending row comes due. Due rows left behind (no transport here reaches
     * their chat, or another instance is sending them) are looked at again on the next tick.
     */
    void tick() {
        if (!gate.enter()) {
            return;
        }
        try {
            if (!wake.outbox().shouldLook(clock.now())) {
                return;
            }
            int sent;
            do {
                sent = sendDue(instanceId);
            } while (sent >= config.sendBatch());
            if (leftDueRows) {
                wake.outbox().lookNextTick();
            } else {
                wake.outbox().nextLookAt(clock.now(), Tx.run(outbox::earliestPendingDue));
            }
        } catch (RuntimeException e) {
            wake.outbox().lookNextTick();
            Log.warnf("Send tick failed (%s)", e.getClass().getSimpleName());
        } finally {
            gate.exit();
        }
    }

    /**
     * Delivers one batch of due rows as {@code instance}; returns how many rows this instance took (0 when none
     * was due, none could be delivered from here, or another instance took them first).
     */
    public int sendDue(String instance) {
        return sendDue(instance, config.sendBatch());
    }

    /** As {@link #sendDue(String)} with another batch size. */
    public int sendDue(String instance, int batch) {
        if (transports.stream().noneMatch(ChatTransport::ready)) {
            leftDueRows = true;
            return 0; // nothing can go out from here (yet): leave the rows to an instance that can deliver
        }
        Instant now = clock.now();
        List<OutboxRow> rows = Tx.run(() -> outbox.due(now, batch));
        Map<Long, List<OutboxRow>> byChat = new LinkedHashMap<>();
        for (OutboxRow r : rows) {
            byChat.computeIfAbsent(r.chatId(), k -> new ArrayList<>()).add(r);
        }
        List<Future<Integer>> futures = new ArrayList<>();
        for (List<OutboxRow> chatRows : byChat.values()) {
            futures.add(pool.submit(() -> deliverChat(instance, chatRows)));
        }
        int taken = 0;
        for (Future<Integer> f : futures) {
            try {
                taken += f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                Log.warnf("Delivery task failed (%s)", e.getCause().getClass().getSimpleName());
            }
        }
        leftDueRows = taken < rows.size();
        refreshPending();
        return taken;
    }

    void refreshPending() {
        try {
            pending.set(Tx.run(outbox::countPending));
        } catch (RuntimeException e) {
            // keep the last value
        }
    }

    /** How long the oldest send in flight has been running (zero when none runs). */
    Duration longestSendInFlight() {
        long now = System.nanoTime();
        return Duration.ofNanos(sending.values().stream().mapToLong(t -> now - t).max().orElse(0));
    }

    public long pendingCount() {
        return pending.get();
    }

    /** Sends one chat's rows in order, each taken just before its send; returns how many were taken. */
    private int deliverChat(String instance, List<OutboxRow> rows) {
        ChatTransport transport = transportFor(rows.get(0).chatId()).orElse(null);
        if (transport == null) {
            return 0; // no ready transport reaches this chat from here: the rows wait, no attempt counted
        }
        int taken = 0;
        for (OutboxRow row : rows) {
            if (gate.stopping()) {
                return taken; // shutting down: the rest stay PENDING for the next start
            }
            Instant startedAt = clock.now();
            if (!Tx.run(() -> outbox.startSending(row.id(), instance, startedAt))) {
                return taken; // another instance is sending this chat's rows: leave it the rest, in order
            }
            taken++;
            long thread = Thread.currentThread().getId();
            sending.put(thread, System.nanoTime());
            try {
                transport.deliver(row.chatId(), reply(row));
            } catch (ChatUnreachableException e) {
                Tx.run(() -> {
                    outbox.release(row.id(), null);
                    accounts.markChatUnreachable(row.chatId());
                    return null;
                });
                registry.counter("podbot.notifications.failed", "reason", "unreachable").increment();
                return taken;
            } catch (RuntimeException e) {
                // DeliveryFailedException, or anything unexpected: the message was not delivered
                retryLater(row, e);
                continue;
            } finally {
                sending.remove(thread);
            }
            Instant sentAt = clock.now();
            Tx.run(() -> {
                outbox.markSent(row.id(), sentAt);
                return null;
            });
            registry.counter("podbot.notifications.sent", "kind", row.kind()).increment();
        }
        return taken;
    }

    private void retryLater(OutboxRow row, RuntimeException e) {
        int attempts = row.attempts() + 1;
        boolean giveUp = attempts >= config.maxAttempts();
        Tx.run(() -> {
            if (giveUp) {
                outbox.markFailed(row.id());
            } else {
                outbox.release(row.id(), clock.now().plus(retryDelay(attempts)));
            }
            return null;
        });
        registry.counter("podbot.notifications.failed", "reason", giveUp ? "gave_up" : "retry").increment();
        Log.warnf("Chat %d: notification %d not delivered (%s), %s", row.chatId(), row.id(),
                e.getClass().getSimpleName(), giveUp ? "giving up" : "will retry");
    }

    static Duration retryDelay(int attempts) {
        long ms = RETRY_BASE.toMillis() << Math.min(Math.max(0, attempts - 1), 16);
        return Duration.ofMillis(Math.min(ms, RETRY_MAX.toMillis()));
    }

    /** The ready transport that reaches the chat (highest priority first), if any. */
    Optional<ChatTransport> transportFor(long chatId) {
        return transports.stream().filter(t -> t.ready() && t.handles(chatId))
                .max(Comparator.comparingInt(ChatTransport::priority));
    }

    Reply reply(OutboxRow row) {
        for (OutboxRenderer r : renderers) {
            if (r.handles(row.kind())) {
                return r.render(row.chatId(), row.body());
            }
        }
        List<List<Button>> buttons = List.of();
        if (row.buttons() != null && !row.buttons().isBlank()) {
            try {
                buttons = json.readValue(row.buttons(), new TypeReference<List<List<Button>>>() {
                });
            } catch (Exception e) {
                buttons = List.of();
            }
        }
        return Reply.of(row.body(), buttons);
    }
}
