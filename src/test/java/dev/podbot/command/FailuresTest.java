package dev.podbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.podbot.account.CredentialCipher;
import dev.podbot.podpoint.InvalidScheduleException;
import dev.podbot.podpoint.MfaChallenge;
import dev.podbot.podpoint.MfaRequiredException;
import dev.podbot.podpoint.PodPointApiException;
import dev.podbot.podpoint.PodPointException;
import dev.podbot.podpoint.PodPointUnavailableException;
import dev.podbot.podpoint.SignInRejectedException;

class FailuresTest {

    @Test
    void everyFailureIsAPlainSentence() {
        assertThat(Failures.describe(new PodPointUnavailableException("timeout", null)))
                .isEqualTo("Pod Point didn't answer — try again in a minute.");
        assertThat(Failures.describe(new SignInRejectedException(400, "INVALID_LOGIN_CREDENTIALS")))
                .isEqualTo("Pod Point no longer accepts your password — /login again.");
        assertThat(Failures.describe(new MfaRequiredException(new MfaChallenge("p", "e", "+**1", null))))
                .contains("/login");
        assertThat(Failures.describe(new PodPointApiException("PUT /units/{id}/charge-schedules", 422, "{}")))
                .startsWith("Pod Point refused that (HTTP 422)");
        assertThat(Failures.describe(new PodPointApiException("GET /users/{id}/pods", 502, "{}")))
                .contains("HTTP 502").contains("try again");
        assertThat(Failures.describe(new InvalidScheduleException("the end time must be after the <start>")))
                .isEqualTo("the end time must be after the &lt;start&gt;");
        assertThat(Failures.describe(new PodPointException("odd reply"))).doesNotContain("odd reply");
        assertThat(Failures.describe(new CredentialCipher.DecryptionException("x"))).contains("/login");
        assertThat(Failures.describe(new IllegalStateException("secret-ish detail"))).isEqualTo(Failures.SORRY);
    }

    @Test
    void aRateLimitOrAnUnreadableAnswerIsNoRefusal() {
        String limited = Failures.describe(new PodPointApiException("GET /users/{id}/pods", 429, "{}"));
        assertThat(limited).doesNotContain("refused").contains("too many requests").contains("try again in a few minutes");
        assertThat(Failures.outcome(new PodPointApiException("GET /users/{id}/pods", 429, "{}")))
                .isEqualTo("rate_limited");
        String unreadable = Failures.describe(
                new PodPointApiException("GET /users/{id}/pods", 200, null, "the reply is not valid JSON"));
        assertThat(unreadable).doesNotContain("refused").doesNotContain("HTTP 200").contains("not in a way I could read")
                .contains("try again in a minute");
        assertThat(Failures.describe(new PodPointApiException("PUT /units/{id}/charge-schedules", 201, null)))
                .isEqualTo(Failures.UNREADABLE_ANSWER);
    }

    @Test
    void logLinesNameTheFailureButNeverItsMessage() {
        RuntimeException e = new IllegalStateException("password=hunter2",
                new IllegalArgumentException("email=someone@example.com"));
        String line = Failures.forLog(e);
        assertThat(line).contains("IllegalStateException").contains("IllegalArgumentException")
                .contains("FailuresTest").doesNotContain("hunter2").doesNotContain("someone@example.com");
    }
}
