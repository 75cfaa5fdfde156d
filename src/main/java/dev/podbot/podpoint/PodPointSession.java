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

    public void onTokensChanged(TokenListener listener) {
        this.listener = listener;
    }

    @Override
    public String toString() {
        return "PodPointSession[userId=" + userId + ", signedIn=" + (idToken != null) + "]";
    }
}
