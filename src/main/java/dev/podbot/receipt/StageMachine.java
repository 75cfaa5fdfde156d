package dev.podbot.receipt;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import dev.podbot.podpoint.model.ConnectivityStatus.ChargingState;

/**
 * The stages of a change receipt (issue 13), as a pure function of what was read: sent → charger confirmed → in
 * effect, or timed out. No clock, no I/O: the caller passes the time and the reading, so every path is a unit test.
 *
 * <p>Confirmed means: for an override (boost, Manual / Always on) the charger acknowledged it ({@code receivedAt}
 * set); otherwise the pod reports the target state and the charger, online, checked in after the change was sent.
 * In effect means: with a car plugged in, charging runs (or stopped) as the target expects.
 */
public final class StageMachine {

    /** Reads every 15 s for the first 2 minutes of a watch, then every 60 s. */
    public static final Duration FAST = Duration.ofSeconds(15);
    public static final Duration SLOW = Duration.ofSeconds(60);
    public static final Duration FAST_PHASE = Duration.ofMinutes(2);

    private StageMachine() {
    }

    /**
     * One step.
     *
     * @param reading the fresh read, or null when the read failed (Pod Point unreachable)
     * @param now     the time of the read
     * @param timeout BOT_CONFIRM_TIMEOUT
     */
    public static Progress advance(Target target, Progress p, Reading reading, Instant now, ZoneId zone,
            Duration timeout) {
        if (p.stage().isFinal()) {
            return p;
        }
        boolean late = !now.isBefore(deadline(p, timeout));
        if (reading == null) {
            return late ? ending(p, now) : p;
        }
        if (reading.pod() == null) {
            return p.stage(Stage.GONE, now);
        }
        Boolean online = reading.online();
        p = p.seen(Boolean.FALSE.equals(online), reading.lastContact());
        if (p.stage() == Stage.SENT && confirmed(target, p, reading, now)) {
            p = p.stage(Stage.CONFIRMED, now);
        }
        if (p.stage() == Stage.CONFIRMED) {
            return inEffect(target, p, reading, now, zone, late);
        }
        return late ? ending(p, now) : p;
    }

    /** The end of the watch without a final reading: timed out, or confirmed without a visible effect. */
    private static Progress ending(Progress p, Instant now) {
        if (p.stage() == Stage.CONFIRMED) {
            return p.effect(Stage.CONFIRMED_ONLY, Effect.NONE, now);
        }
        return p.stage(Stage.TIMED_OUT, now);
    }

    static boolean confirmed(Target target, Progress p, Reading r, Instant now) {
        if (!target.reportedBy(r.pod(), now)) {
            return false;
        }
        if (target.needsOverrideReceipt()) {
            return true; // receivedAt is the charger's acknowledgement
        }
        if (Boolean.FALSE.equals(r.online())) {
            return false; // Pod Point shows the new state, but an offline charger cannot have it
        }
        OffsetDateTime contact = r.lastContact();
        return p.baselineContact() == null || contact == null || contact.isAfter(p.baselineContact());
    }

    private static Progress inEffect(Target target, Progress p, Reading r, Instant now, ZoneId zone, boolean late) {
        Boolean expected = target.chargingExpected(r.pod(), now, zone);
        ChargingState state = r.chargingState();
        if (expected == null || state == ChargingState.UNKNOWN) {
            return p.effect(Stage.CONFIRMED_ONLY, Effect.NONE, now);
        }
        if (!state.pluggedIn()) {
            return p.effect(Stage.APPLIES_ON_PLUG_IN, null, now);
        }
        if (expected) {
            if (state == ChargingState.CHARGING) {
                return p.effect(Stage.IN_EFFECT, Effect.CHARGING, now);
            }
            if (state == ChargingState.SUSPENDED_EV) {
                return p.effect(Stage.IN_EFFECT, Effect.CAR_NOT_TAKING, now);
            }
            return late ? p.effect(Stage.CONFIRMED_ONLY, Effect.NOT_STARTED, now) : p;
        }
        if (state != ChargingState.CHARGING) {
            return p.effect(Stage.IN_EFFECT, Effect.STOPPED, now);
        }
        return late ? p.effect(Stage.CONFIRMED_ONLY, Effect.STILL_CHARGING, now) : p;
    }

    /** When this round of watching ends. */
    public static Instant deadline(Progress p, Duration timeout) {
        return p.watchFrom().plus(timeout);
    }

    /**
     * When to read next: 15 s steps for the first 2 minutes of the round, then 60 s, and once exactly at the
     * deadline; null when the receipt is final.
     */
    public static Instant nextCheck(Progress p, Instant now, Duration timeout) {
        if (p.stage().isFinal()) {
            return null;
        }
        Instant deadline = deadline(p, timeout);
        Duration step = now.isBefore(p.watchFrom().plus(FAST_PHASE)) ? FAST : SLOW;
        Instant next = now.plus(step);
        return now.isBefore(deadline) && next.isAfter(deadline) ? deadline : next;
    }
}
