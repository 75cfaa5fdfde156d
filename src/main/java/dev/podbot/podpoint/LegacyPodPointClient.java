package dev.podbot.podpoint;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.ChargeOverride;
import dev.podbot.podpoint.model.ChargesPage;
import dev.podbot.podpoint.model.ConnectivityStatus;
import dev.podbot.podpoint.model.Firmware;
import dev.podbot.podpoint.model.Pod;
import dev.podbot.podpoint.model.PodPointUser;

/** PLACEHOLDER: being implemented (issue #2). The legacy /api3/v5 Pod Point API. */
@ApplicationScoped
public class LegacyPodPointClient implements PodPointClient {
    private static UnsupportedOperationException todo() {
        return new UnsupportedOperationException("not implemented yet");
    }
    public PodPointSession signIn(String email, String password) { throw todo(); }
    public MfaChallenge sendMfaCode(MfaChallenge challenge) { throw todo(); }
    public PodPointSession finishMfaSignIn(String email, String password, MfaChallenge challenge, String code) { throw todo(); }
    public PodPointSession resume(String email, String password, String refreshToken, String userId) { throw todo(); }
    public List<Pod> pods(PodPointSession session, int page, int perPage, String includes) { throw todo(); }
    public List<Pod> allPods(PodPointSession session, String includes) { throw todo(); }
    public Optional<Pod> pod(PodPointSession session, String idOrPpid) { throw todo(); }
    public ChargesPage charges(PodPointSession session, int page, int perPage) { throw todo(); }
    public List<Charge> allCharges(PodPointSession session) { throw todo(); }
    public List<Charge> chargesSince(PodPointSession session, Set<Long> knownIds) { throw todo(); }
    public Optional<ChargeOverride> chargeOverride(PodPointSession session, Pod pod) { throw todo(); }
    public ConnectivityStatus connectivity(PodPointSession session, Pod pod) { throw todo(); }
    public List<Firmware> firmware(PodPointSession session, Pod pod) { throw todo(); }
    public PodPointUser currentUser(PodPointSession session) { throw todo(); }
    public void setChargingAllowed(PodPointSession session, Pod pod, boolean allowed) { throw todo(); }
    public void setDailySchedule(PodPointSession session, Pod pod, LocalTime start, LocalTime end) { throw todo(); }
    public ChargeOverride boost(PodPointSession session, Pod pod, Duration duration) { throw todo(); }
    public ChargeOverride manualMode(PodPointSession session, Pod pod) { throw todo(); }
    public void smartMode(PodPointSession session, Pod pod) { throw todo(); }
}
