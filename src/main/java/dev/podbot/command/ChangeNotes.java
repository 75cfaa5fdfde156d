package dev.podbot.command;

import dev.podbot.podpoint.Change;

/** The lines a reply adds when a command had to change something else first (issue 9: "say what was changed"). */
final class ChangeNotes {

    private ChangeNotes() {
    }

    /** "\nℹ️ line" per extra change, or "" when there was none. */
    static String of(Change change) {
        if (change == null || change.alsoChanged().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        change.alsoChanged().forEach(line -> sb.append("\nℹ️ ").append(Html.escape(line)));
        return sb.toString();
    }
}
