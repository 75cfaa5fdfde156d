package dev.podbot.stats;

import static dev.podbot.stats.StatsFixtures.AWKWARD_NAME;
import static dev.podbot.stats.StatsFixtures.PPID_1;
import static dev.podbot.stats.StatsFixtures.PPID_2;
import static dev.podbot.stats.StatsFixtures.charge;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.podbot.command.MessageSplitter;
import dev.podbot.podpoint.model.Charge;
import dev.podbot.podpoint.model.PeriodTotals;
import dev.podbot.telegram.BotApiRules;

/** Chart, caption and CSV from known charges, with fixed dates (none depends on today). */
class StatsRenderingTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** November 2026 on two chargers, plus charges just outside the month on both sides. */
    static final List<Charge> NOVEMBER = List.of(
            charge(1, 1, "2026-11-02T18:00:00Z", 600, 20.0, 300, 3 * 3600),
            charge(2, 2, "2026-11-02T19:00:00Z", 300, 7.5, 150, 7200),
            charge(3, 1, "2026-11-15T21:30:00Z", 480, 12.5, 100, 5400),
            charge(4, 2, "2026-11-30T23:30:00Z", 60, 2.0, 30, 1800), // 23:30 GMT on the 30th: November
            charge(5, 1, "2026-10-31T23:59:00Z", 60, 9.9, 99, 600), // October
            charge(6, 1, "2026-12-01T00:00:00Z", 60, 8.8, 88, 600)); // December

    @Test
    void monthTotalsCountOnlyTheMonthsFinishedChargesInItsZone() {
        StatsPeriod nov = StatsPeriod.containing(StatsPeriod.Kind.MONTH, LocalDate.of(2026, 11, 17));
        ChargeStats s = ChargeStats.of(nov, LONDON, NOVEMBER, StatsFixtures.pods(), Optional.empty());
        assertThat(s.charges()).isEqualTo(4);
        assertThat(s.kwh()).isEqualTo(42.0);
        assertThat(s.costMinor()).isEqualTo(580);
        assertThat(s.pluggedInMinutes()).isEqualTo(1440);
        assertThat(s.chargingSeconds()).isEqualTo(3 * 3600 + 7200 + 5400 + 1800);
        assertThat(s.kwhOn(LocalDate.of(2026, 11, 2), new ChargerRef("Driveway", PPID_1))).isEqualTo(20.0);
        assertThat(s.kwhOn(LocalDate.of(2026, 11, 30), new ChargerRef(AWKWARD_NAME, PPID_2))).isEqualTo(2.0);

        String caption = StatsTexts.caption(s);
        assertThat(caption).contains("November 2026", "1 Nov 2026 – 30 Nov 2026", "42.0 kWh", "£5.80", "13.8p/kWh",
                "4 charges", "plugged in 24h", "charging 7h");
        assertThat(BotApiRules.html(caption)).isNull();
        assertThat(MessageSplitter.fitsCaption(caption)).isTrue();
    }

    @Test
    void aChargeJustAfterLocalMidnightBelongsToTheNextMonthInSummerTime() {
        // 23:30 UTC on 30 September is 00:30 BST on 1 October
        List<Charge> cs = List.of(charge(1, 1, "2026-09-30T23:30:00Z", 60, 5.0, 50, 600));
        ChargeStats sep = ChargeStats.of(new StatsPeriod(StatsPeriod.Kind.MONTH, LocalDate.of(2026, 9, 1)), LONDON,
                cs, StatsFixtures.pods(), Optional.empty());
        ChargeStats oct = ChargeStats.of(new StatsPeriod(StatsPeriod.Kind.MONTH, LocalDate.of(2026, 10, 1)), LONDON,
                cs, StatsFixtures.pods(), Optional.empty());
        assertThat(sep.isEmpty()).isTrue();
        assertThat(oct.charges()).isEqualTo(1);
        assertThat(oct.kwhOn(LocalDate.of(2026, 10, 1), new ChargerRef("Driveway", PPID_1))).isEqualTo(5.0);
    }

    @Test
    void aWeekAcrossTheSpringClockChangeIs167HoursAndKeepsItsSundayEvening() {
        // British Summer Time starts at 01:00 UTC on Sunday 29 March 2026
        StatsPeriod week = StatsPeriod.containing(StatsPeriod.Kind.WEEK, LocalDate.of(2026, 3, 26));
        assertThat(week.start()).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(Duration.between(week.from(LONDON), week.to(LONDON))).isEqualTo(Duration.ofHours(167));
        List<Charge> cs = List.of(
                charge(1, 1, "2026-03-29T22:30:00Z", 60, 6.0, 60, 600), // 23:30 BST Sunday: in the week
                charge(2, 1, "2026-03-29T23:30:00Z", 60, 4.0, 40, 600)); // 00:30 BST Monday: the next week
        ChargeStats s = ChargeStats.of(week, LONDON, cs, StatsFixtures.pods(), Optional.empty());
        assertThat(s.charges()).isEqualTo(1);
        assertThat(s.kwhOn(LocalDate.of(2026, 3, 29), new ChargerRef("Driveway", PPID_1))).isEqualTo(6.0);
        assertThat(week.label()).isEqualTo("Week 23–29 Mar 2026");
        assertThat(png(s).getWidth()).isGreaterThanOrEqualTo(1000);
        // and the autumn change: 169 hours
        StatsPeriod autumn = StatsPeriod.containing(StatsPeriod.Kind.WEEK, LocalDate.of(2026, 10, 25));
        assertThat(Duration.between(autumn.from(LONDON), autumn.to(LONDON))).isEqualTo(Duration.ofHours(169));
    }

    @Test
    void aYearHasTwelveMonthlyBucketsAndSteps() {
        StatsPeriod y = StatsPeriod.containing(StatsPeriod.Kind.YEAR, LocalDate.of(2026, 6, 9));
        assertThat(y.buckets()).hasSize(12);
        assertThat(y.previous().label()).isEqualTo("2025");
        assertThat(y.next().start()).isEqualTo(LocalDate.of(2027, 1, 1));
        ChargeStats s = ChargeStats.of(y, LONDON, NOVEMBER, StatsFixtures.pods(), Optional.empty());
        assertThat(s.charges()).isEqualTo(6);
        assertThat(s.costByBucket().get(LocalDate.of(2026, 11, 1))).isEqualTo(580L);
        assertThat(s.costByBucket().get(LocalDate.of(2026, 12, 1))).isEqualTo(88L);
        assertThat(png(s).getWidth()).isEqualTo(StatsChart.WIDTH);
    }

    @Test
    void podHomeTotalsReplaceTheSumsOnlyWhenEveryChargeIsAPodHomeOne() {
        StatsPeriod nov = new StatsPeriod(StatsPeriod.Kind.MONTH, LocalDate.of(2026, 11, 1));
        ChargeStats legacy = ChargeStats.of(nov, LONDON, NOVEMBER, StatsFixtures.pods(),
                Optional.of(new PeriodTotals(99.0, 999)));
        assertThat(legacy.totalsFromPodPoint()).isFalse();
        assertThat(legacy.kwh()).isEqualTo(42.0);
        Charge home = new Charge(7, 10.0, 60, java.time.OffsetDateTime.parse("2026-11-03T10:00:00Z"),
                java.time.OffsetDateTime.parse("2026-11-03T11:00:00Z"), new Charge.ChargingDuration(3600L), 200, null,
                null, PPID_1, "GBP", "home-7");
        ChargeStats fromPodPoint = ChargeStats.of(nov, LONDON, List.of(home), StatsFixtures.pods(),
                Optional.of(new PeriodTotals(10.4, 208)));
        assertThat(fromPodPoint.totalsFromPodPoint()).isTrue();
        assertThat(StatsTexts.caption(fromPodPoint)).contains("10.4 kWh", "£2.08", "20.0p/kWh", "1 charge ");
    }

    @Test
    void theChartIsAWidePhoneSizedPngInTheProjectsColours() throws IOException {
        StatsPeriod nov = new StatsPeriod(StatsPeriod.Kind.MONTH, LocalDate.of(2026, 11, 1));
        ChargeStats s = ChargeStats.of(nov, LONDON, NOVEMBER, StatsFixtures.pods(), Optional.empty());
        byte[] bytes = StatsChart.png(s);
        assertThat(bytes.length).isLessThan(dev.podbot.command.Attachment.MAX_PHOTO_BYTES);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(img.getWidth()).isGreaterThanOrEqualTo(1000);
        assertThat(img.getHeight()).isEqualTo(StatsChart.HEIGHT);
        Set<Integer> colours = new HashSet<>();
        boolean blue = false;
        boolean amber = false;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                blue |= rgb == StatsChart.BLUE.getRGB() - 0xFF000000;
                amber |= rgb == (StatsChart.AMBER.getRGB() & 0xFFFFFF);
            }
        }
        assertThat(colours.size()).as("distinct colours: not blank").isGreaterThan(20);
        assertThat(blue).as("bars in the project's blue").isTrue();
        assertThat(amber).as("the cost line in amber").isTrue();
        Path out = Path.of("target", "stats-chart-test.png");
        Files.createDirectories(out.getParent());
        Files.write(out, bytes);
    }

    @Test
    void csvRowsAreRfc4180WithIsoOffsetsAndPencePerKwh() {
        List<Charge> cs = List.of(NOVEMBER.get(1), charge(9, 1, "2026-07-01T08:00:00Z", 90, 10.0, 245, 3600));
        byte[] bytes = ChargesCsv.render(cs, StatsFixtures.pods(), LONDON);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n", -1);
        assertThat(lines).hasSize(4); // header, two rows, the empty rest after the last CRLF
        assertThat(lines[0]).isEqualTo(ChargesCsv.HEADER);
        // oldest first; summer time has +01:00
        assertThat(lines[1]).isEqualTo("2026-07-01T09:00:00+01:00,2026-07-01T10:30:00+01:00,Driveway,PSL-100001,"
                + "10.0,90,60,2.45,GBP,24.5");
        assertThat(lines[2]).isEqualTo("2026-11-02T19:00:00+00:00,2026-11-03T00:00:00+00:00,"
                + "\"Zoë's \"\"Big\"\" Pod, Drive\",PSL-100002,7.5,300,120,1.50,GBP,20.0");
        assertThat(lines[3]).isEmpty();
        assertThat(parse(lines[2])).containsExactly("2026-11-02T19:00:00+00:00", "2026-11-03T00:00:00+00:00",
                AWKWARD_NAME, PPID_2, "7.5", "300", "120", "1.50", "GBP", "20.0");
    }

    @Test
    void aNameThatLooksLikeAFormulaIsDefused() {
        assertThat(ChargesCsv.text("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ChargesCsv.text("Garage")).isEqualTo("Garage");
        assertThat(ChargesCsv.text("line\nbreak")).isEqualTo("\"line\nbreak\"");
    }

    @Test
    void anEmptyPeriodGetsAFriendlyText() {
        StatsPeriod p = new StatsPeriod(StatsPeriod.Kind.MONTH, LocalDate.of(2026, 2, 1));
        ChargeStats s = ChargeStats.of(p, LONDON, NOVEMBER, StatsFixtures.pods(), Optional.empty());
        assertThat(s.isEmpty()).isTrue();
        String text = StatsTexts.empty(p);
        assertThat(text).contains("February 2026", "No finished charges");
        assertThat(BotApiRules.html(text)).isNull();
    }

    @Test
    void theDigestComparesWithTheMonthBefore() {
        ChargeStats nov = ChargeStats.of(new StatsPeriod(StatsPeriod.Kind.MONTH, LocalDate.of(2026, 11, 1)), LONDON,
                NOVEMBER, StatsFixtures.pods(), Optional.empty());
        ChargeStats oct = ChargeStats.of(nov.period().previous(), LONDON, NOVEMBER, StatsFixtures.pods(),
                Optional.empty());
        assertThat(StatsTexts.comparison(nov, oct)).isEqualTo(
                "Compared with October 2026: +32.1 kWh (+324%), +£4.81, +3 charges.");
    }

    @Test
    void buttonDataFitsTelegramAndRoundTrips() {
        StatsPeriod p = new StatsPeriod(StatsPeriod.Kind.WEEK, LocalDate.of(2026, 12, 31));
        assertThat(p.buttonData()).isEqualTo("stats:w:2026-12-28");
        assertThat(p.buttonData().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        assertThat(StatsPeriod.fromButton("w", "2026-12-28")).contains(p);
        assertThat(StatsPeriod.fromButton("q", "2026-12-28")).isEmpty();
        assertThat(StatsPeriod.fromButton("m", "yesterday")).isEmpty();
        assertThat(p.label()).isEqualTo("Week 28 Dec 2026–3 Jan 2027");
    }

    private static BufferedImage png(ChargeStats s) {
        try {
            return ImageIO.read(new ByteArrayInputStream(StatsChart.png(s)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A minimal RFC 4180 reader for one line (quoted fields, doubled quotes). */
    static List<String> parse(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
