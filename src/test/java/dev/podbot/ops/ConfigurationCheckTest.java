package dev.podbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.podbot.BotConfig;
import dev.podbot.telegram.TelegramConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

/** The start-up check reports every hand-written setting that is wrong, one line each, without its value. */
class ConfigurationCheckTest {

    static final String GOOD_TOKEN = "7000000001:ZZF4k3-t0ken_For-Tests_0123456789abc";
    static final String GOOD_KEY = "dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktdGVzdCE=";

    static List<String> problems(Map<String, String> settings) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(java.time.Duration.class, 100, new DurationConverter())
                .withMapping(BotConfig.class).withMapping(TelegramConfig.class)
                .withSources(new MapBackedConfigSource("test", settings) {
                })
                .build();
        return ConfigurationCheck.problems(config.getConfigMapping(BotConfig.class),
                config.getConfigMapping(TelegramConfig.class));
    }

    @Test
    void aWellFormedTokenAndKeyPass() {
        assertThat(problems(Map.of("telegram.bot-token", GOOD_TOKEN, "bot.encryption-key", GOOD_KEY))).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> problems = problems(Map.of("telegram.bot-token", "hello"));
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("TELEGRAM_BOT_TOKEN does not look like a bot token")
                .contains("@BotFather").doesNotContain("hello");
        assertThat(problems.get(1)).startsWith("BOT_ENCRYPTION_KEY is not set").contains("openssl rand");
        assertThat(problems).allSatisfy(p -> assertThat(p).doesNotContain("\n"));
        assertThat(ConfigurationCheck.message(problems)).startsWith(ConfigurationCheck.HEADLINE)
                .contains("\n  - TELEGRAM_BOT_TOKEN").contains("\n  - BOT_ENCRYPTION_KEY");
    }

    @Test
    void theReadmePlaceholderIsNotAToken() {
        assertThat(problems(Map.of("telegram.bot-token", "123456789:AA...", "bot.encryption-key", GOOD_KEY)))
                .singleElement().asString().startsWith("TELEGRAM_BOT_TOKEN does not look like a bot token");
        assertThat(problems(Map.of("telegram.bot-token", "7000000001:" + "x".repeat(51), "bot.encryption-key",
                GOOD_KEY))).hasSize(1);
        // Telegram's own documentation example (34 characters after the colon) is accepted
        assertThat(problems(Map.of("telegram.bot-token", "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11",
                "bot.encryption-key", GOOD_KEY))).isEmpty();
    }

    @Test
    void aMissingTokenSaysWhereToGetOne() {
        assertThat(problems(Map.of("bot.encryption-key", GOOD_KEY))).singleElement().asString()
                .startsWith("TELEGRAM_BOT_TOKEN is not set").contains("@BotFather").contains("BOT_DEMO=true");
    }

    @Test
    void aHexKeyFromOpensslRandHexIsAccepted() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String hex = HexFormat.of().formatHex(raw);
        assertThat(problems(Map.of("telegram.bot-token", GOOD_TOKEN, "bot.encryption-key", hex))).isEmpty();
        assertThat(problems(Map.of("telegram.bot-token", GOOD_TOKEN, "bot.encryption-key", GOOD_KEY,
                "bot.old-encryption-keys", "short"))).singleElement().asString()
                .startsWith("BOT_OLD_ENCRYPTION_KEYS");
    }

    @Test
    void aBadApiUrlIsOneMoreLine() {
        assertThat(problems(Map.of("telegram.bot-token", GOOD_TOKEN, "bot.encryption-key", GOOD_KEY,
                "telegram.api-url", "ftp://x"))).singleElement().asString().contains("TELEGRAM_API_URL");
    }

    @Test
    void demoModeNeedsNeitherTokenNorKeyButChecksThemWhenGiven() {
        assertThat(problems(Map.of("bot.demo", "true"))).isEmpty();
        assertThat(problems(Map.of("bot.demo", "true", "telegram.bot-token", "hello", "bot.encryption-key", "x")))
                .hasSize(2);
    }

    @Test
    void aTakenPortNamesTheSettingThatChangesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThat(ConfigurationCheck.portProblem("0.0.0.0", taken.getLocalPort())).get().asString()
                    .contains("Port " + taken.getLocalPort() + " is already in use").contains("QUARKUS_HTTP_PORT");
        }
        assertThat(ConfigurationCheck.portProblem("0.0.0.0", PackagedApp.freePort())).isEmpty();
    }

    @Test
    void webhookModeNeedsBothItsSettings() {
        Map<String, String> base = Map.of("telegram.bot-token", GOOD_TOKEN, "bot.encryption-key", GOOD_KEY);
        assertThat(problems(with(base, "telegram.webhook-url", "https://bot.example.org/telegram/webhook")))
                .singleElement().asString()
                .startsWith("TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is not");
        assertThat(problems(with(base, "telegram.webhook-secret", "s3cret"))).singleElement().asString()
                .startsWith("TELEGRAM_WEBHOOK_SECRET is set but TELEGRAM_WEBHOOK_URL is not");
        Map<String, String> both = with(base, "telegram.webhook-url", "https://bot.example.org/telegram/webhook");
        assertThat(problems(with(both, "telegram.webhook-secret", "no spaces allowed"))).singleElement().asString()
                .startsWith("TELEGRAM_WEBHOOK_SECRET must be").doesNotContain("no spaces allowed");
        assertThat(problems(with(both, "telegram.webhook-secret", "s3cret_-OK"))).isEmpty();
    }

    static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }

    @Test
    void noTokenIsNeededWhenTelegramIsSwitchedOff() {
        assertThat(problems(Map.of("telegram.enabled", "false", "bot.encryption-key", GOOD_KEY))).isEmpty();
    }
}
