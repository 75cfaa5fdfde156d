package dev.podbot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Precedence of demo mode's defaults against the other configuration sources, without starting Quarkus. */
class DemoConfigSourceFactoryTest {

    static final Map<String, String> APP = Map.of(
            "podpoint.api-url", "https://mobile-api.pod-point.com",
            "bot.poll-interval", "300s",
            "quarkus.datasource.jdbc.url", "jdbc:h2:file:./data/podbot");

    static SmallRyeConfig config(Map<String, String> env, String... profiles) {
        Map<String, String> app = new HashMap<>(APP);
        return new SmallRyeConfigBuilder()
                .withProfiles(java.util.List.of(profiles))
                .withSources(new PropertiesConfigSource(app, "application.properties", 250))
                .withSources(new PropertiesConfigSource(env, "environment-like", 300))
                .withSources(new DemoConfigSourceFactory())
                .build();
    }

    @Test
    void nothingChangesWithoutDemoMode() {
        SmallRyeConfig c = config(Map.of("bot.demo", "false"));
        assertThat(c.getRawValue("podpoint.api-url")).isEqualTo("https://mobile-api.pod-point.com");
        assertThat(c.getRawValue("bot.poll-interval")).isEqualTo("300s");
        assertThat(c.getRawValue("quarkus.datasource.jdbc.url")).isEqualTo("jdbc:h2:file:./data/podbot");
    }

    @Test
    void demoModeBeatsApplicationProperties() {
        SmallRyeConfig c = config(Map.of("bot.demo", "true", "quarkus.http.port", "9090"));
        assertThat(c.getRawValue("podpoint.api-url")).isEqualTo("http://localhost:9090/demo/sim/api");
        assertThat(c.getRawValue("podpoint.auth-url")).isEqualTo("http://localhost:9090/demo/sim/auth");
        assertThat(c.getRawValue("podpoint.token-url")).isEqualTo("http://localhost:9090/demo/sim/token");
        assertThat(c.getRawValue("podpoint.mfa-url")).isEqualTo("http://localhost:9090/demo/sim/mfa");
        assertThat(c.getRawValue("bot.poll-interval")).isEqualTo("2s");
        assertThat(c.getRawValue("quarkus.datasource.jdbc.url")).isEqualTo("jdbc:h2:mem:podbot-demo;DB_CLOSE_DELAY=-1");
        assertThat(config(Map.of("bot.demo", "true")).getRawValue("podpoint.api-url"))
                .isEqualTo("http://localhost:8080/demo/sim/api");
    }

    @Test
    void explicitEnvironmentSettingsStillWin() {
        SmallRyeConfig c = config(Map.of("bot.demo", "true", "bot.poll-interval", "30s",
                "podpoint.api-url", "http://elsewhere:1/api", "quarkus.datasource.jdbc.url", "jdbc:h2:mem:mine"));
        assertThat(c.getRawValue("bot.poll-interval")).isEqualTo("30s");
        assertThat(c.getRawValue("podpoint.api-url")).isEqualTo("http://elsewhere:1/api");
        assertThat(c.getRawValue("quarkus.datasource.jdbc.url")).isEqualTo("jdbc:h2:mem:mine");
        assertThat(c.getRawValue("podpoint.auth-url")).isEqualTo("http://localhost:8080/demo/sim/auth");
    }

    @Test
    void testProfileUsesTheTestPortAndSimUrlOverridesEverything() {
        assertThat(config(Map.of("bot.demo", "true", "quarkus.http.test-port", "18123"), "test")
                .getRawValue("podpoint.api-url")).isEqualTo("http://localhost:18123/demo/sim/api");
        assertThat(config(Map.of("bot.demo", "TRUE", "demo.sim-url", "http://proxy.local/podbot/demo/sim/"))
                .getRawValue("podpoint.token-url")).isEqualTo("http://proxy.local/podbot/demo/sim/token");
    }

    @Test
    void postgresqlBuildsKeepTheirDatabase() {
        SmallRyeConfig c = config(Map.of("bot.demo", "true", "quarkus.datasource.db-kind", "postgresql"));
        assertThat(c.getRawValue("quarkus.datasource.jdbc.url")).isEqualTo("jdbc:h2:file:./data/podbot");
    }
}
