package dev.podbot.command;

/** An inline button: its label and the data sent back when it is pressed (at most 64 bytes, Telegram's limit). */
public record Button(String text, String data) {
    public Button {
        if (data != null && data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("button data longer than 64 bytes");
        }
    }
}
