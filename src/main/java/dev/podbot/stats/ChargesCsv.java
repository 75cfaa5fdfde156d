package dev.podbot.stats;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.Pod;

/**
 * Charges as CSV (RFC 4180): one header line, one row per finished charge (oldest first), CRLF line ends, a field
 * quoted when it holds a comma, a quote or a line break (quotes doubled). UTF-8 with a byte-order mark, so Excel
 * reads "£" and accented charger names right (LibreOffice and Numbers ignore it). Times are ISO 8601 with the
 * offset, in the account's zone ({@code 2026-03-29T01:30:00+00:00}); numbers use a dot and no thousands separator.
 * A text field that a spreadsheet would run as a formula (starting with = + - @) is prefixed with an apostrophe.
 */
public final class ChargesCsv {

    public static final String MIME = "text/csv";
    static final String HEADER = "Start,End,Charger,PPID,Energy (kWh),Plugged in (min),Charging (min),Cost,Currency,"
            + "Pence per kWh";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ChargesCsv() {
    }

    /** The finished charges as CSV bytes. */
    public static byte[] render(List<Charge> charges, List<Pod> pods, ZoneId zone) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        List<Charge> rows = charges.stream().filter(c -> !c.inProgress() && c.startsAt() != null)
                .sorted(Comparator.comparing(Charge::startsAt)).toList();
        for (Charge c : rows) {
            ChargerRef ref = ChargerRef.of(c, pods);
            Long chargingSeconds = c.chargingSeconds();
            sb.append(time(c.startsAt(), zone)).append(',')
                    .append(time(c.endsAt(), zone)).append(',')
                    .append(text(ref.label())).append(',')
                    .append(text(ref.ppid())).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", c.kwh())).append(',')
                    .append(c.pluggedInMinutes()).append(',')
                    .append(chargingSeconds == null ? "" : String.valueOf(Math.round(chargingSeconds / 60.0))).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", c.costPence() / 100.0)).append(',')
                    .append(text(c.currencyOrGbp())).append(',')
                    .append(c.kwh() > 0 ? String.format(Locale.ROOT, "%.1f", c.costPence() / c.kwh()) : "")
                    .append("\r\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(sb.length() + 8);
        out.writeBytes(BOM);
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** How many rows {@link #render} writes for these charges. */
    public static int rowCount(List<Charge> charges) {
        return (int) charges.stream().filter(c -> !c.inProgress() && c.startsAt() != null).count();
    }

    static String time(OffsetDateTime t, ZoneId zone) {
        return t == null ? "" : ISO.format(t.atZoneSameInstant(zone));
    }

    /** One text field, RFC 4180 quoted when needed. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        String v = s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
