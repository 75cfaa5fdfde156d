package dev.podbot.podpoint;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ChargeMode;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargesPage;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Firmware;
import dev.podbot.podpoint.model.Pod;
import dev.podbot.podpoint.model.PodPointUser;

/**
 * Everything the bot asks of Pod Point, independent of the API generation behind it (the legacy
 * {@code /api3/v5} API today; the "Pod Home" endpoints of API doc §10 can sit behind the same interface).
 *
 * <p>Every call works on one account's {@link PodPointSession}; the client itself holds no per-account state, so
 * many accounts can be served at once. Failures are {@link PodPointException}s:
 * {@link SignInRejectedException}, {@link MfaRequiredException}, {@link PodPointApiException} (Pod Point refused
 * the call) and {@link PodPointUnavailableException} (unreachable or timed out); a schedule or boost that is not
 * valid is refused before any call with {@link InvalidScheduleException} (its message is user-ready).
 *
 * <p>The implementation today is {@link LegacyPodPointClient}. A future Pod Home client (API doc §10) would
 * implement this same interface and be tried first, falling back to the legacy client on HTTP 404/410; see the
 * design note on {@link LegacyPodPointClient}. Calls block: make them from worker threads, not the Vert.x event
 * loop.
 */
public interface PodPointClient {

    /** Includes for the first, full read of pods. */
    String FULL_INCLUDES = "statuses,price,model,unit_connectors,charge_schedules,charge_override";
    /** Includes for later polls (API doc §8.2): less load on Pod Point. */
    String POLL_INCLUDES = "statuses,charge_schedules,charge_override";

    // ---- sign-in

    /**
     * Signs in with e-mail and password (Firebase verifyPassword, then POST /sessions).
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

    // ---- reads

    /** One page of pods, with the given includes (comma-separated; empty leaves include out). */
    List<Pod> pods(PodPointSession session, int page, int perPage, String includes);

    /** Every pod, all pages. */
    List<Pod> allPods(PodPointSession session, String includes);

    /** One pod by its id or by its PPID (the API has no single-pod call: the list is filtered). */
    Optional<Pod> pod(PodPointSession session, String idOrPpid);

    /** One page of charges, newest first. perPage is 1..100. A page beyond the end is empty. */
    ChargesPage charges(PodPointSession session, int page, int perPage);

    /** Every charge, newest first. */
    List<Charge> allCharges(PodPointSession session);

    /**
     * Charges newer than the known ones, newest first: pages with a small page size and stops as soon as a
     * charge id in {@code knownIds} is seen again (API doc §6.5). With no known ids, reads everything.
     */
    List<Charge> chargesSince(PodPointSession session, java.util.Set<Long> knownIds);

    /** The pod's override, or empty when there is none (HTTP 204, Smart mode). */
    Optional<ChargeOverride> chargeOverride(PodPointSession session, Pod pod);

    /** The pod's mode, derived without ever throwing on odd data. */
    default ChargeMode chargeMode(PodPointSession session, Pod pod) {
        return ChargeMode.of(chargeOverride(session, pod).orElse(null), java.time.Instant.now());
    }

    ConnectivityStatus connectivity(PodPointSession session, Pod pod);

    List<Firmware> firmware(PodPointSession session, Pod pod);

    PodPointUser currentUser(PodPointSession session);

    // ---- writes (never blindly retried)

    /**
     * Allows or blocks charging through the pod's schedules. Existing schedules keep their times and uids; only
     * is_active flips. A pod without schedules gets the seven 1-second windows.
     */
    void setChargingAllowed(PodPointSession session, Pod pod, boolean allowed);

    /** Sets one daily window on all seven days. End must be after start on the same day. */
    void setDailySchedule(PodPointSession session, Pod pod, LocalTime start, LocalTime end);

    /** Boost ("charge now") for a duration. */
    ChargeOverride boost(PodPointSession session, Pod pod, Duration duration);

    /** Manual mode: an open-ended override. */
    ChargeOverride manualMode(PodPointSession session, Pod pod);

    /** Back to Smart mode (DELETE override, 204); also stops a boost. */
    void smartMode(PodPointSession session, Pod pod);
}
