package dev.podbot.notify;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/** The notification code's clock; tests replace it (QuarkusMock) to move time, e.g. past quiet hours. */
@ApplicationScoped
public class NotifyClock {

    public Clock clock() {
        return Clock.systemUTC();
    }

    public Instant now() {
        return clock().instant();
    }
}
