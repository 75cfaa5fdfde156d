package dev.podbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.podbot.BotConfig;
import dev.podbot.demo.DemoConfig;
import dev.podbot.notify.NotifyConfig;
import dev.podbot.telegram.TelegramConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappingInterface;
import io.smallrye.config.ConfigMappingInterface.Property;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * A value of the wrong type is one line naming the environment variable, and does not stop the configuration from
 * being built (its default stands in), so that {@link ConfigurationCheck} can report it with every other problem.
 */
class MalformedSettingsTest {

    static SmallRyeConfig config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withConverter(Duration.class, 100, new DurationConverter())
                .withInterceptors(new MalformedSettings())
                .withMapping(BotConfig.class).withMapping(TelegramConfig.class).withMapping(NotifyConfig.class)
                .withMapping(DemoConfig.class)
                .withSources(new MapBackedConfigSource("test", settings) {
                })
                .build();
    }

    @Test
    void everyMalformedValueIsOneLineNamingItsEnvironmentVariableAndItsDefaultStandsIn() {
        Map<String, String> bad = new HashMap<>();
        bad.put("bot.poll-interval", "abc");
        bad.put("notify.timezone", "Mars/Base");
        bad.put("telegram.workers", "eight");
        bad.put("telegram.rate.global-per-second", "fast");
        bad.put("notify.enabled", "maybe");
        bad.put("bot.allowed-users", "123,alice");
        bad.put("demo.cycle", "2 minutes");
        SmallRyeConfig config = config(bad); // Quarkus's own conversion would throw here
        List<String> problems = ConfigurationCheck.malformed(config);
        assertThat(problems).containsExactly(
                "BOT_ALLOWED_USERS must be Telegram user ids (whole numbers) separated by commas",
                "BOT_POLL_INTERVAL must be a duration such as 30s, 5m or 1h",
                "TELEGRAM_RATE_GLOBAL_PER_SECOND must be a number such as 30 or 0.5",
                "TELEGRAM_WORKERS must be a whole number",
                "NOTIFY_ENABLED must be true or false",
                "NOTIFY_TIMEZONE must be a time zone such as Europe/London or UTC",
                "DEMO_CYCLE must be a duration such as 30s, 5m or 1h");
        assertThat(String.join("\n", problems)).doesNotContain("abc").doesNotContain("Mars").doesNotContain("alice");
        assertThat(config.getConfigMapping(BotConfig.class).pollInterval()).isEqualTo(Duration.ofSeconds(300));
        assertThat(config.getConfigMapping(BotConfig.class).allowedUsers()).isEmpty();
        assertThat(config.getConfigMapping(NotifyConfig.class).timezone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(config.getConfigMapping(TelegramConfig.class).workers()).isEqualTo(16);
    }

    @Test
    void wellFormedValuesPassUnchangedAndSpacesAroundThemAreForgiven() {
        SmallRyeConfig config = config(Map.of("bot.poll-interval", " 5m ", "notify.enabled", "off",
                "telegram.workers", "4", "bot.allowed-users", "1, 2,3", "notify.timezone", "UTC",
                "telegram.rate.per-chat-per-second", "0.5"));
        assertThat(ConfigurationCheck.malformed(config)).isEmpty();
        assertThat(config.getConfigMapping(BotConfig.class).pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.getConfigMapping(BotConfig.class).allowedUsers()).contains(List.of(1L, 2L, 3L));
        assertThat(config.getConfigMapping(NotifyConfig.class).enabled()).isFalse();
        assertThat(config.getConfigMapping(TelegramConfig.class).workers()).isEqualTo(4);
    }

    @Test
    void aValueFromAnExpressionIsCheckedOnceExpanded() {
        SmallRyeConfig config = config(Map.of("notify.tick", "${TICK_FROM_ELSEWHERE:1s}", "TICK_FROM_ELSEWHERE", "x"));
        assertThat(ConfigurationCheck.malformed(config)).containsExactly(
                "NOTIFY_TICK must be a duration such as 30s, 5m or 1h");
        assertThat(ConfigurationCheck.malformed(config(Map.of("notify.tick", "${TICK_FROM_ELSEWHERE:2s}"))))
                .isEmpty();
    }

    @Test
    void aBadPortIsNamedAndNoPortIsProbedForIt() {
        SmallRyeConfig config = config(Map.of("quarkus.http.port", "80a"));
        assertThat(ConfigurationCheck.malformed(config)).containsExactly(
                "QUARKUS_HTTP_PORT must be a port number from 0 to 65535");
        assertThat(config.getValue("quarkus.http.port", Integer.class)).isZero();
        assertThat(ConfigurationCheck.malformed(config(Map.of("quarkus.http.port", "70000")))).hasSize(1);
    }

    /** Every typed setting of every {@code @ConfigMapping} is checked, with its own default standing in. */
    @Test
    void theListCoversEveryTypedSettingOfTheMappings() {
        Map<String, MalformedSettings.Setting> expected = new HashMap<>();
        for (Class<?> mapping : ConfigurationContractTest.mappings()) {
            String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
            collect(prefix, ConfigMappingInterface.getConfigurationInterface(mapping), expected);
        }
        Map<String, MalformedSettings.Setting> listed = new HashMap<>(MalformedSettings.SETTINGS);
        listed.keySet().removeIf(k -> k.startsWith("quarkus."));
        assertThat(listed).isEqualTo(expected);
    }

    static void collect(String prefix, ConfigMappingInterface type, Map<String, MalformedSettings.Setting> out) {
        for (Property p : type.getProperties()) {
            if (p.isDefaultMethod()) {
                continue;
            }
            String name = prefix + "." + (p.hasPropertyName() ? p.getPropertyName() : kebab(p.getMethod().getName()));
            if (p.isGroup()) {
                collect(name, p.asGroup().getGroupType(), out);
                continue;
            }
            Property value = p.isOptional() ? p.asOptional().getNestedProperty() : p;
            Class<?> raw;
            if (value.isPrimitive()) {
                raw = value.asPrimitive().getBoxType();
            } else if (value.isCollection()) {
                Property element = value.asCollection().getElement();
                raw = element.isLeaf() ? element.asLeaf().getValueRawType() : Object.class;
                raw = raw == Long.class ? List.class : null;
            } else {
                raw = value.asLeaf().getValueRawType();
            }
            SettingFormat format = raw == null ? null : switch (raw.getSimpleName()) {
                case "Duration" -> SettingFormat.DURATION;
                case "Integer", "Long" -> SettingFormat.WHOLE_NUMBER;
                case "Double" -> SettingFormat.NUMBER;
                case "Boolean" -> SettingFormat.TRUE_FALSE;
                case "ZoneId" -> SettingFormat.TIME_ZONE;
                case "List" -> SettingFormat.USER_IDS;
                case "String" -> null;
                default -> throw new AssertionError(name + ": no format for " + raw);
            };
            if (format != null) {
                out.put(name, new MalformedSettings.Setting(format, p.hasDefaultValue() ? p.getDefaultValue() : null));
            }
        }
    }

    static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
