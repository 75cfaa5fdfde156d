package dev.podbot.podpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dev.podbot.podpoint.PodPointWireMock.API;
import static dev.podbot.podpoint.PodPointWireMock.AUTH_PATH;
import static dev.podbot.podpoint.PodPointWireMock.MFA_PATH;
import static dev.podbot.podpoint.PodPointWireMock.TOKEN_PATH;
import static dev.podbot.podpoint.PodPointTestData.pod;
import static dev.podbot.podpoint.PodPointTestData.podsBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.podbot.podpoint.model.Pod;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PodPointWireMockResource.class)
class SignInTest {

    static final String EMAIL = "driver.one@example.org";
    static final String PASSWORD = "correct horse battery";

    @InjectPodPointWireMock
    PodPointWireMock wm;

    @Inject
    PodPointClient client;

    @BeforeEach
    void reset() {
        wm.reset();
    }

    @Test
    void signInPostsCredentialsToGoogleThenCreatesTheSession() {
        var tokens = wm.stubSignIn(EMAIL, PASSWORD, "4711");

        PodPointSession s = client.signIn(EMAIL, PASSWORD);

        assertEquals("4711", s.userId());
        assertEquals(tokens.idToken(), s.idToken());
        assertEquals(tokens.refreshToken(), s.refreshToken());
        assertTrue(s.expiresAt().isAfter(java.time.Instant.now().plusSeconds(3500)), "expiresIn is a string of seconds");
        assertFalse(s.toString().contains(tokens.idToken()));
        wm.server().verify(postRequestedFor(urlPathEqualTo(AUTH_PATH + "/verifyPassword"))
                .withQueryParam("key", equalTo(PodPointWireMockResource.API_KEY))
                .withRequestBody(matchingJsonPath("$.email", equalTo(EMAIL)))
                .withRequestBody(matchingJsonPath("$.password", equalTo(PASSWORD)))
                .withRequestBody(matchingJsonPath("$.returnSecureToken", equalTo("true"))));
        wm.server().verify(postRequestedFor(urlPathEqualTo(API + "/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + tokens.idToken()))
                .withRequestBody(PodPointWireMock.jsonLike("{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}")));
    }

    @Test
    void wrongPasswordIsRejectedWithAHumanReasonWithoutTheEmail() {
        wm.stubSignInError(400, "INVALID_LOGIN_CREDENTIALS");

        var e = assertThrows(SignInRejectedException.class, () -> client.signIn(EMAIL, "wrong"));

        assertEquals(400, e.status());
        assertEquals("the e-mail or password is wrong", e.reason());
        assertFalse(e.getMessage().contains(EMAIL));
        assertFalse(e.getMessage().contains("wrong\""));
    }

    @Test
    void googleErrorsMapToReasons() {
        wm.stubSignInError(400, "USER_DISABLED");
        assertEquals("this Pod Point account has been disabled",
                assertThrows(SignInRejectedException.class, () -> client.signIn(EMAIL, PASSWORD)).reason());
        wm.stubSignInError(400, "TOO_MANY_ATTEMPTS_TRY_LATER : Access to this account has been temporarily disabled");
        assertTrue(assertThrows(SignInRejectedException.class, () -> client.signIn(EMAIL, PASSWORD)).reason()
                .contains("too many"));
        wm.stubSignInError(400, "EMAIL_NOT_FOUND");
        assertEquals("the e-mail or password is wrong",
                assertThrows(SignInRejectedException.class, () -> client.signIn(EMAIL, PASSWORD)).reason());
        wm.stubSignInError(503, "BACKEND_ERROR");
        var api = assertThrows(PodPointApiException.class, () -> client.signIn(EMAIL, PASSWORD));
        assertEquals(503, api.status());
    }

    @Test
    void aSessionReplyWithoutUserIdFailsFast() {
        wm.stubSignIn(EMAIL, PASSWORD, "4711");
        wm.stubAny(post(urlPathEqualTo(API + "/sessions")), 200, "{\"sessions\":{\"id\":\"s-1\"}}");

        var e = assertThrows(PodPointApiException.class, () -> client.signIn(EMAIL, PASSWORD));
        assertTrue(e.getMessage().contains("user_id"), e.getMessage());
    }

    @Test
    void blankCredentialsAreRejectedWithoutACall() {
        assertThrows(SignInRejectedException.class, () -> client.signIn("", PASSWORD));
        assertThrows(SignInRejectedException.class, () -> client.signIn(EMAIL, null));
        assertEquals(0, wm.server().getAllServeEvents().size());
    }

    @Test
    void twoFactorChallengeThenFinish() {
        wm.stubMfaPending(EMAIL, PASSWORD, "pending-xyz", "enrol-7", "+********4321");
        wm.stubMfaStart("pending-xyz", "sms-session-abc");
        var tokens = wm.stubMfaFinalize("sms-session-abc", "654321", "8800");

        var mfa = assertThrows(MfaRequiredException.class, () -> client.signIn(EMAIL, PASSWORD));
        MfaChallenge c = mfa.challenge();
        assertEquals("pending-xyz", c.pendingCredential());
        assertEquals("enrol-7", c.enrollmentId());
        assertEquals("+********4321", c.phoneHint());
        assertNull(c.sessionInfo());

        MfaChallenge sent = client.sendMfaCode(c);
        assertEquals("sms-session-abc", sent.sessionInfo());
        wm.server().verify(postRequestedFor(urlPathEqualTo(MFA_PATH + "/accounts/mfaSignIn:start"))
                .withQueryParam("key", equalTo(PodPointWireMockResource.API_KEY))
                .withRequestBody(matchingJsonPath("$.mfaPendingCredential", equalTo("pending-xyz")))
                .withRequestBody(matchingJsonPath("$.mfaEnrollmentId", equalTo("enrol-7")))
                .withRequestBody(matchingJsonPath("$.phoneSignInInfo", com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{}"))));

        var wrong = assertThrows(SignInRejectedException.class, () -> client.finishMfaSignIn(EMAIL, PASSWORD, sent, "111111"));
        assertEquals("the 2FA code is wrong", wrong.reason());

        PodPointSession s = client.finishMfaSignIn(EMAIL, PASSWORD, sent, " 654 321 ");
        assertEquals("8800", s.userId());
        assertEquals(tokens.idToken(), s.idToken());
        assertEquals(tokens.refreshToken(), s.refreshToken());
        assertTrue(s.expiresAt().isAfter(java.time.Instant.now().plusSeconds(3000)), "default lifetime 3600 s");
        wm.server().verify(postRequestedFor(urlPathEqualTo(MFA_PATH + "/accounts/mfaSignIn:finalize"))
                .withRequestBody(matchingJsonPath("$.mfaEnrollmentId", equalTo("enrol-7")))
                .withRequestBody(matchingJsonPath("$.phoneVerificationInfo.code", equalTo("654321"))));
    }

    @Test
    void finishingWithoutASentCodeOrWithLettersIsRejectedWithoutACall() {
        MfaChallenge notSent = new MfaChallenge("p", "e", "+***1", null);
        assertThrows(SignInRejectedException.class, () -> client.finishMfaSignIn(EMAIL, PASSWORD, notSent, "123456"));
        var e = assertThrows(SignInRejectedException.class,
                () -> client.finishMfaSignIn(EMAIL, PASSWORD, notSent.withSessionInfo("x"), "abc"));
        assertTrue(e.reason().contains("digits"));
        assertEquals(0, wm.server().getAllServeEvents().size());
    }

    @Test
    void resumeRefreshesWithTheStoredTokenOnFirstUse() {
        var refreshed = wm.stubRefresh("rt-stored", "4711", 2);
        wm.stubPods("4711", podsBody(pod(1, 11, "PSL-100001", "Drive", null)));

        PodPointSession s = client.resume(EMAIL, PASSWORD, "rt-stored", "4711");
        assertEquals(0, wm.server().getAllServeEvents().size(), "resume makes no call");
        List<Pod> pods = client.pods(s, 1, 5, PodPointClient.FULL_INCLUDES);

        assertEquals(1, pods.size());
        assertEquals(refreshed.idToken(), s.idToken());
        assertEquals(refreshed.refreshToken(), s.refreshToken());
        wm.server().verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH + "/token"))
                .withQueryParam("key", equalTo(PodPointWireMockResource.API_KEY))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=rt-stored")));
        wm.server().verify(0, postRequestedFor(urlPathEqualTo(AUTH_PATH + "/verifyPassword")));
        wm.server().verify(getRequestedFor(urlPathEqualTo(API + "/users/4711/pods"))
                .withHeader("Authorization", equalTo("Bearer " + refreshed.idToken()))
                .withQueryParam("include", equalTo(PodPointClient.FULL_INCLUDES)));
    }

    @Test
    void aFailedSessionAfterARefreshKeepsTheKnownUserId() {
        var refreshed = wm.stubRefresh("rt-stored", "4711", 2);
        wm.stubAny(post(urlPathEqualTo(API + "/sessions")), 500, "{\"message\":\"Server Error\"}");
        wm.stubPodsForToken("4711", refreshed.idToken(), podsBody());

        PodPointSession s = client.resume(EMAIL, PASSWORD, "rt-stored", "4711");
        assertTrue(client.pods(s, 1, 5, null).isEmpty());

        assertEquals("4711", s.userId());
        assertEquals(refreshed.idToken(), s.idToken());
    }

    @Test
    void aGoogleOutageDuringRefreshIsNotASignInRejection() {
        wm.stubAny(post(urlPathEqualTo(TOKEN_PATH + "/token")), 503, "{\"error\":{\"code\":503,\"message\":\"UNAVAILABLE\"}}");

        PodPointSession s = client.resume(EMAIL, PASSWORD, "rt-stored", "4711");
        var e = assertThrows(PodPointApiException.class, () -> client.pods(s, 1, 5, null));

        assertEquals(503, e.status());
        wm.server().verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH + "/token")));
        wm.server().verify(0, postRequestedFor(urlPathEqualTo(AUTH_PATH + "/verifyPassword")));
    }

    @Test
    void anExpired2faChallengeIsRejectedWithAReason() {
        wm.stubAny(post(urlPathEqualTo(MFA_PATH + "/accounts/mfaSignIn:start")), 400,
                "{\"error\":{\"code\":400,\"message\":\"INVALID_PENDING_TOKEN\"}}");

        var e = assertThrows(SignInRejectedException.class,
                () -> client.sendMfaCode(new MfaChallenge("stale", "enrol-1", "+***1", null)));
        assertEquals("the 2FA sign-in has expired; please sign in again", e.reason());
    }

    @Test
    void resumeWithoutRefreshTokenSignsInFully() {
        var tokens = wm.stubSignIn(EMAIL, PASSWORD, "4711");
        wm.stubPods("4711", podsBody());

        PodPointSession s = client.resume(EMAIL, PASSWORD, null, null);
        assertTrue(client.pods(s, 1, 5, "").isEmpty());
        assertEquals(tokens.idToken(), s.idToken());
        assertEquals("4711", s.userId());
        wm.server().verify(getRequestedFor(urlPathEqualTo(API + "/users/4711/pods")).withoutQueryParam("include"));
    }

    @Test
    void resumeWithARejectedRefreshTokenFallsBackToFullSignIn() {
        wm.stubRefreshRejected();
        var tokens = wm.stubSignIn(EMAIL, PASSWORD, "4711");
        wm.stubPods("4711", podsBody());

        PodPointSession s = client.resume(EMAIL, PASSWORD, "rt-revoked", "4711");
        client.pods(s, 1, 5, null);
        assertEquals(tokens.idToken(), s.idToken());
    }

    @Test
    void tokenCloseToExpiryIsRefreshedBeforeTheCall() {
        wm.stubSignIn(EMAIL, PASSWORD, "4711", "30"); // expires within the 60 s margin
        var refreshed = wm.stubRefresh("rt-4711-1", "4711", 2);
        wm.stubPods("4711", podsBody());
        AtomicInteger changes = new AtomicInteger();

        // signing in discovers the API generation (GET /chargers), the first call: the refresh comes before it
        PodPointSession s = client.resume(EMAIL, PASSWORD, null, null);
        s.onTokensChanged(x -> changes.incrementAndGet());
        client.pods(s, 1, 5, null); // full sign-in (30 s token), then the refresh before the data call
        assertEquals(refreshed.idToken(), s.idToken());
        assertEquals(2, changes.get(), "the listener hears about the sign-in and the new refresh token");
        wm.server().verify(2, postRequestedFor(urlPathEqualTo(API + "/sessions")));
    }

    @Test
    void a401IsFollowedByOneRefreshAndARetry() {
        var first = wm.stubSignIn(EMAIL, PASSWORD, "4711");
        var second = wm.stubRefresh(first.refreshToken(), "4711", 2);
        wm.stubPodsForToken("4711", second.idToken(), podsBody(pod(1, 11, "PSL-100001", "Drive", null)));

        PodPointSession s = client.signIn(EMAIL, PASSWORD);
        assertEquals(1, client.pods(s, 1, 5, null).size());

        assertEquals(second.idToken(), s.idToken());
        wm.server().verify(2, getRequestedFor(urlPathEqualTo(API + "/users/4711/pods")));
        wm.server().verify(1, postRequestedFor(urlPathEqualTo(AUTH_PATH + "/verifyPassword")));
    }

    @Test
    void aRefusedRefreshAfterA401LeadsToOneFullSignIn() {
        String fresh = "id-4711-again";
        wm.server().stubFor(post(urlPathEqualTo(AUTH_PATH + "/verifyPassword")).inScenario("signin")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"idToken\":\"id-4711-1\",\"refreshToken\":\"rt-4711-1\",\"expiresIn\":\"3600\"}")));
        wm.server().stubFor(post(urlPathEqualTo(AUTH_PATH + "/verifyPassword")).inScenario("signin")
                .whenScenarioStateIs("second")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"idToken\":\"" + fresh + "\",\"refreshToken\":\"rt-4711-9\",\"expiresIn\":\"3600\"}")));
        wm.stubSession("id-4711-1", "4711");
        wm.stubSession(fresh, "4711");
        wm.stubRefreshRejected();
        wm.stubPodsForToken("4711", fresh, podsBody());

        PodPointSession s = client.signIn(EMAIL, PASSWORD);
        client.pods(s, 1, 5, null);

        assertEquals(fresh, s.idToken());
        wm.server().verify(2, postRequestedFor(urlPathEqualTo(AUTH_PATH + "/verifyPassword")));
        wm.server().verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH + "/token")));
    }

    @Test
    void still401AfterRefreshAndSignInIsASignInRejection() {
        var first = wm.stubSignIn(EMAIL, PASSWORD, "4711");
        wm.stubRefresh(first.refreshToken(), "4711", 2);
        wm.stubAny(get(urlPathEqualTo(API + "/users/4711/pods")), 401, "{\"message\":\"Unauthenticated.\"}");

        PodPointSession s = client.signIn(EMAIL, PASSWORD);
        var e = assertThrows(SignInRejectedException.class, () -> client.pods(s, 1, 5, null));

        assertEquals(401, e.status());
        wm.server().verify(3, getRequestedFor(urlPathEqualTo(API + "/users/4711/pods")));
    }

    @Test
    void a2faAccountThatLosesItsTokensAsksForANewLogin() {
        wm.stubRefreshRejected();
        wm.stubMfaPending(EMAIL, PASSWORD, "pending-1", "enrol-1", "+***99");

        PodPointSession s = client.resume(EMAIL, PASSWORD, "rt-old", "4711");
        assertThrows(MfaRequiredException.class, () -> client.pods(s, 1, 5, null));
    }

    @Test
    void aSessionRefusedByPodPointIsASignInRejection() {
        wm.stubSignIn(EMAIL, PASSWORD, "4711");
        wm.stubAny(post(urlPathEqualTo(API + "/sessions")), 401, "{\"message\":\"Unauthenticated.\"}");

        var e = assertThrows(SignInRejectedException.class, () -> client.signIn(EMAIL, PASSWORD));
        assertEquals(401, e.status());
    }

    @Test
    void manyThreadsOnOneExpiringSessionRefreshOnlyOnce() throws Exception {
        wm.stubSignIn(EMAIL, PASSWORD, "4711", "10"); // within the 60 s margin: the next call refreshes
        var refreshed = wm.stubRefresh("rt-4711-1", "4711", 2);
        wm.stubPods("4711", podsBody());
        PodPointSession s = client.signIn(EMAIL, PASSWORD);

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<Pod>>> all = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                all.add(pool.submit(() -> client.pods(s, 1, 5, null)));
            }
            for (Future<List<Pod>> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(refreshed.idToken(), s.idToken());
        wm.server().verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH + "/token")));
    }

    @Test
    void concurrentSessionsOfTwoAccountsNeverMixTokens() throws Exception {
        var a = wm.stubSignIn("a@example.org", "pw-a-123", "1001");
        var b = wm.stubSignIn("b@example.org", "pw-b-456", "2002");
        wm.stubPodsForToken("1001", a.idToken(), podsBody(pod(1, 11, "PSL-111111", "A", null)));
        wm.stubPodsForToken("2002", b.idToken(), podsBody(pod(2, 22, "PSL-222222", "B", null)));

        PodPointSession sa = client.signIn("a@example.org", "pw-a-123");
        PodPointSession sb = client.signIn("b@example.org", "pw-b-456");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                PodPointSession s = i % 2 == 0 ? sa : sb;
                results.add(pool.submit((Callable<String>) () -> client.pods(s, 1, 5, null).get(0).ppid()));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i % 2 == 0 ? "PSL-111111" : "PSL-222222", results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertNotNull(sa.idToken());
        assertEquals(a.idToken(), sa.idToken());
        assertEquals(b.idToken(), sb.idToken());
    }
}
