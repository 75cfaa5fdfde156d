package dev.podbot.podpoint;

import java.util.Locale;

/** Which Pod Point API an account is served by (API doc §10.19): the "Pod Home" endpoints or legacy /api3/v5. */
public enum ApiGeneration {
    HOME, LEGACY;

    /** "home"/"legacy" in any case; null for anything else (e.g. "auto" or nothing stored yet). */
    public static ApiGeneration parse(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "home", "pod_home", "podhome" -> HOME;
            case "legacy" -> LEGACY;
            default -> null;
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
