package dev.podbot.podpoint;

import java.time.Instant;
import java.util.Objects;

/**
 * One Pod Point account's sign-in state: credentials, Firebase tokens and the Pod Point user id. Thread-safe;
 * {@link #toString()} never shows a secret. A listener learns when tokens change, so the refresh token can be
 * stored (encrypted) and survive restarts.
 */
public final class PodPointSession {

    /** Told whenever the tokens change (sign-in or refresh). */
    @FunctionalInterface
    public interface TokenListener {
        void tokensChanged(PodPointSession session);
    }

    private final String email;
    private final String password;
    private volatile String idToken;
    private volatile String refreshToken;
    private volatile Instant expiresAt;
    private volatile String userId;
    private volatile TokenListener listener;
    private volatile ApiGeneration generation;
    private volatile Instant generationCheckedAt;
    private volatile GenerationListener generationListener;
    private final java.util.Map<String, Support> features = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Instant> unsupportedSince = new java.util.concurrent.ConcurrentHashMap<>();

    /** An "unsupported" answer is tried again after this long (Pod Point rolls features out over time). */
    public static final java.time.Duration RETRY_UNSUPPORTED = java.time.Duration.ofHours(1);

    /** Told when discovery settles on a generation, so it is stored with the account. */
    @FunctionalInterface
    public interface GenerationListener {
        void generationChanged(PodPointSession session);
    }

    /** Whether a feature works for this account or one of its chargers (API doc §10.19). */
    public enum Support { SUPPORTED, UNSUPPORTED, UNKNOWN }

    public PodPointSession(String email, String password) {
        this.email = Objects.requireNonNull(email, "email");
        this.password = Objects.requireNonNull(password, "password");
    }

    public String email() {
        return email;
    }

    public String password() {
        return password;
    }

    public String idToken() {
        return idToken;
    }

    public String refreshToken() {
        return refreshToken;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String userId() {
        return userId;
    }

    public synchronized void updateTokens(String idToken, String refreshToken, Instant expiresAt) {
        this.idToken = idToken;
        if (refreshToken != null) {
            this.refreshToken = refreshToken;
        }
        this.expiresAt = expiresAt;
        TokenListener l = listener;
        if (l != null) {
            l.tokensChanged(this);
        }
    }

    public void userId(String userId) {
        this.userId = userId;
    }

    /** Restores a refresh token without an id token (after a restart). */
    public synchronized void restoreRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
        this.idToken = null;
        this.expiresAt = null;
    }

    /** True when the id token is missing or expires within the margin. */
    public boolean needsRefresh(Instant now, java.time.Duration margin) {
        Instant exp = expiresAt;
        return idToken == null || exp == null || !now.plus(margin).isBefore(exp);
    }

    /** The account's API generation, or null until discovered. */
    public ApiGeneration generation() {
        return generation;
    }

    public Instant generationCheckedAt() {
        return generationCheckedAt;
    }

    /** Records a discovery result; the listener hears about it. A new generation forgets every feature answer. */
    public void generation(ApiGeneration generation, Instant checkedAt) {
        if (generation != this.generation) {
            features.clear();
            unsupportedSince.clear();
        }
        this.generation = generation;
        this.generationCheckedAt = checkedAt;
        GenerationListener l = generationListener;
        if (l != null) {
            l.generationChanged(this);
        }
    }

    /** Restores a stored generation (after a restart) without telling the listener. */
    public void restoreGeneration(ApiGeneration generation, Instant checkedAt) {
        this.generation = generation;
        this.generationCheckedAt = checkedAt;
    }

    /** Marks the generation as due for discovery (after a 404/410 from an account-level call). */
    public void generationStale() {
        this.generationCheckedAt = null;
    }

    public void onGenerationChanged(GenerationListener listener) {
        this.generationListener = listener;
    }

    /** {@code key} is "feature" or "feature:PPID". UNSUPPORTED turns back to UNKNOWN after an hour. */
    public Support feature(String key) {
        Support s = features.getOrDefault(key, Support.UNKNOWN);
        Instant since = unsupportedSince.get(key);
        if (s == Support.UNSUPPORTED && since != null && !Instant.now().isBefore(since.plus(RETRY_UNSUPPORTED))) {
            return Support.UNKNOWN;
        }
        return s;
    }

    public void feature(String key, Support support) {
        features.put(key, support);
        if (support == Support.UNSUPPORTED) {
            unsupportedSince.put(key, Instant.now());
        } else {
            unsupportedSince.remove(key);
        }
    }

    public void onTokensChanged(TokenListener listener) {
        this.listener = listener;
    }

    @Override
    public String toString() {
        return "PodPointSession[userId=" + userId + ", signedIn=" + (idToken != null) + ", generation=" + generation + "]";
    }
}
