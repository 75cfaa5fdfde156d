package dev.podbot.e2e;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.podbot.notify.TestClock;

/**
 * The end-to-end app (fake Bot API, Pod Point in WireMock) on the notification test clock, so the receipts' 15 s /
 * 60 s steps and BOT_CONFIRM_TIMEOUT pass at the test's command, never by waiting. Account polling is on (the
 * test profile switches it off elsewhere), so the cost of receipts is measured beside real poll cycles.
 */
public class ReceiptsProfile extends EndToEndProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> m = new HashMap<>(super.getConfigOverrides());
        m.put("notify.enabled", "true");
        return m;
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }
}
