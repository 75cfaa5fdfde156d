package dev.podbot.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Demo mode's defaults, present only when {@code bot.demo=true}: the Pod Point URLs point at the in-process
 * simulator ({@code /demo/sim} on the app's own HTTP port), the database is an in-memory H2 (the simulator's
 * state is in memory too, so both start fresh together), and accounts are polled every 2 seconds.
 *
 * <p>Ordinal {@value #ORDINAL}: above application.properties (250), below environment variables (300), .env (295)
 * and system properties (400). So an explicit PODPOINT_API_URL, BOT_POLL_INTERVAL or QUARKUS_DATASOURCE_JDBC_URL
 * still wins over these defaults.
 */
public class DemoConfigSourceFactory implements ConfigSourceFactory {

    public static final int ORDINAL = 275;
    public static final String NAME = "podbot-demo-defaults";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!"true".equalsIgnoreCase(value(context, "bot.demo", "false").trim())) {
            return List.of();
        }
        String base = value(context, "demo.sim-url", null);
        if (base == null || base.isBlank()) {
            boolean test = context.getProfiles().contains("test");
            String port = test ? value(context, "quarkus.http.test-port", "8081")
                    : value(context, "quarkus.http.port", "8080");
            base = "http://localhost:" + port.trim() + "/demo/sim";
        }
        base = base.replaceAll("/+$", "");
        Map<String, String> p = new HashMap<>();
        p.put("podpoint.api-url", base + "/api");
        p.put("podpoint.auth-url", base + "/auth");
        p.put("podpoint.token-url", base + "/token");
        p.put("podpoint.mfa-url", base + "/mfa");
        p.put("bot.poll-interval", "2s");
        if ("h2".equals(value(context, "quarkus.datasource.db-kind", "h2"))) {
            p.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:podbot-demo;DB_CLOSE_DELAY=-1");
        }
        return List.of(new PropertiesConfigSource(p, NAME, ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static String value(ConfigSourceContext context, String name, String dflt) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null ? dflt : v.getValue();
    }
}
