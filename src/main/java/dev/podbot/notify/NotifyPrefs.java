package dev.podbot.notify;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A chat's notification preferences: kinds switched off, and optional quiet hours. */
public record NotifyPrefs(Set<EventKind> disabled, Optional<QuietHours> quiet) {

    public NotifyPrefs {
        disabled = disabled == null || disabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(disabled));
        quiet = quiet == null ? Optional.empty() : quiet;
    }

    public static NotifyPrefs defaults() {
        return new NotifyPrefs(Set.of(), Optional.empty());
    }

    public boolean wants(EventKind kind) {
        return !kind.optional() || !disabled.contains(kind);
    }

    String disabledCodes() {
        return disabled.stream().sorted().map(EventKind::code).collect(Collectors.joining(","));
    }

    static Set<EventKind> parseCodes(String codes) {
        if (codes == null || codes.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(codes.split(",")).map(EventKind::ofCode).flatMap(Optional::stream)
                .collect(Collectors.toSet());
    }
}
