package dev.podbot.command;

import java.util.List;

/**
 * One message from the bot: text in Telegram's HTML subset (&lt;b&gt;, &lt;i&gt;, &lt;code&gt;; everything else
 * escaped with {@link Html#escape}) plus rows of inline buttons.
 *
 * @param editOriginal when answering a button press, replace the message that holds the button instead of
 *                     sending a new one (used for paging)
 * @param receipt      the id of the change receipt that follows this message (issue 13), or null: a front end that
 *                     sends or edits the message reports its id with a {@link ReplySent} event
 */
public record Reply(String text, List<List<Button>> buttons, boolean editOriginal, Long receipt) {

    public Reply {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    public Reply(String text, List<List<Button>> buttons, boolean editOriginal) {
        this(text, buttons, editOriginal, null);
    }

    public static Reply of(String text) {
        return new Reply(text, List.of(), false);
    }

    public static Reply of(String text, List<List<Button>> buttons) {
        return new Reply(text, buttons, false);
    }

    public Reply asEdit() {
        return new Reply(text, buttons, true, receipt);
    }

    /** The same message, followed by change receipt {@code id}. */
    public Reply withReceipt(Long id) {
        return new Reply(text, buttons, editOriginal, id);
    }
}
