package dev.podbot.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import dev.podbot.account.ChatAccount;
import io.quarkus.panache.common.Sort;

/**
 * Polling state of the linked accounts: which are due and who polls them ({@link PollStateRow}), and the detector's
 * memory ({@link PodStateRow}, {@link KnownChargeRow}). A successful poll is saved in one transaction together with
 * its notifications ({@link OutboxRepository}). Every method needs a transaction (callers use {@link Tx}).
 *
 * <p>Claims lock the due rows with {@code SELECT … FOR UPDATE SKIP LOCKED} (lock mode PESSIMISTIC_WRITE plus the
 * lock timeout {@value #SKIP_LOCKED}, which Hibernate renders as SKIP LOCKED on PostgreSQL and H2): two instances
 * on one PostgreSQL never get the same account. H2 locks every row matching the WHERE clause rather than only the
 * first {@code limit}; H2 is the single-instance database, so that only costs concurrency nobody needs.
 */
@ApplicationScoped
public class PollStateRepository {

    /** Completed charge ids kept per account; older ones are pruned (the baseline time protects them). */
    static final int KNOWN_KEEP = 200;

    /** The {@code jakarta.persistence.lock.timeout} value Hibernate turns into SKIP LOCKED. */
    static final int SKIP_LOCKED = -2;
    static final String LOCK_TIMEOUT = "jakarta.persistence.lock.timeout";

    @Inject
    OutboxRepository outbox;

    /** Adds poll_state rows for linked accounts that have none; they are due at once (the baseline poll). */
    public int ensurePollStates(Instant now) {
        // one set-based INSERT … SELECT … WHERE NOT EXISTS (HQL), rather than reading the missing ids and
        // persisting each: the same single statement as before
        return PollStateRow.getEntityManager().createQuery(
                "insert into PollStateRow (chatId, nextPollAt, failures, firstPollDone, pollCount, authSeq) "
                        + "select a.chatId, :now, 0, false, 0, 0 from ChatAccount a "
                        + "where not exists (select 1 from PollStateRow p where p.chatId = a.chatId)")
                .setParameter("now", now).executeUpdate();
    }

    /**
     * Sets the baseline of an account not polled yet to the moment it was linked: its first poll then announces the
     * charges that completed after the link (and only those). An account polled already keeps its baseline.
     */
    public void baselineAtLink(long chatId, Instant linkedAt) {
        PollStateRow.update("baselineAt = ?1 where chatId = ?2 and firstPollDone = false and baselineAt is null",
                linkedAt, chatId);
    }

    /**
     * Claims up to {@code limit} due, pollable accounts for this instance: locks them (skipping rows another
     * instance holds), moves next_poll_at to the account's next slot and records the claim. The caller commits
     * before polling.
     */
    public List<Long> claimDueAccounts(String instance, Instant now, int limit, Duration interval, Duration claimTtl) {
        // "exists" with the account's key rather than "chatId in (select ...)", which H2 re-runs for each row
        // while chat_account changes (as OutboxRepository.due)
        List<PollStateRow> due = PollStateRow.<PollStateRow>find("from PollStateRow p where p.nextPollAt <= ?1 "
                + "and (p.backoffUntil is null or p.backoffUntil <= ?1) "
                + "and (p.claimedUntil is null or p.claimedUntil <= ?1) and exists (select 1 from ChatAccount a "
                + "where a.chatId = p.chatId and a.status = ?2 and a.chatActive = true)",
                Sort.by("nextPollAt").and("chatId"), now, ChatAccount.Status.LINKED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint(LOCK_TIMEOUT, SKIP_LOCKED)
                .page(0, Math.max(1, limit)).list();
        for (PollStateRow p : due) {
            p.nextPollAt = PollSchedule.nextSlot(p.chatId, now, interval);
            p.claimedBy = instance;
            p.claimedUntil = now.plus(claimTtl);
        }
        return due.stream().map(p -> p.chatId).toList();
    }

    /**
     * When the next pollable account comes due (its slot, or the end of its backoff when later), null when there is
     * none; may be in the past (an account claimed by another instance, say).
     */
    public Instant earliestNextPoll() {
        return PollStateRow.getEntityManager().createQuery("select min(case when p.backoffUntil is not null "
                + "and p.backoffUntil > p.nextPollAt then p.backoffUntil else p.nextPollAt end) from PollStateRow p "
                + "where exists (select 1 from ChatAccount a where a.chatId = p.chatId and a.status = :s "
                + "and a.chatActive = true)", Instant.class)
                .setParameter("s", ChatAccount.Status.LINKED).getSingleResult();
    }

    /**
     * Gives back the accounts this instance was polling when it stopped (e.g. a kill -9), so a restart polls them
     * at once instead of after the claim timeout. Returns how many.
     */
    public int releasePollClaims(String instance) {
        return PollStateRow.update("claimedBy = null, claimedUntil = null where claimedBy = ?1", instance);
    }

    public AccountState loadAccountState(long chatId) {
        PollStateRow p = PollStateRow.findById(chatId);
        Map<Long, PodState> pods = new HashMap<>();
        for (PodStateRow row : PodStateRow.forChat(chatId)) {
            pods.put(row.unitId, row.toState());
        }
        // only the ids: up to ~250 per account, read on every poll
        Set<Long> known = new HashSet<>(KnownChargeRow.getEntityManager()
                .createQuery("select k.chargeId from KnownChargeRow k where k.chatId = :chat", Long.class)
                .setParameter("chat", chatId).getResultList());
        if (p == null) {
            return new AccountState(false, null, 0, pods, known, null, null);
        }
        return new AccountState(p.firstPollDone, p.baselineAt, p.pollCount, pods, known, p.scannedAt,
                p.apiGeneration);
    }

    /**
     * Saves a successful poll in the caller's transaction: the pods that changed, the newly seen charges, poll_state
     * (claim released) and the outbox rows. Returns how many notifications were queued.
     */
    public int saveSuccess(long chatId, AccountState prev, Detection d, Instant now, ZoneId zone) {
        for (PodState s : d.pods().values()) {
            if (s.equals(prev.pods().get(s.unitId()))) {
                continue;
            }
            PodStateRow row = prev.pods().containsKey(s.unitId())
                    ? PodStateRow.findById(new PodStateRow.Key(chatId, s.unitId())) : null;
            if (row == null) {
                row = new PodStateRow();
                row.chatId = chatId;
                row.unitId = s.unitId();
                row.setFrom(s);
                row.persist();
            } else {
                row.setFrom(s);
            }
        }
        if (!d.newlyCompleted().isEmpty()) {
            for (long id : d.newlyCompleted()) {
                KnownChargeRow.of(chatId, id, now).persist();
            }
            if (prev.knownCompleted().size() + d.newlyCompleted().size() > KNOWN_KEEP + 50) {
                pruneKnown(chatId);
            }
        }
        // one UPDATE, counters incremented by the database (the poll's hot path: no read of the row first)
        PollStateRow.update("firstPollDone = true, baselineAt = coalesce(baselineAt, ?1), pollCount = pollCount + 1, "
                + "failures = 0, backoffUntil = null, claimedBy = null, claimedUntil = null, lastPollAt = ?1, "
                + "scannedAt = ?2, apiGeneration = ?3 where chatId = ?4",
                now, d.scannedAt() == null ? now : d.scannedAt(), d.generation(), chatId);
        int queued = 0;
        if (!d.events().isEmpty()) {
            NotifyPrefs prefs = NotifyPrefsRow.of(chatId);
            for (Notification n : d.events()) {
                if (outbox.enqueue(chatId, n, prefs, now, zone)) {
                    queued++;
                }
            }
        }
        return queued;
    }

    /** Keeps the newest {@link #KNOWN_KEEP} known charges of the account. */
    private static void pruneKnown(long chatId) {
        List<KnownChargeRow> all = KnownChargeRow.list("chatId", Sort.by("seenAt").and("chargeId"), chatId);
        if (all.size() <= KNOWN_KEEP) {
            return;
        }
        List<Long> oldest = all.subList(0, all.size() - KNOWN_KEEP).stream().map(k -> k.chargeId).toList();
        KnownChargeRow.delete("chatId = ?1 and chargeId in ?2", chatId, oldest);
    }

    /** A failed poll: exponential backoff for this account only, claim released. Returns the backoff. */
    public Duration saveFailure(long chatId, Instant now, Duration interval, Duration max) {
        PollStateRow p = PollStateRow.findById(chatId, LockModeType.PESSIMISTIC_WRITE);
        int failures = (p == null ? 0 : p.failures) + 1;
        Duration backoff = PollSchedule.backoff(failures, interval, max);
        if (p != null) {
            p.failures = failures;
            p.backoffUntil = now.plus(backoff);
            p.releaseClaim();
            p.lastPollAt = now;
        }
        return backoff;
    }

    /** Pod Point rejected the saved sign-in: one outbox row per episode (auth_seq) and the claim released. */
    public boolean saveAuthFailure(long chatId, Instant now, ZoneId zone) {
        PollStateRow p = PollStateRow.findById(chatId, LockModeType.PESSIMISTIC_WRITE);
        int seq = 0;
        if (p != null) {
            p.authSeq++;
            p.releaseClaim();
            p.lastPollAt = now;
            seq = p.authSeq;
        }
        Notification n = new Notification(EventKind.SIGN_IN_FAILED, "signin:" + chatId + ":" + seq,
                NotificationTexts.signInFailed());
        return outbox.enqueue(chatId, n, now, zone);
    }
}
