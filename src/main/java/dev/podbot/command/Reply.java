package dev.podbot.command;

import java.util.List;

/**
 * One message from the bot: text in Telegram's HTML subset (&lt;b&gt;, &lt;i&gt;, &lt;code&gt;; everything else
 * escaped with {@link Html#escape}) plus rows of inline buttons, and optionally a file.
 *
 * @param editOriginal when answering a button press, replace the message that holds the button instead of
 *                     sending a new one (used for paging); with an attachment this replaces the message's media
 *                     (a chart stepping to the next period)
 * @param attachment   a photo or document sent with the text as its caption (Telegram: at most 1,024 characters;
 *                     a longer text goes in a message of its own after the file), or null
 * @param receipt      the id of the change receipt that follows this message (issue 13), or null: a front end that
 *                     sends or edits the message reports its id with a {@link ReplySent} event
 */
public record Reply(String text, List<List<Button>> buttons, boolean editOriginal, Attachment attachment,
        Long receipt) {

    public Reply {
        buttons = buttons == null ? List.of() : buttons.stream().map(List::copyOf).toList();
    }

    public Reply(String text, List<List<Button>> buttons, boolean editOriginal) {
        this(text, buttons, editOriginal, null, null);
    }

    public Reply(String text, List<List<Button>> buttons, boolean editOriginal, Attachment attachment) {
        this(text, buttons, editOriginal, attachment, null);
    }

    public static Reply of(String text) {
        return new Reply(text, List.of(), false);
    }

    public static Reply of(String text, List<List<Button>> buttons) {
        return new Reply(text, buttons, false);
    }

    /** A file with a caption (may be empty) and buttons. */
    public static Reply withAttachment(Attachment attachment, String caption, List<List<Button>> buttons) {
        return new Reply(caption, buttons, false, attachment);
    }

    public Reply asEdit() {
        return new Reply(text, buttons, true, attachment, receipt);
    }

    /** The same reply as a new message (not an edit). */
    public Reply asNew() {
        return new Reply(text, buttons, false, attachment, receipt);
    }

    public boolean hasAttachment() {
        return attachment != null;
    }

    /** The same message, followed by change receipt {@code id}. */
    public Reply withReceipt(Long id) {
        return new Reply(text, buttons, editOriginal, attachment, id);
    }
}
