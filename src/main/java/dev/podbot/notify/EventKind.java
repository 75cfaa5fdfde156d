package dev.podbot.notify;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of notification a chat can get. {@link #urgent()} kinds are delivered even during quiet hours:
 * a charger going offline (an overnight charge may not happen) and Pod Point rejecting the saved sign-in (no other
 * notification arrives until the user logs in again). Everything else waits for the end of quiet hours.
 */
public enum EventKind {
    CHARGE_COMPLETED("charge", "Charge completed", false),
    PLUGGED_IN("plugged", "Car plugged in", false),
    CHARGING_STARTED("charging", "Charging started", false),
    CAR_FULL("full", "Car full", false),
    SCHEDULE_PAUSED("paused", "Paused by schedule", false),
    CHARGER_OFFLINE("offline", "Charger offline", true),
    CHARGER_ONLINE("online", "Charger back online", false),
    FIRMWARE("firmware", "Firmware update", false),
    MONTHLY_DIGEST("digest", "Monthly digest", false),
    SIGN_IN_FAILED("signin", "Sign-in problem", true);

    private final String code;
    private final String label;
    private final boolean urgent;

    EventKind(String code, String label, boolean urgent) {
        this.code = code;
        this.label = label;
        this.urgent = urgent;
    }

    /** Short stable code used in button data and in notify_prefs.disabled_kinds. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean urgent() {
        return urgent;
    }

    /** False for the sign-in problem: it cannot be switched off (nothing else would arrive). */
    public boolean optional() {
        return this != SIGN_IN_FAILED;
    }

    public static Optional<EventKind> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        for (EventKind k : values()) {
            if (k.code.equals(c)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
