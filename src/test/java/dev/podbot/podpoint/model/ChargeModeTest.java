package dev.podbot.podpoint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import dev.podbot.podpoint.model.ChargeOverride;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ChargeModeTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    static OffsetDateTime at(String iso) {
        return OffsetDateTime.parse(iso);
    }

    @Test
    void noOverrideIsSmart() {
        assertEquals(ChargeMode.SMART, ChargeMode.of((ChargeOverride) null, NOW));
        assertEquals(ChargeMode.SMART, ChargeMode.of(new ChargeOverride(null, null, null, null), NOW));
    }

    @Test
    void futureEndIsBoostUntilThen() {
        ChargeMode m = ChargeMode.of(new ChargeOverride("PSL-1", at("2026-11-20T11:00:00Z"), at("2026-11-20T11:00:05Z"),
                at("2026-11-20T13:30:00Z")), NOW);
        assertEquals(ChargeMode.Kind.BOOST, m.kind());
        assertEquals(at("2026-11-20T13:30:00Z"), m.until());
    }

    @Test
    void anExpiredOverrideStillReturnedIsSmartAndNeverThrows() {
        ChargeMode m = ChargeMode.of(new ChargeOverride("PSL-1", at("2026-11-19T08:00:00Z"), at("2026-11-19T08:00:03Z"),
                at("2026-11-19T09:00:00Z")), NOW);
        assertEquals(ChargeMode.SMART, m);
        assertNull(m.until());
    }

    @Test
    void openEndedOverrideIsManual() {
        assertEquals(ChargeMode.MANUAL, ChargeMode.of(new ChargeOverride("PSL-1", at("2026-11-20T08:00:00Z"),
                at("2026-11-20T08:00:02Z"), null), NOW));
        // not yet received by the pod: still Manual (requested)
        assertEquals(ChargeMode.MANUAL, ChargeMode.of(new ChargeOverride("PSL-1", at("2026-11-20T08:00:00Z"), null, null), NOW));
    }

    @Test
    void oddOverridesNeverThrow() {
        assertEquals(ChargeMode.SMART, ChargeMode.of(new ChargeOverride("PSL-1", null, null, null), NOW));
        // API doc §5.9: an override without ppid (and without requested_at) is no override
        assertEquals(ChargeMode.SMART, ChargeMode.of(new ChargeOverride(null, null, null,
                NOW.plusSeconds(60).atOffset(ZoneOffset.ofHours(1))), NOW));
        assertEquals(ChargeMode.Kind.BOOST, ChargeMode.of(new ChargeOverride("PSL-1", null, null,
                NOW.plusSeconds(60).atOffset(ZoneOffset.ofHours(1))), NOW).kind());
        assertEquals(ChargeMode.SMART, ChargeMode.of(new ChargeOverride("PSL-1", null, null, NOW.atOffset(ZoneOffset.UTC)), NOW),
                "ending exactly now is over");
    }
}
