package dev.podbot.notify;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/** Skips the monthly digest's tick when {@code NOTIFY_ENABLED=false}. */
@Singleton
public class NotifyDisabled implements Scheduled.SkipPredicate {

    @Inject
    NotifyConfig config;

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.enabled();
    }
}
