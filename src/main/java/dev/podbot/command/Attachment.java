package dev.podbot.command;

import java.util.Objects;

/**
 * A file that goes with a {@link Reply}: a photo (shown inline, e.g. a PNG chart) or a document (offered for
 * download, e.g. a CSV export). The reply's text is its caption. Chat-neutral: Telegram sends it with
 * sendPhoto/sendDocument, the web chat shows or offers it.
 */
public record Attachment(Kind kind, byte[] bytes, String fileName, String mimeType) {

    public enum Kind { PHOTO, DOCUMENT }

    /** Telegram's limit for a photo upload. */
    public static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;
    /** Telegram's limit for a document upload through the Bot API. */
    public static final int MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

    public Attachment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mimeType, "mimeType");
        if (kind == Kind.PHOTO && bytes.length > MAX_PHOTO_BYTES) {
            throw new IllegalArgumentException("a photo is at most 10 MB");
        }
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new IllegalArgumentException("a document is at most 50 MB");
        }
    }

    public static Attachment photo(byte[] png, String fileName) {
        return new Attachment(Kind.PHOTO, png, fileName, "image/png");
    }

    public static Attachment document(byte[] bytes, String fileName, String mimeType) {
        return new Attachment(Kind.DOCUMENT, bytes, fileName, mimeType);
    }

    public boolean isPhoto() {
        return kind == Kind.PHOTO;
    }

    /** Never prints the bytes. */
    @Override
    public String toString() {
        return "Attachment[" + kind + ", " + fileName + ", " + mimeType + ", " + bytes.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && a.kind == kind && a.fileName.equals(fileName)
                && a.mimeType.equals(mimeType) && java.util.Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, fileName, mimeType, java.util.Arrays.hashCode(bytes));
    }
}
