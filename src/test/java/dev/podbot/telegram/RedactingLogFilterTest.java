package dev.podbot.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class RedactingLogFilterTest {

    static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    @Test
    void masksTokensKeysBearerAndEmails() {
        String s = RedactingLogFilter.redact("GET https://api.telegram.org/bot" + TOKEN + "/getMe Authorization: "
                + "Bearer eyJhbGciOi.abc.def key=AIzaSyA1234567890abcdefghijklmnopqrs user ann@example.com");
        assertFalse(s.contains(TOKEN));
        assertFalse(s.contains("eyJhbGciOi"));
        assertFalse(s.contains("AIzaSyA1234567890"));
        assertFalse(s.contains("ann@example.com"));
        assertTrue(s.contains("/bot***/getMe"));
    }

    @Test
    void masksConfiguredSecretsEvenWhenTheyLookHarmless() {
        RedactingLogFilter.addSecret("42:short-token");
        assertEquals("token *** here", RedactingLogFilter.redact("token 42:short-token here"));
    }

    @Test
    void filterRewritesFormattedMessageAndThrownExceptions() {
        ExtLogRecord r = new ExtLogRecord(Level.SEVERE, "Calling %s failed", ExtLogRecord.FormatStyle.PRINTF,
                getClass().getName());
        r.setParameters(new Object[] {"/bot" + TOKEN + "/getupdates"});
        r.setThrown(new IllegalStateException("url /bot" + TOKEN + "/x",
                new RuntimeException("mail bob@example.org")));
        new RedactingLogFilter().isLoggable(r);
        assertFalse(r.getFormattedMessage().contains(TOKEN));
        StringWriter w = new StringWriter();
        r.getThrown().printStackTrace(new PrintWriter(w));
        String trace = w.toString();
        assertFalse(trace.contains(TOKEN), trace);
        assertFalse(trace.contains("bob@example.org"), trace);
        assertTrue(trace.contains("java.lang.IllegalStateException"), trace);
        assertTrue(trace.contains("RedactingLogFilterTest"), "keeps the stack: " + trace);
    }
}
