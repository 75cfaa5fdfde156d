package dev.podbot.podpoint;

import java.util.Locale;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** JSON written for these tests (shapes from API doc §4–§5; values invented). */
public final class PodPointTestData {

    private PodPointTestData() {
    }

    /** A schedule entry; uid may be null (left out). */
    public static String schedule(String uid, int day, String start, int endDay, String end, boolean active) {
        return """
                {%s"start_day":%d,"start_time":"%s","end_day":%d,"end_time":"%s","status":{"is_active":%s}}"""
                .formatted(uid == null ? "" : "\"uid\":\"" + uid + "\",", day, start, endDay, end, active);
    }

    /** The user's own overnight window 00:30-04:30 on each day, with uids "sched-{day}". */
    public static String overnightSchedules(boolean active) {
        return IntStream.rangeClosed(1, 7)
                .mapToObj(d -> schedule("sched-" + d, d, "00:30:00", d, "04:30:00", active))
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** A pod; schedulesJson may be null (no charge_schedules key). */
    public static String pod(long id, long unitId, String ppid, String name, String schedulesJson) {
        return """
                {"id":%d,"name":%s,"ppid":"%s","payg":false,"home":true,"public":false,"evZone":false,
                 "location":{"lat":53.48,"lng":-2.24},"address_id":901,"description":"",
                 "commissioned_at":"2023-05-02T08:15:00+00:00","created_at":"2023-05-02T08:15:00+00:00",
                 "last_contact_at":"2026-11-20T19:04:11Z","contactless_enabled":false,"unit_id":%d,
                 "timezone":"Europe/London",
                 "model":{"id":77,"name":"S7-2C-05-AMA","vendor":"Pod Point","supports_payg":false,
                          "supports_ocpp":false,"supports_contactless":false,"image_url":null},
                 "price":null,
                 "statuses":[{"id":2,"name":"Charging","key_name":"charging","label":"Charging","door":"A","door_id":1}],
                 "unit_connectors":[{"connector":{"id":31,"door":"A","door_id":1,"power":7,"current":32,"voltage":230,
                   "charge_method":"Single Phase AC","has_cable":true,
                   "socket":{"type":"IEC 62196-2 Type 2","description":"Type 2 tethered","ocpp_name":"cType2","ocpp_code":4}}}]%s,
                 "charge_override":null}"""
                .formatted(id, name == null ? "null" : "\"" + name + "\"", ppid, unitId,
                        schedulesJson == null ? "" : ",\"charge_schedules\":" + schedulesJson);
    }

    public static String podsBody(String... pods) {
        return "{\"pods\":[" + String.join(",", pods) + "],\"meta\":{\"pagination\":{\"current_page\":1}}}";
    }

    /** One charge; endsAt may be null (in progress). */
    public static String charge(long id, long podUnitId, double kwh, String startsAt, String endsAt) {
        return """
                {"id":%d,"kwh_used":%s,"duration":%d,"starts_at":%s,"ends_at":%s,
                 "charging_duration":{"raw":%d,"formatted":[{"value":"1","unit":"hour"}]},
                 "billing_event":{"id":null,"amount":null,"currency":null,"exchange_rate":0,
                                  "presentment_amount":null,"presentment_currency":null},
                 "location":{"id":12,"home":true,"address":{"id":901,"business_name":"Home"},"timezone":"Europe/London"},
                 "pod":{"id":%d},"energy_cost":%d,"organisation":null}"""
                .formatted(id, kwh, endsAt == null ? 0 : 95, quote(startsAt), quote(endsAt), endsAt == null ? 0 : 4800,
                        podUnitId, endsAt == null ? 0 : (int) Math.round(kwh * 7));
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    /** A charges page with ids from..to (descending, newest first). */
    public static String chargesPage(int page, int perPage, long fromId, long toId, long unitId) {
        List<String> list = new ArrayList<>();
        for (long id = fromId; id >= toId; id--) {
            list.add(charge(id, unitId, 10.5, "2026-10-01T18:00:00Z", "2026-10-01T21:00:00.000Z"));
        }
        return chargesBody(page, perPage, list);
    }

    public static String chargesBody(int page, int perPage, List<String> charges) {
        return """
                {"charges":[%s],"meta":{"pagination":{"current_page":%d,"per_page":%d,"page_count":9,"item_count":400}}}"""
                .formatted(String.join(",", charges), page, perPage);
    }

    public static String override(String ppid, String requestedAt, String receivedAt, String endsAt) {
        return """
                {"ppid":"%s","requested_at":%s,"received_at":%s,"ends_at":%s}"""
                .formatted(ppid, quote(requestedAt), quote(receivedAt), quote(endsAt));
    }

    /** The connectivity status of one charger (one EVSE, one connector). */
    public static String connectivity(String ppid, boolean online, String chargingState) {
        return """
                {"ppid":"%s","evses":[{"id":1,"connectivityState":{"protocol":"POW","connectivityStatus":"%s",
                  "signalStrength":-58,"lastMessageAt":"2026-11-20T19:04:11Z","connectionStartedAt":"2026-11-19T07:00:00Z",
                  "connectionQuality":3},"connectors":[{"id":1,"door":"A","chargingState":"%s"}],"architecture":"arch3",
                  "energyOfferStatus":{"isOfferingEnergy":true,"reason":"CHARGE_SCHEDULE","until":null,"randomDelay":null,
                  "doNotCache":false}}],"connectedComponents":["evses"]}"""
                .formatted(ppid, online ? "ONLINE" : "OFFLINE", chargingState);
    }

    /** A charges page with an explicit page count. */
    public static String chargesBody(int page, int perPage, int pageCount, List<String> charges) {
        return """
                {"charges":[%s],"meta":{"pagination":{"current_page":%d,"per_page":%d,"page_count":%d,"item_count":%d}}}"""
                .formatted(String.join(",", charges), page, perPage, pageCount, pageCount * perPage);
    }


    public static String pod(long id, String name, String ppid, long unitId, String statusLabel, String schedules,
            String override) {
        String key = statusLabel.toLowerCase(Locale.ROOT).replace(' ', '-');
        return """
                {"id": %d, "name": %s, "ppid": "%s", "payg": false, "home": true, "public": false, "evZone": false,
                 "location": {"lat": 53.48, "lng": -2.24}, "address_id": 31, "description": "",
                 "commissioned_at": "2023-05-10T08:00:00+00:00", "created_at": "2023-05-10T08:00:00+00:00",
                 "last_contact_at": "2026-11-20T09:00:00Z", "contactless_enabled": false, "unit_id": %d,
                 "timezone": "Europe/London",
                 "model": {"id": 7, "name": "S7-2C-05-AXA", "vendor": "Pod Point", "supports_payg": false,
                           "supports_ocpp": false, "supports_contactless": false, "image_url": null},
                 "price": null,
                 "statuses": [{"id": 2, "name": "%s", "key_name": "%s", "label": "%s", "door": "A", "door_id": 1}],
                 "unit_connectors": [{"connector": {"id": 3, "door": "A", "door_id": 1, "power": 7, "current": 32,
                    "voltage": 230, "charge_method": "Single Phase AC", "has_cable": true}}],
                 "charge_schedules": %s,
                 "charge_override": %s}"""
                .formatted(id, name == null ? "null" : "\"" + name + "\"", ppid, unitId, statusLabel, key, statusLabel,
                        schedules, override == null ? "null" : override);
    }

    /** Seven daily windows with the same times and activity. */
    public static String daily(String start, String end, boolean active) {
        List<String> l = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            l.add("""
                    {"uid": "sched-%d", "start_day": %d, "start_time": "%s", "end_day": %d, "end_time": "%s",
                     "status": {"is_active": %s}}""".formatted(d, d, start, d, end, active));
        }
        return "[" + String.join(",", l) + "]";
    }

    public static String boostOverride(String ppid, OffsetDateTime endsAt) {
        return """
                {"ppid": "%s", "requested_at": "%s", "received_at": "%s", "ends_at": "%s"}"""
                .formatted(ppid, iso(endsAt.minusHours(1)), iso(endsAt.minusHours(1)), iso(endsAt));
    }

    public static String iso(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public static String charge(long id, double kwh, int minutes, String startsAt, String endsAt, Integer chargingSeconds,
            int pence, long podUnitId) {
        return """
                {"id": %d, "kwh_used": %s, "duration": %d, "starts_at": "%s", "ends_at": %s,
                 "charging_duration": {"raw": %s, "formatted": null},
                 "billing_event": {"id": null, "amount": null, "currency": null, "exchange_rate": 0,
                                   "presentment_amount": null, "presentment_currency": null},
                 "location": {"id": 4, "home": true, "address": {"id": 31, "business_name": "Home"},
                              "timezone": "Europe/London"},
                 "pod": {"id": %d}, "energy_cost": %d, "organisation": null}"""
                .formatted(id, kwh, minutes, startsAt, endsAt == null ? "null" : "\"" + endsAt + "\"",
                        chargingSeconds == null ? "null" : chargingSeconds, podUnitId, pence);
    }
}
