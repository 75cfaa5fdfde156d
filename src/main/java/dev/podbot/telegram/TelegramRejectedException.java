package dev.podbot.telegram;

/** Telegram refused a call for good (a 4xx other than 403/429, e.g. 400 "message is not modified"). */
public class TelegramRejectedException extends RuntimeException {
    private final int errorCode;
    private final String description;

    public TelegramRejectedException(String method, int errorCode, String description) {
        super("Telegram rejected " + method + ": [" + errorCode + "] " + description);
        this.errorCode = errorCode;
        this.description = description == null ? "" : description;
    }

    public int errorCode() {
        return errorCode;
    }

    public String description() {
        return description;
    }

    public boolean isMessageNotModified() {
        return description.toLowerCase(java.util.Locale.ROOT).contains("message is not modified");
    }
}
