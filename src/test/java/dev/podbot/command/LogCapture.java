package dev.podbot.command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects every log record the application writes (all loggers at their configured levels, and the bot's own
 * code down to TRACE, with stack traces) while it is open. WireMock's own Jetty server, the stand-in for Pod Point,
 * is not part of the application and is left out.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Logger ours = Logger.getLogger("dev.podbot");
    private final Level oldLevel;

    LogCapture() {
        setLevel(Level.ALL);
        oldLevel = ours.getLevel();
        ours.setLevel(Level.ALL);
        root.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord r) {
        String name = r.getLoggerName() == null ? "" : r.getLoggerName();
        if (name.startsWith("org.eclipse.jetty") || name.startsWith("com.github.tomakehurst")
                || name.startsWith("wiremock")) {
            return;
        }
        StringBuilder sb = new StringBuilder(r.getLoggerName() + " " + r.getLevel() + " ");
        if (r instanceof org.jboss.logmanager.ExtLogRecord ext) {
            sb.append(ext.getFormattedMessage());
        } else {
            sb.append(r.getMessage());
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    sb.append(' ').append(p);
                }
            }
        }
        if (r.getThrown() != null) {
            StringWriter w = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(w));
            sb.append('\n').append(w);
        }
        lines.add(sb.toString());
    }

    synchronized String all() {
        return String.join("\n", lines);
    }

    synchronized int size() {
        return lines.size();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        ours.setLevel(oldLevel);
    }
}
