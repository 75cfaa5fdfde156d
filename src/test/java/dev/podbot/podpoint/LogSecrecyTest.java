package dev.podbot.podpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.podbot.podpoint.PodPointTestData.podsBody;
import static dev.podbot.podpoint.PodPointWireMock.API;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import dev.podbot.podpoint.model.Pod;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Runs sign-in, refresh, 2FA and error paths with a handler on the root logger (and this package at DEBUG), then
 * proves that no log record (message, parameters, stack traces) and no exception text contains the e-mail,
 * password, a token or the API key.
 */
@QuarkusTest
@WithTestResource(PodPointWireMockResource.class)
class LogSecrecyTest {

    static final String EMAIL = "secret.owner@example.net";
    static final String PASSWORD = "pa55-Very-Secret!";
    static final String MFA_EMAIL = "two.factor@example.net";
    static final String MFA_PASSWORD = "mfa-Pa55word";
    static final String USER = "9393";

    @InjectPodPointWireMock
    PodPointWireMock wm;

    @Inject
    PodPointClient client;

    /** Collects every record, fully formatted. */
    static final class Capture extends Handler {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord r) {
            String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
            if (logger.startsWith("com.github.tomakehurst") || logger.startsWith("wiremock")
                    || logger.startsWith("org.eclipse.jetty")) {
                return; // the fake server's own logs, not the bot's
            }
            StringBuilder sb = new StringBuilder(logger).append(" | ");
            sb.append(r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : new SimpleFormatter().formatMessage(r));
            sb.append(" | ").append(r.getMessage());
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    sb.append(" | ").append(p);
                }
            }
            if (r.getThrown() != null) {
                StringWriter sw = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(sw));
                sb.append(" | ").append(sw);
            }
            lines.add(sb.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    final List<String> errors = new ArrayList<>();

    <T> void expectFailure(Class<? extends PodPointException> type, Supplier<T> call) {
        PodPointException e = assertThrows(type, call::get);
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        errors.add(sw + " | " + e);
        if (e instanceof PodPointApiException api && api.body() != null) {
            errors.add(api.body());
        }
        if (e instanceof SignInRejectedException s) {
            errors.add(s.reason());
        }
        if (e instanceof MfaRequiredException m) {
            errors.add(String.valueOf(m.challenge()));
        }
    }

    @Test
    void noSecretReachesALogLineOrAnException() {
        Capture capture = new Capture();
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("dev.podbot.podpoint");
        Level before = ours.getLevel();
        ours.setLevel(Level.FINEST);
        root.addHandler(capture);
        List<String> secrets = new ArrayList<>(List.of(EMAIL, PASSWORD, MFA_EMAIL, MFA_PASSWORD,
                PodPointWireMockResource.API_KEY, "pending-cred-77", "sms-session-77"));
        try {
            wm.reset();
            // sign-in, then a 401 that forces a refresh, then a retry
            var first = wm.stubSignIn(EMAIL, PASSWORD, USER, "3600");
            var second = wm.stubRefresh(first.refreshToken(), USER, 2);
            secrets.addAll(List.of(first.idToken(), first.refreshToken(), second.idToken(), second.refreshToken()));
            wm.stubPodsForToken(USER, second.idToken(), podsBody());
            PodPointSession s = client.signIn(EMAIL, PASSWORD);
            client.pods(s, 1, 5, null);
            String unused = s.toString();
            assertFalse(unused.contains(second.idToken()));

            // an error body that echoes the credentials (must be redacted from the exception)
            wm.stubAny(get(urlPathEqualTo(API + "/users/" + USER + "/charges")), 422,
                    "{\"message\":\"bad user " + EMAIL + " / " + PASSWORD + " / " + second.idToken() + "\"}");
            expectFailure(PodPointApiException.class, () -> client.charges(s, 1, 5));

            // a timeout and malformed JSON
            Pod pod = new Pod(1, null, "PSL-939393", true, "", 9494, "UTC", null, null, null, null, null, null);
            wm.server().stubFor(get(urlPathEqualTo(API + "/units/9494/firmware"))
                    .willReturn(okJson("{}").withFixedDelay(PodPointWireMockResource.BEYOND_TIMEOUT_MS)));
            expectFailure(PodPointUnavailableException.class, () -> client.firmware(s, pod));
            wm.server().stubFor(get(urlPathEqualTo("/chargers/PSL-939393/connectivity-status"))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                            .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
            expectFailure(PodPointUnavailableException.class, () -> client.connectivity(s, pod));
            wm.stubAny(get(urlPathEqualTo(API + "/units/9494/charge-override")), 200, "{not json " + EMAIL);
            expectFailure(PodPointApiException.class, () -> client.chargeOverride(s, pod));

            // a refresh refused, then a wrong password on the full sign-in
            wm.stubRefreshRejected();
            wm.stubSignInError(400, "INVALID_LOGIN_CREDENTIALS");
            PodPointSession resumed = client.resume(EMAIL, PASSWORD, "rt-stale-token-42", USER);
            secrets.add("rt-stale-token-42");
            expectFailure(SignInRejectedException.class, () -> client.pods(resumed, 1, 5, null));

            // 2FA: challenge, code sent, wrong code, right code
            wm.stubMfaPending(MFA_EMAIL, MFA_PASSWORD, "pending-cred-77", "enrol-77", "+********0077");
            wm.stubMfaStart("pending-cred-77", "sms-session-77");
            var mfaTokens = wm.stubMfaFinalize("sms-session-77", "770077", "7700");
            secrets.addAll(List.of(mfaTokens.idToken(), mfaTokens.refreshToken()));
            MfaRequiredException mfa = assertThrows(MfaRequiredException.class, () -> client.signIn(MFA_EMAIL, MFA_PASSWORD));
            expectFailure(MfaRequiredException.class, () -> client.signIn(MFA_EMAIL, MFA_PASSWORD));
            MfaChallenge sent = client.sendMfaCode(mfa.challenge());
            expectFailure(SignInRejectedException.class, () -> client.finishMfaSignIn(MFA_EMAIL, MFA_PASSWORD, sent, "000000"));
            PodPointSession mfaSession = client.finishMfaSignIn(MFA_EMAIL, MFA_PASSWORD, sent, "770077");
            assertTrue(mfaSession.idToken() != null);
        } finally {
            root.removeHandler(capture);
            ours.setLevel(before);
        }

        List<String> lines = List.copyOf(capture.lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("dev.podbot.podpoint")),
                "the capture saw the client's own log lines: " + lines.size());
        for (String secret : secrets) {
            for (String line : lines) {
                if (line.contains(secret)) {
                    fail("a log record contains a secret (" + secret.length() + " chars): " + line.replace(secret, "<SECRET>"));
                }
            }
            for (String err : errors) {
                if (err.contains(secret)) {
                    fail("an exception contains a secret: " + err.replace(secret, "<SECRET>"));
                }
            }
        }
    }
}
