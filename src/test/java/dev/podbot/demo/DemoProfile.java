package dev.podbot.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Demo mode on, as {@code -Dbot.demo=true} would do. The app needs to know its own port to call its simulator, so
 * the test port is a free port picked here rather than Quarkus's random 0.
 */
public class DemoProfile implements QuarkusTestProfile {

    static final int PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        // notify.enabled: the test profile switches polling off for other areas; the demo needs it
        return Map.of("bot.demo", "true", "quarkus.http.test-port", String.valueOf(PORT),
                "demo.apply-delay", "1s", "notify.enabled", "true");
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
