package dev.podbot.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import dev.podbot.podpoint.PodPointClient;
import dev.podbot.podpoint.PodPointSession;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Links chats to Pod Point accounts and hands out each account's live {@link PodPointSession}. Credentials are
 * encrypted before they reach the database and decrypted only here. Sessions are cached per chat; when Pod Point
 * issues new tokens, the new refresh token is saved (encrypted), so a restart does not need the password again.
 */
@ApplicationScoped
public class AccountService {

    @Inject
    Event<AccountLinked> linked;

    @Inject
    Event<ChatReachable> reachable;

    @Inject
    CredentialCipher cipher;

    @Inject
    PodPointClient podPoint;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * How long this instance trusts having seen a chat LINKED and active without reading the database again. Every
     * change made here forgets it at once; a change made by another instance (its poller or outbox) is seen within
     * this time. Telegram's "blocked" and "unblocked" updates are always read and written, so a chat another
     * instance found blocked becomes active again as soon as its user unblocks the bot.
     */
    static final Duration KNOWN_ACTIVE_FOR = Duration.ofMinutes(5);
    static final int KNOWN_ACTIVE_MAX = 100_000;

    private final Map<Long, PodPointSession> sessions = new ConcurrentHashMap<>();
    /** Chat id to the System.nanoTime() at which the chat was read (or written) as LINKED and active. */
    private final Map<Long, Long> knownActive = new ConcurrentHashMap<>();

    public Optional<ChatAccount> find(long chatId) {
        return Optional.ofNullable(ChatAccount.findById(chatId));
    }

    /**
     * True when this instance read or wrote the chat as LINKED and active within {@link #KNOWN_ACTIVE_FOR}: the
     * reply path then needs no database read (issue 11: each update's read competed with the outbox's writes).
     */
    public boolean knownLinkedAndActive(long chatId) {
        Long at = knownActive.get(chatId);
        return at != null && System.nanoTime() - at < KNOWN_ACTIVE_FOR.toNanos();
    }

    /**
     * Forgets that the chat was seen active, now and again when the surrounding transaction ends (a reader in
     * between may have remembered the state this transaction is replacing).
     */
    private void forgetActive(long chatId) {
        knownActive.remove(chatId);
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    knownActive.remove(chatId);
                }
            });
        } catch (IllegalStateException e) {
            // no transaction: removed above
        }
    }

    /** Remembers what was just read (committed) for {@link #knownLinkedAndActive}. */
    public void remember(ChatAccount a) {
        if (a == null) {
            return;
        }
        if (a.status == ChatAccount.Status.LINKED && a.chatActive) {
            if (knownActive.size() >= KNOWN_ACTIVE_MAX) {
                long now = System.nanoTime();
                knownActive.values().removeIf(at -> now - at >= KNOWN_ACTIVE_FOR.toNanos());
                if (knownActive.size() >= KNOWN_ACTIVE_MAX) {
                    return;
                }
            }
            knownActive.put(a.chatId, System.nanoTime());
        } else {
            knownActive.remove(a.chatId);
        }
    }

    public boolean isLinked(long chatId) {
        return find(chatId).isPresent();
    }

    /**
     * Saves (or replaces) the chat's account after a successful sign-in, and caches its session.
     */
    @Transactional
    public ChatAccount link(long chatId, long telegramUserId, PodPointSession session) {
        forgetActive(chatId);
        ChatAccount a = ChatAccount.findById(chatId);
        Instant now = Instant.now();
        if (a == null) {
            a = new ChatAccount();
            a.chatId = chatId;
            a.linkedAt = now;
        }
        a.telegramUserId = telegramUserId;
        a.emailEnc = cipher.encrypt(session.email(), ChatAccount.aad("email", chatId));
        a.passwordEnc = cipher.encrypt(session.password(), ChatAccount.aad("password", chatId));
        a.refreshTokenEnc = cipher.encrypt(session.refreshToken(), ChatAccount.aad("refresh_token", chatId));
        a.podpointUserId = session.userId();
        a.apiGeneration = session.generation() == null ? null : session.generation().wire();
        a.generationCheckedAt = session.generationCheckedAt();
        a.status = ChatAccount.Status.LINKED;
        a.chatActive = true;
        a.updatedAt = now;
        a.persist();
        watch(chatId, session);
        sessions.put(chatId, session);
        linked.fire(new AccountLinked(chatId));
        Log.infof("Chat %d linked a Pod Point account", chatId);
        return a;
    }

    /** Deletes the chat's account and (through foreign keys) every stored row about it. */
    @Transactional
    public boolean unlink(long chatId) {
        sessions.remove(chatId);
        forgetActive(chatId);
        boolean deleted = ChatAccount.deleteById(chatId);
        if (deleted) {
            Log.infof("Chat %d unlinked its Pod Point account", chatId);
        }
        return deleted;
    }

    /** The decrypted credentials of a chat. */
    public Optional<Credentials> credentials(long chatId) {
        return find(chatId).map(this::decrypt);
    }

    Credentials decrypt(ChatAccount a) {
        return new Credentials(
                cipher.decrypt(a.emailEnc, ChatAccount.aad("email", a.chatId)),
                cipher.decrypt(a.passwordEnc, ChatAccount.aad("password", a.chatId)),
                cipher.decrypt(a.refreshTokenEnc, ChatAccount.aad("refresh_token", a.chatId)),
                a.podpointUserId);
    }

    /**
     * The chat's Pod Point session: cached, or resumed from the stored refresh token without a new sign-in.
     */
    public Optional<PodPointSession> session(long chatId) {
        PodPointSession cached = sessions.get(chatId);
        if (cached != null) {
            return Optional.of(cached);
        }
        return find(chatId).map(a -> sessions.computeIfAbsent(chatId, id -> {
            Credentials c = decrypt(a);
            PodPointSession s = podPoint.resume(c.email(), c.password(), c.refreshToken(), c.podpointUserId());
            s.restoreGeneration(dev.podbot.podpoint.ApiGeneration.parse(a.apiGeneration), a.generationCheckedAt);
            watch(chatId, s);
            return s;
        }));
    }

    /** Pod Point no longer accepts the saved sign-in: pause polling until the user runs /login. */
    @Transactional
    public void markAuthFailed(long chatId) {
        sessions.remove(chatId);
        forgetActive(chatId);
        ChatAccount a = ChatAccount.findById(chatId);
        if (a != null && a.status != ChatAccount.Status.AUTH_FAILED) {
            a.status = ChatAccount.Status.AUTH_FAILED;
            a.updatedAt = Instant.now();
        }
    }

    /** The user blocked the bot (Telegram 403): stop polling and sending until they write again. */
    @Transactional
    public void markChatUnreachable(long chatId) {
        forgetActive(chatId);
        ChatAccount a = ChatAccount.findById(chatId);
        if (a != null && a.chatActive) {
            a.chatActive = false;
            a.updatedAt = Instant.now();
            Log.infof("Chat %d blocked the bot; polling paused", chatId);
        }
    }

    /**
     * The user wrote again: the chat is reachable. No database work when this instance saw the chat linked and
     * active moments ago ({@link #knownLinkedAndActive}).
     */
    public void markChatActive(long chatId) {
        if (!knownLinkedAndActive(chatId)) {
            reactivate(chatId);
        }
    }

    /** The chat is reachable (the user unblocked the bot, or wrote): always read and, if needed, written. */
    public void reactivate(long chatId) {
        boolean[] changed = {false};
        ChatAccount a = QuarkusTransaction.requiringNew().call(() -> {
            ChatAccount row = ChatAccount.findById(chatId);
            if (row != null && !row.chatActive) {
                row.chatActive = true;
                row.updatedAt = Instant.now();
                changed[0] = true;
            }
            return row;
        });
        remember(a);
        if (changed[0]) {
            reachable.fire(new ChatReachable(chatId)); // committed: its held notifications can go now
        }
    }

    /** Chats whose accounts should be polled. */
    public List<Long> pollableChatIds() {
        return ChatAccount.getEntityManager()
                .createQuery("select a.chatId from ChatAccount a where a.status = :s and a.chatActive = true order by a.chatId",
                        Long.class)
                .setParameter("s", ChatAccount.Status.LINKED).getResultList();
    }

    /** Drops a cached session (e.g. after Pod Point rejected it). */
    public void forgetSession(long chatId) {
        sessions.remove(chatId);
    }

    private void watch(long chatId, PodPointSession session) {
        session.onTokensChanged(s -> saveRefreshToken(chatId, s.refreshToken(), s.userId()));
        session.onGenerationChanged(s -> saveGeneration(chatId, s));
    }

    /** Stores the account's discovered API generation (in its own transaction: discovery runs mid-command). */
    void saveGeneration(long chatId, PodPointSession session) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ChatAccount a = ChatAccount.findById(chatId);
                if (a != null) {
                    a.apiGeneration = session.generation() == null ? null : session.generation().wire();
                    a.generationCheckedAt = session.generationCheckedAt();
                }
            });
        } catch (RuntimeException e) {
            Log.warnf("Could not save the API generation of chat %d (%s)", chatId, e.getClass().getSimpleName());
        }
    }

    void saveRefreshToken(long chatId, String refreshToken, String userId) {
        if (refreshToken == null) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ChatAccount a = ChatAccount.findById(chatId);
                if (a != null) {
                    a.refreshTokenEnc = cipher.encrypt(refreshToken, ChatAccount.aad("refresh_token", chatId));
                    if (userId != null) {
                        a.podpointUserId = userId;
                    }
                    a.updatedAt = Instant.now();
                }
            });
        } catch (RuntimeException e) {
            Log.warnf("Could not save the new Pod Point token of chat %d (%s)", chatId, e.getClass().getSimpleName());
        }
    }
}
