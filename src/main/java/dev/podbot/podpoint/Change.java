package dev.podbot.podpoint;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a write did. {@code applied} is false when there was nothing to do (e.g. "stop boost" with no boost
 * running); {@code until} is when a boost ends; {@code alsoChanged} has one user-ready line per thing that had to
 * change first (e.g. "Smart charging was switched off first; send /mode smart to turn it back on.").
 */
public record Change(boolean applied, OffsetDateTime until, List<String> alsoChanged) {

    public Change {
        alsoChanged = alsoChanged == null ? List.of() : List.copyOf(alsoChanged);
    }

    public static Change done() {
        return new Change(true, null, List.of());
    }

    public static Change done(List<String> alsoChanged) {
        return new Change(true, null, alsoChanged);
    }

    public static Change nothingToDo() {
        return new Change(false, null, List.of());
    }

    public Change until(OffsetDateTime t) {
        return new Change(applied, t, alsoChanged);
    }
}
