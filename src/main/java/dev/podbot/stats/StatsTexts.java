package dev.podbot.stats;

import java.util.Locale;

import dev.podbot.command.Formats;
import dev.podbot.command.Html;

/** The words around a chart: its caption (period, dates, totals), the empty-period text and the digest's comparison. */
public final class StatsTexts {

    private StatsTexts() {
    }

    /** The caption: period and dates, kWh, cost, average pence per kWh, charges, time plugged in vs charging. */
    public static String caption(ChargeStats s) {
        StringBuilder sb = new StringBuilder();
        sb.append("📊 <b>").append(Html.escape(s.period().label())).append("</b>\n")
                .append(Html.escape(s.period().dates())).append('\n')
                .append("⚡ ").append(Formats.kwh(s.kwh()))
                .append(" · 💷 ").append(money(s.costMinor(), s.currency()));
        s.pencePerKwh().ifPresent(p -> sb.append(" · ").append(String.format(Locale.ROOT, "%.1fp/kWh", p)));
        sb.append('\n').append("🔌 ").append(s.charges()).append(s.charges() == 1 ? " charge" : " charges")
                .append(" · plugged in ").append(Formats.minutes(s.pluggedInMinutes()))
                .append(" · charging ").append(Formats.seconds(s.chargingSeconds()));
        return sb.toString();
    }

    /** The friendly text for a period without charges. */
    public static String empty(StatsPeriod p) {
        return "📊 <b>" + Html.escape(p.label()) + "</b>\n" + Html.escape(p.dates())
                + "\nNo finished charges in this period, so there is nothing to draw. Try another period with the buttons.";
    }

    /** The digest's line comparing a month with the month before. */
    public static String comparison(ChargeStats now, ChargeStats before) {
        String name = Html.escape(before.period().label());
        if (before.isEmpty()) {
            return "Compared with " + name + ": no charges then.";
        }
        double dk = now.kwh() - before.kwh();
        long dc = now.costMinor() - before.costMinor();
        String pct = before.kwh() > 0 ? String.format(Locale.ROOT, " (%+.0f%%)", 100 * dk / before.kwh()) : "";
        return "Compared with " + name + ": " + String.format(Locale.ROOT, "%+.1f kWh", dk) + pct + ", "
                + (dc >= 0 ? "+" : "-") + money(Math.abs(dc), now.currency()) + ", "
                + String.format(Locale.ROOT, "%+d", now.charges() - before.charges())
                + (Math.abs(now.charges() - before.charges()) == 1 ? " charge" : " charges") + ".";
    }

    static String money(long minor, String currency) {
        return Formats.money((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, minor)), currency);
    }
}
