package dev.podbot.podpoint;

import java.util.List;

import dev.podbot.podpoint.model.Pod;

/**
 * Everything the bot asks of Pod Point, whichever API generation serves the account: the legacy {@code /api3/v5}
 * API ({@code podpoint.legacy}) or the "Pod Home" endpoints of API doc §10 ({@code podpoint.home}). The one
 * implementation, {@link RoutingPodPointClient}, signs in, discovers each account's generation and hands every call
 * to that generation's client.
 *
 * <p>Every call works on one account's {@link PodPointSession}; the client itself holds no per-account state, so
 * many accounts can be served at once. Failures are {@link PodPointException}s:
 * {@link SignInRejectedException}, {@link MfaRequiredException}, {@link PodPointApiException} (Pod Point refused
 * the call), {@link UnsupportedFeatureException} (not offered for this charger) and
 * {@link PodPointUnavailableException} (unreachable or timed out); a schedule or boost that is not valid is refused
 * before any call with {@link InvalidScheduleException} (its message is user-ready). Calls block: make them from
 * worker threads, not the Vert.x event loop.
 */
public interface PodPointClient extends ChargerReads, ChargerWrites {

    // ---- sign-in

    /**
     * Signs in with e-mail and password (Firebase verifyPassword, then POST /sessions), then discovers the
     * account's API generation.
     *
     * @throws SignInRejectedException when Pod Point rejects the credentials
     * @throws MfaRequiredException    when the account has SMS 2FA: continue with {@link #sendMfaCode}
     */
    PodPointSession signIn(String email, String password);

    /** Asks Google Identity Platform to text the 2FA code (mfaSignIn:start). Returns the challenge to finish. */
    MfaChallenge sendMfaCode(MfaChallenge challenge);

    /** Finishes a 2FA sign-in with the texted code (mfaSignIn:finalize, then POST /sessions). */
    PodPointSession finishMfaSignIn(String email, String password, MfaChallenge challenge, String code);

    /**
     * Rebuilds a session from stored state (after a restart) without signing in again: the refresh token is used
     * when the id token is missing or expired.
     */
    PodPointSession resume(String email, String password, String refreshToken, String userId);

    /** The account's API generation, discovering it when unknown or older than a day. */
    ApiGeneration generation(PodPointSession session);

    /** The pod's mode, derived without ever throwing on odd data (its override read afresh). */
    default dev.podbot.podpoint.model.ChargeMode chargeMode(PodPointSession session, Pod pod) {
        return dev.podbot.podpoint.model.ChargeMode.of(pod.withChargeOverride(chargeOverride(session, pod).orElse(null)),
                java.time.Instant.now());
    }

    /** One page of pods (pages are sliced from the full list on Pod Home). */
    default List<Pod> pods(PodPointSession session, int page, int perPage, String includes) {
        if (page < 1 || perPage < 1 || perPage > 100) {
            throw new IllegalArgumentException("page must be >= 1 and perPage 1..100");
        }
        List<Pod> all = allPods(session, includes);
        int from = Math.min(all.size(), (page - 1) * perPage);
        return all.subList(from, Math.min(all.size(), from + perPage));
    }
}
