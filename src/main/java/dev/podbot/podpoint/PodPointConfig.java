package dev.podbot.podpoint;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where Pod Point and its Google sign-in services live, read at runtime (demo mode points them at a fake).
 * Env vars: PODPOINT_API_GENERATION, PODPOINT_API_URL, PODPOINT_AUTH_URL, PODPOINT_TOKEN_URL, PODPOINT_MFA_URL, PODPOINT_API_KEY.
 */
@ConfigMapping(prefix = "podpoint")
public interface PodPointConfig {

    /** Pod Point's host, without a path: {@code https://mobile-api.pod-point.com}. */
    String apiUrl();

    /** Google Identity Toolkit v3 (verifyPassword). */
    String authUrl();

    /** Google securetoken v1 (refresh). */
    String tokenUrl();

    /** Google Identity Toolkit v2 (mfaSignIn:start / :finalize). */
    String mfaUrl();

    /** Pod Point's public Firebase Web API key, sent as {@code ?key=} to Google only. Never logged. */
    String apiKey();

    /**
     * Which API generation serves the accounts: {@code auto} (discover per account, API doc §10.19), or
     * {@code home}/{@code legacy} to force one for every account (an operator override; users never choose).
     */
    @WithDefault("auto")
    String apiGeneration();

    /** Connect and read timeout of every call. */
    @WithDefault("10s")
    Duration timeout();
}
