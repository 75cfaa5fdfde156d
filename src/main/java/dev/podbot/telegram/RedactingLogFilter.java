package dev.podbot.telegram;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Masks secrets in every log record before it is written: Telegram bot tokens (they are in every Bot API URL), the
 * configured token and webhook secret, bearer tokens, Google API keys and e-mail addresses, in the formatted
 * message and in the messages of thrown exceptions (and their causes). Enabled with
 * {@code quarkus.log.console.filter=redact}.
 */
@LoggingFilter(name = "redact")
public final class RedactingLogFilter implements Filter {

    static final String MASK = "***";
    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();
    private static final Pattern BOT_TOKEN = Pattern.compile("\\d+:[A-Za-z0-9_-]{20,}");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern API_KEY = Pattern.compile("AIza[0-9A-Za-z_-]{20,}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    public RedactingLogFilter() {
        try {
            var config = ConfigProvider.getConfig();
            config.getOptionalValue("telegram.bot-token", String.class).ifPresent(RedactingLogFilter::addSecret);
            config.getOptionalValue("telegram.webhook-secret", String.class).ifPresent(RedactingLogFilter::addSecret);
        } catch (RuntimeException e) {
            // configuration not readable this early: the transport registers the secrets when it starts
        }
    }

    /** A value that must never appear in logs (ignored when too short to be a secret). */
    public static void addSecret(String secret) {
        if (secret != null && secret.trim().length() >= 6) {
            SECRETS.add(secret.trim());
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        try {
            redactRecord(record);
        } catch (RuntimeException e) {
            // never lose a log line because of the filter
        }
        return true;
    }

    private static void redactRecord(LogRecord record) {
        String formatted = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : format(record);
        String clean = redact(formatted);
        if (record instanceof ExtLogRecord ext) {
            if (clean != null && !clean.equals(formatted) || record.getParameters() != null) {
                ext.setMessage(clean, ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        } else if (clean != null && !clean.equals(formatted)) {
            record.setMessage(clean);
            record.setParameters(null);
        }
        Throwable t = record.getThrown();
        if (t != null && needsRedaction(t)) {
            record.setThrown(RedactedThrowable.of(t));
        }
    }

    private static String format(LogRecord record) {
        String msg = record.getMessage();
        Object[] params = record.getParameters();
        if (msg == null || params == null || params.length == 0) {
            return msg;
        }
        try {
            return java.text.MessageFormat.format(msg, params);
        } catch (IllegalArgumentException e) {
            return msg;
        }
    }

    /** The text with every known secret pattern masked. */
    public static String redact(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        String out = s;
        for (String secret : SECRETS) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        out = BOT_TOKEN.matcher(out).replaceAll(MASK);
        out = BEARER.matcher(out).replaceAll("$1" + MASK);
        out = API_KEY.matcher(out).replaceAll(MASK);
        out = EMAIL.matcher(out).replaceAll("***@***");
        return out;
    }

    private static boolean needsRedaction(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.equals(redact(m))) {
                return true;
            }
            for (Throwable s : c.getSuppressed()) {
                if (needsRedaction(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Stands in for a thrown exception whose message held a secret: same class name and stack, masked text. */
    static final class RedactedThrowable extends RuntimeException {
        private final String originalClass;

        private RedactedThrowable(String originalClass, String message, Throwable cause) {
            super(message, cause, true, true);
            this.originalClass = originalClass;
        }

        static Throwable of(Throwable t) {
            return copy(t, 0);
        }

        private static Throwable copy(Throwable t, int depth) {
            if (t == null || depth > 20) {
                return null;
            }
            Throwable cause = t.getCause() == t ? null : t.getCause();
            RedactedThrowable r = new RedactedThrowable(t.getClass().getName(), redact(t.getMessage()),
                    copy(cause, depth + 1));
            r.setStackTrace(t.getStackTrace());
            for (Throwable s : t.getSuppressed()) {
                Throwable rs = copy(s, depth + 1);
                if (rs != null) {
                    r.addSuppressed(rs);
                }
            }
            return r;
        }

        @Override
        public String toString() {
            String m = getMessage();
            return m == null ? originalClass : originalClass + ": " + m;
        }
    }
}
