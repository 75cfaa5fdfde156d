package dev.podbot.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.podbot.podpoint.PodPointTestData;
import dev.podbot.podpoint.PodPointWireMock;
import dev.podbot.telegram.FakeTelegramServer.Call;
import dev.podbot.telegram.FakeTelegramServer.Upload;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * /stats and /export typed and pressed in Telegram (the fake Bot API checks every multipart upload as Telegram
 * would), against WireMock as Pod Point: a legacy account (charges computed from the paged history) and a Pod Home
 * account (rows from /charges?from&to, totals from charge-statistics). Dates come from the bot's own answer (the
 * buttons name the periods), so nothing depends on today's date.
 */
@QuarkusTest
@TestProfile(EndToEndProfile.class)
class StatsEndToEndTest extends EndToEndTestBase {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    record Legacy(long chat, long user, long unit, String ppid) {
    }

    Legacy legacyAccount() {
        long chat = newChat();
        long user = 60_000 + chat % 1000;
        Legacy a = new Legacy(chat, user, 600_000 + user, "PSL-" + (650_000 + user));
        login(chat, "stats" + user + "@example.net", "Stats-pw-" + user, user);
        podPoint.stubPods(String.valueOf(user), PodPointTestData.podsBody(PodPointTestData.pod(user, a.unit(),
                a.ppid(), "Drive, front", PodPointTestData.overnightSchedules(true))));
        podPoint.stubConnectivity(a.ppid(), PodPointTestData.connectivity(a.ppid(), true, "CHARGING"));
        return a;
    }

    /** The period a stats button names: {@code stats:m:2026-10-01[:t]} → 2026-10-01. */
    static LocalDate periodOf(String data) {
        return LocalDate.parse(data.split(":")[2]);
    }

    static String button(Call c, String prefix) {
        return buttons(c).stream().filter(b -> b.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + prefix + " in " + buttons(c)));
    }

    /** The "◀" button: the first of the first row. */
    static String previousButton(Call c) {
        return buttons(c).get(0);
    }

    static String at(LocalDate day, int hour) {
        return ZonedDateTime.of(day.atTime(hour, 0), LONDON).toInstant().toString();
    }

    Call awaitUpload(String method, long chat, int seen) {
        List<Call> calls = telegram.awaitCalls(method, c -> c.ok() && c.isFor(chat), seen + 1, TIMEOUT);
        return calls.get(seen);
    }

    int uploads(String method, long chat) {
        return (int) telegram.calls(method).stream().filter(c -> c.ok() && c.isFor(chat)).count();
    }

    static BufferedImage image(Call c) throws Exception {
        Upload u = c.upload();
        assertThat(u).as("a file part in " + c.method()).isNotNull();
        // TelegramBots sends every uploaded stream as application/octet-stream; Telegram reads the bytes
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(u.bytes()));
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isGreaterThanOrEqualTo(1000);
        return img;
    }

    @Test
    void legacyStatsStepBackThroughMonthsByEditingTheChartAndExportACsv() throws Exception {
        Legacy a = legacyAccount();
        String user = String.valueOf(a.user());
        podPoint.stubCharges(user, 1, 50, PodPointTestData.chargesBody(1, 50, List.of()));

        // this month has no charges: a friendly text, with buttons that say they sit on a text message
        Call empty = say(a.chat(), "/stats", "No finished charges");
        String prev = previousButton(empty);
        assertThat(prev).startsWith("stats:m:").endsWith(":t");
        LocalDate last = periodOf(prev);
        LocalDate before = last.minusMonths(1);

        // last month: three charges; the month before: one; older ones beyond the page the period needs
        List<String> page = new ArrayList<>();
        page.add(PodPointTestData.charge(9003, 12.0, 240, at(last.withDayOfMonth(20), 18), at(last.withDayOfMonth(20), 22),
                7200, 180, a.unit()));
        page.add(PodPointTestData.charge(9002, 8.0, 120, at(last.withDayOfMonth(5), 19), at(last.withDayOfMonth(5), 21),
                5400, 120, a.unit()));
        page.add(PodPointTestData.charge(9001, 20.0, 600, at(last, 1), at(last, 11), 18000, 300, a.unit()));
        page.add(PodPointTestData.charge(9000, 5.0, 60, at(before.withDayOfMonth(10), 20), at(before.withDayOfMonth(10), 21),
                3600, 75, a.unit()));
        for (int i = 0; page.size() < 50; i++) {
            LocalDate d = before.minusDays(1 + i);
            page.add(PodPointTestData.charge(8000 - i, 1.0, 30, at(d, 12), at(d, 13), 1800, 15, a.unit()));
        }
        podPoint.stubCharges(user, 1, 50, PodPointTestData.chargesBody(1, 50, page));

        // ◀ on the text: the chart comes as a new photo
        int photos = uploads("sendPhoto", a.chat());
        String query = pressOnly(a.chat(), empty, prev);
        Call photo = awaitUpload("sendPhoto", a.chat(), photos);
        awaitAnswer(query);
        image(photo);
        String month = last.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK) + " " + last.getYear();
        assertThat(photo.caption()).contains(month, "40.0 kWh", "£6.00", "15.0p/kWh", "3 charges", "plugged in 16h",
                "charging 8h 30m");
        assertThat(String.valueOf(photo.params().get("parse_mode"))).isEqualToIgnoringCase("HTML");
        assertThat(buttons(photo)).allMatch(b -> b.startsWith("stats:") && !b.endsWith(":t"));

        // ◀ on the chart: the same message's media is replaced by the month before
        String back = previousButton(photo);
        assertThat(periodOf(back)).isEqualTo(before);
        query = pressOnly(a.chat(), photo, back);
        Call edited = awaitUpload("editMessageMedia", a.chat(), 0);
        awaitAnswer(query);
        assertThat(String.valueOf(edited.params().get("message_id"))).isEqualTo(String.valueOf(messageId(photo)));
        image(edited);
        assertThat(edited.caption()).contains("5.0 kWh", "£0.75", "1 charge ");
        // the month before needed only the first page of 50: nothing older was read
        podPoint.server().verify(0, getRequestedFor(urlPathEqualTo(PodPointWireMock.API + "/users/" + user + "/charges"))
                .withQueryParam("page", equalTo("2")));

        // switch to the year view of that month, still in place (a year may need the next page: it is empty)
        podPoint.stubCharges(user, 2, 50, PodPointTestData.chargesBody(2, 50, List.of()));
        String year = button(photo, "stats:y:");
        pressOnly(a.chat(), photo, year);
        Call yearly = awaitUpload("editMessageMedia", a.chat(), 1);
        assertThat(yearly.caption()).contains(String.valueOf(periodOf(year).getYear()));

        // /export of last month: a CSV document with its rows, oldest first
        String name = "podpoint-charges-" + last.toString().substring(0, 7) + ".csv";
        int docs = uploads("sendDocument", a.chat());
        write(a.chat(), "/export " + last.toString().substring(0, 7));
        Call doc = awaitUpload("sendDocument", a.chat(), docs);
        Upload csv = doc.upload();
        assertThat(csv.fileName()).isEqualTo(name);
        String text = new String(csv.bytes(), StandardCharsets.UTF_8);
        String[] lines = text.substring(1).split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).contains("\"Drive, front\"", a.ppid(), ",20.0,600,300,3.00,GBP,15.0");
        assertThat(lines[3]).contains(",12.0,240,120,1.80,GBP,15.0");
        assertThat(doc.caption()).contains("3 charges", month);

        say(a.chat(), "/export fortnight", "/export [month|year|all|YYYY-MM|YYYY]");
        say(a.chat(), "/stats decade", "/stats [week|month|year]");
    }

    @Test
    void podHomeStatsUseChargeStatisticsForTotalsAndChargesForRows() throws Exception {
        long chat = newChat();
        long user = 61_000 + chat % 1000;
        String ppid = "PSL-" + (660_000 + user);
        podPoint.stubHomeCharger(ppid, 670_000 + user, "ACTIVE", "Charging", "[]");
        podPoint.stubHomeCharges();
        login(chat, "homestats" + user + "@example.net", "Home-pw-" + user, user);

        Call empty = say(chat, "/stats month", "No finished charges");
        LocalDate last = periodOf(previousButton(empty));
        Instant s1 = ZonedDateTime.of(last.withDayOfMonth(3).atTime(18, 0), LONDON).toInstant();
        Instant s2 = ZonedDateTime.of(last.withDayOfMonth(12).atTime(20, 0), LONDON).toInstant();
        podPoint.stubHomeCharges(PodPointWireMock.homeCharge("h-1", ppid, s1, s1.plusSeconds(4 * 3600), 14.2, 213),
                PodPointWireMock.homeCharge("h-2", ppid, s2, s2.plusSeconds(3600), 6.0, 90));
        // Pod Point's own totals differ a little from the rows' sum (they round differently): the caption shows them
        podPoint.stubAny(com.github.tomakehurst.wiremock.client.WireMock.get(
                urlPathEqualTo("/chargers/" + ppid + "/charge-statistics")), 200,
                "{\"energy\":{\"totalUsage\":20.3,\"cost\":304}}");

        int photos = uploads("sendPhoto", chat);
        pressOnly(chat, empty, previousButton(empty));
        Call photo = awaitUpload("sendPhoto", chat, photos);
        image(photo);
        assertThat(photo.caption()).contains("20.3 kWh", "£3.04", "2 charges", "15.0p/kWh");
        podPoint.server().verify(getRequestedFor(urlPathEqualTo("/chargers/" + ppid + "/charge-statistics"))
                .withQueryParam("from", equalTo(last.toString()))
                .withQueryParam("to", equalTo(last.withDayOfMonth(last.lengthOfMonth()).toString())));
        podPoint.server().verify(getRequestedFor(urlPathEqualTo("/charges"))
                // the period's first instant as a UTC date, less a day of slack (the zone of Pod Point's dates is
                // not documented)
                .withQueryParam("from", equalTo(last.atStartOfDay(LONDON).withZoneSameInstant(java.time.ZoneOffset.UTC)
                        .toLocalDate().minusDays(1).toString())));

        int docs = uploads("sendDocument", chat);
        write(chat, "/export");
        Call doc = awaitUpload("sendDocument", chat, docs);
        assertThat(doc.upload().fileName()).isEqualTo("podpoint-charges-all.csv");
        String csv = new String(doc.upload().bytes(), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).contains(ppid + ",14.2,240,240,2.13,GBP,15.0");
    }
}
