package dev.podbot.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.podbot.IdleTick;
import dev.podbot.account.ChatReachable;

/**
 * Wakes the send and poll ticks ({@link IdleTick}) when work appears here: rows committed to the outbox, a chat
 * reachable again (its held rows are due), the ticks resumed after a pause.
 */
@ApplicationScoped
public class NotifyWake {

    private static final Object OUTBOX_KEY = new Object();

    private final IdleTick outbox = new IdleTick();
    private final IdleTick polls = new IdleTick();

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The send tick's rest (a method, not a field: callers hold the bean's client proxy). */
    IdleTick outbox() {
        return outbox;
    }

    /** The poll tick's rest. */
    IdleTick polls() {
        return polls;
    }

    /**
     * Wakes the send tick once the current transaction has committed (at once without one): a tick woken before
     * the commit would not see the rows yet and then rest. One wake-up per transaction, however many rows.
     */
    void outboxAfterCommit() {
        try {
            if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
                outbox.wake();
                return;
            }
            if (transactions.getResource(OUTBOX_KEY) != null) {
                return;
            }
            transactions.putResource(OUTBOX_KEY, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        outbox.wake();
                    }
                }
            });
        } catch (IllegalStateException e) {
            outbox.wake(); // no transaction to wait for
        }
    }

    /** A chat can be reached again: the rows held for it are due, and its account is polled again. */
    void onChatReachable(@Observes ChatReachable event) {
        outbox.wake();
        polls.wake();
    }

    /** After a pause, both ticks look at once. */
    void resumed() {
        outbox.wake();
        polls.wake();
    }
}
