package dev.podbot.ops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Keeps a malformed typed setting ({@code BOT_POLL_INTERVAL=abc}, {@code NOTIFY_TIMEZONE=Mars/Base}) from stopping the
 * start inside Quarkus's own configuration validation, which prints its own text with the property name
 * ({@code bot.poll-interval}) and one problem per conversion, before any of our code runs. Instead the value is
 * recorded here as one problem naming the environment variable, and the setting's default stands in for it, so
 * Quarkus builds its configuration; {@link ConfigurationCheck} then reports these problems together with its own
 * and stops the start before the bot does anything.
 *
 * <p>A configuration interceptor (registered in {@code META-INF/services}), because the configuration is
 * converted while it is built, before any bean or start-up observer exists. The problems are read back through the
 * same configuration, as the value of {@value #PROBLEMS}, so each configuration (and each test application) has
 * its own. {@link #SETTINGS} lists every typed setting of the {@code @ConfigMapping}s and the Quarkus settings the
 * README documents; {@code MalformedSettingsTest} checks it against the mappings.
 */
@Priority(MalformedSettings.PRIORITY)
public class MalformedSettings implements ConfigSourceInterceptor {

    /**
     * Higher priorities are called first: this one wraps SmallRye's profile (3200) and expression (3300)
     * interceptors, so it sees each value as the mapping would, profile applied and {@code ${…}} expanded.
     */
    static final int PRIORITY = Priorities.APPLICATION;

    /** Not a setting: reading it returns this configuration's malformed-setting problems, one per line. */
    static final String PROBLEMS = "podbot.internal.malformed-settings";

    /** A typed setting: its format, and the value that stands in for a malformed one (its default). */
    record Setting(SettingFormat format, String standIn) {
    }

    static final Map<String, Setting> SETTINGS = settings();

    private static Map<String, Setting> settings() {
        Map<String, Setting> m = new LinkedHashMap<>();
        m.put("bot.allowed-users", new Setting(SettingFormat.USER_IDS, null));
        m.put("bot.poll-interval", new Setting(SettingFormat.DURATION, "300s"));
        m.put("bot.poll-concurrency", new Setting(SettingFormat.WHOLE_NUMBER, "8"));
        m.put("bot.confirm-timeout", new Setting(SettingFormat.DURATION, "10m"));
        m.put("bot.demo", new Setting(SettingFormat.TRUE_FALSE, "false"));
        m.put("telegram.enabled", new Setting(SettingFormat.TRUE_FALSE, "true"));
        m.put("telegram.rate.global-per-second", new Setting(SettingFormat.NUMBER, "30"));
        m.put("telegram.rate.per-chat-per-second", new Setting(SettingFormat.NUMBER, "1"));
        m.put("telegram.rate.reply-burst", new Setting(SettingFormat.WHOLE_NUMBER, "3"));
        m.put("telegram.retry.attempts", new Setting(SettingFormat.WHOLE_NUMBER, "4"));
        m.put("telegram.retry.initial-backoff", new Setting(SettingFormat.DURATION, "500ms"));
        m.put("telegram.retry.max-backoff", new Setting(SettingFormat.DURATION, "10s"));
        m.put("telegram.retry.max-retry-after", new Setting(SettingFormat.DURATION, "60s"));
        m.put("telegram.retry.interactive-for", new Setting(SettingFormat.DURATION, "60s"));
        m.put("telegram.workers", new Setting(SettingFormat.WHOLE_NUMBER, "16"));
        m.put("telegram.polling-stall-timeout", new Setting(SettingFormat.DURATION, "150s"));
        m.put("podpoint.timeout", new Setting(SettingFormat.DURATION, "10s"));
        m.put("ops.health.cache-ttl", new Setting(SettingFormat.DURATION, "30s"));
        m.put("ops.health.timeout", new Setting(SettingFormat.DURATION, "3s"));
        m.put("notify.enabled", new Setting(SettingFormat.TRUE_FALSE, "true"));
        m.put("notify.digest", new Setting(SettingFormat.TRUE_FALSE, "true"));
        m.put("notify.tick", new Setting(SettingFormat.DURATION, "1s"));
        m.put("notify.timezone", new Setting(SettingFormat.TIME_ZONE, "Europe/London"));
        m.put("notify.firmware-every", new Setting(SettingFormat.WHOLE_NUMBER, "12"));
        m.put("notify.claim-timeout", new Setting(SettingFormat.DURATION, "5m"));
        m.put("notify.max-backoff", new Setting(SettingFormat.DURATION, "1h"));
        m.put("notify.send-batch", new Setting(SettingFormat.WHOLE_NUMBER, "200"));
        m.put("notify.send-threads", new Setting(SettingFormat.WHOLE_NUMBER, "8"));
        m.put("notify.stall-timeout", new Setting(SettingFormat.DURATION, "10m"));
        m.put("notify.max-attempts", new Setting(SettingFormat.WHOLE_NUMBER, "10"));
        m.put("demo.cycle", new Setting(SettingFormat.DURATION, "2m"));
        m.put("demo.apply-delay", new Setting(SettingFormat.DURATION, "20s"));
        // Quarkus's own, as documented in the README. Port 0 stands in: ConfigurationCheck probes no port then.
        m.put("quarkus.http.port", new Setting(SettingFormat.PORT, "0"));
        m.put("quarkus.log.console.json.enabled", new Setting(SettingFormat.TRUE_FALSE, "false"));
        return Collections.unmodifiableMap(m);
    }

    /** By property name; the line says which environment variable to fix. */
    private final Map<String, String> problems = new ConcurrentHashMap<>();

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (PROBLEMS.equals(name)) {
            // every listed setting is checked, whether or not something has read it yet
            SETTINGS.keySet().forEach(setting -> check(setting, context.proceed(setting)));
            List<String> lines = SETTINGS.keySet().stream().filter(problems::containsKey).map(problems::get).toList();
            return lines.isEmpty() ? null
                    : ConfigValue.builder().withName(PROBLEMS).withValue(String.join("\n", lines)).build();
        }
        return check(name, context.proceed(name));
    }

    /** The value to use instead of {@code value}: the same, trimmed, or (malformed) the stand-in. */
    private ConfigValue check(String name, ConfigValue value) {
        Setting setting = SETTINGS.get(name);
        if (setting == null || value == null || value.getValue() == null) {
            return value;
        }
        String raw = value.getValue().trim();
        if (raw.isEmpty()) {
            return value; // empty means "not set"
        }
        if (setting.format().accepts(raw)) {
            return raw.equals(value.getValue()) ? value : value.withValue(raw);
        }
        problems.put(name, setting.format().problem(envName(name)));
        return setting.standIn() == null ? null : value.withValue(setting.standIn());
    }

    /** The environment variable of a property: {@code telegram.rate.reply-burst} → {@code TELEGRAM_RATE_REPLY_BURST}. */
    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
