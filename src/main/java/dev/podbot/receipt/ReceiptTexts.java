package dev.podbot.receipt;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.podbot.command.Button;
import dev.podbot.command.Formats;
import dev.podbot.command.MessageSplitter;

/**
 * The words of a change receipt: the command's own text (what the change will do), then one line per stage with its
 * time, e.g. "✅ Charger confirmed at 21:04 (2 min after sending)". Times are in the charger's time zone.
 */
public final class ReceiptTexts {

    static final String CHECK_AGAIN = "🔄 Check again";

    private ReceiptTexts() {
    }

    /** The full message: head, a blank line, the stage lines; never longer than one Telegram message. */
    public static String render(String head, Progress p, ZoneId zone, Duration timeout) {
        String text = head + "\n\n" + String.join("\n", lines(p, zone, timeout));
        return text.length() <= MessageSplitter.TELEGRAM_LIMIT ? text
                : MessageSplitter.shorten(text, MessageSplitter.TELEGRAM_LIMIT);
    }

    /** The message's buttons: the command's own, plus "Check again" once a watch timed out. */
    public static List<List<Button>> buttons(List<List<Button>> own, Progress p, long receiptId) {
        List<List<Button>> rows = new ArrayList<>(own);
        if (p.stage() == Stage.TIMED_OUT) {
            rows.add(List.of(new Button(CHECK_AGAIN, ReceiptCommand.PREFIX + ":again:" + receiptId)));
        }
        return rows;
    }

    static List<String> lines(Progress p, ZoneId zone, Duration timeout) {
        List<String> out = new ArrayList<>();
        if (p.stage() == Stage.SENT) {
            out.add("📨 Sent to Pod Point at " + at(p.sentAt(), zone) + ". The charger usually picks up a change "
                    + "within a few minutes; this message will show when it has.");
            if (p.offline()) {
                out.add(offline(p, zone) + " It gets the change when it is back online.");
            }
            return out;
        }
        out.add("📨 Sent to Pod Point at " + at(p.sentAt(), zone) + ".");
        if (p.confirmedAt() != null) {
            out.add("✅ Charger confirmed at " + at(p.confirmedAt(), zone) + " (" + after(p.sentAt(), p.confirmedAt())
                    + ")");
        }
        switch (p.stage()) {
            case CONFIRMED -> out.add("⏳ Waiting for charging to follow (a car is plugged in)…");
            case IN_EFFECT -> out.add(switch (p.effect() == null ? Effect.NONE : p.effect()) {
                case CHARGING -> "⚡ In effect: charging started at " + at(p.effectAt(), zone) + ".";
                case CAR_NOT_TAKING -> "🔋 In effect at " + at(p.effectAt(), zone) + ": the charger offers power, "
                        + "but the car isn't taking any (full, or its own timer).";
                case STOPPED -> "⏸ In effect: charging stopped at " + at(p.effectAt(), zone) + ".";
                default -> "⚡ In effect at " + at(p.effectAt(), zone) + ".";
            });
            case APPLIES_ON_PLUG_IN -> out.add("🔌 No car is plugged in: it takes effect when you plug in.");
            case CONFIRMED_ONLY -> {
                if (p.effect() == Effect.NOT_STARTED) {
                    out.add("ℹ️ Charging hadn't started by " + at(p.effectAt(), zone) + ": the car may be full or "
                            + "its own timer may hold it — see /pods.");
                } else if (p.effect() == Effect.STILL_CHARGING) {
                    out.add("ℹ️ Still charging at " + at(p.effectAt(), zone) + " — see /pods.");
                }
            }
            case TIMED_OUT -> {
                out.add("⚠️ No confirmation from the charger within " + Formats.duration(timeout) + " (by "
                        + at(p.endedAt(), zone) + "). Pod Point has the change, but the charger hasn't picked it up.");
                if (p.offline()) {
                    out.add(offline(p, zone));
                }
                out.add("Check that the charger is online (its Wi-Fi or mobile signal; /pods shows it), then press "
                        + "Check again.");
            }
            case SUPERSEDED -> out.add("↪️ Superseded at " + at(p.endedAt(), zone) + " by a newer change to this "
                    + "charger; the newer message follows that one.");
            case GONE -> out.add("⚠️ I can't see this charger on your account any more, so I stopped following this "
                    + "change.");
            default -> {
            }
        }
        return out;
    }

    private static String offline(Progress p, ZoneId zone) {
        return "📡 The charger is offline" + (p.lastSeen() == null ? "."
                : " (last seen " + Formats.time(p.lastSeen(), zone) + ").");
    }

    static String at(Instant t, ZoneId zone) {
        return t == null ? "?" : Formats.time(t.atOffset(java.time.ZoneOffset.UTC), zone);
    }

    /** "2 min after sending", "40 s after sending". */
    static String after(Instant sent, Instant then) {
        long s = Math.max(0, Duration.between(sent, then).toSeconds());
        return s < 60 ? s + " s after sending" : Math.round(s / 60.0) + " min after sending";
    }
}
