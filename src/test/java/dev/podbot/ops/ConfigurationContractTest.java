package dev.podbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.podbot.BotConfig;
import dev.podbot.demo.DemoConfig;
import dev.podbot.notify.NotifyConfig;
import dev.podbot.podpoint.PodPointConfig;
import dev.podbot.telegram.TelegramConfig;
import io.smallrye.config.ConfigMapping;

/**
 * The settings a self-hoster can see are one set: the README's configuration table, .env.example, and what the code
 * reads (the {@code @ConfigMapping} interfaces, the {@code ${ENV}} references and the Quarkus keys of
 * application.properties).
 */
class ConfigurationContractTest {

    /** Every {@code @ConfigMapping} of the application, found in the compiled classes (a new one is checked too). */
    static List<Class<?>> mappings() {
        List<Class<?>> found = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.podbot").stream().filter(c -> c.isAnnotatedWith(ConfigMapping.class))
                .<Class<?>>map(JavaClass::reflect).toList();
        assertThat(found).contains(BotConfig.class, TelegramConfig.class, NotifyConfig.class, OpsConfig.class,
                PodPointConfig.class, DemoConfig.class);
        return found;
    }
    /** Tuning kept out of the documentation on purpose: retries of outbound Telegram calls (telegram.retry.*). */
    static final String UNDOCUMENTED_PREFIX = "TELEGRAM_RETRY_";
    /** Read by docker/docker-compose.yml only (documented in the README's Docker section). */
    static final Set<String> COMPOSE_ONLY = Set.of("POSTGRES_PASSWORD");

    @Test
    void readmeEnvExampleAndCodeNameTheSameSettings() throws IOException {
        Set<String> readme = readmeTable();
        Set<String> envExample = envExample();
        envExample.removeAll(COMPOSE_ONLY);
        assertThat(envExample).as(".env.example vs README table").containsExactlyInAnyOrderElementsOf(readme);

        Set<String> code = fromMappings();
        assertThat(code).anyMatch(n -> n.startsWith(UNDOCUMENTED_PREFIX));
        code.removeIf(n -> n.startsWith(UNDOCUMENTED_PREFIX));
        Set<String> ours = new TreeSet<>(readme);
        ours.removeIf(n -> n.startsWith("QUARKUS_"));
        assertThat(ours).as("README table (without QUARKUS_*) vs @ConfigMapping settings")
                .containsExactlyInAnyOrderElementsOf(code);

        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        assertThat(code).as("${ENV} references in application.properties").containsAll(envReferences(properties));
        for (String name : readme) {
            if (name.startsWith("QUARKUS_")) {
                String key = name.toLowerCase().replace('_', '.');
                assertThat(properties).as(name + " is a Quarkus setting this app sets").contains("\n" + key + "=");
            }
        }
    }

    @Test
    void envExampleLeavesTheImagesJsonLogsAlone() throws IOException {
        // an uncommented value in .env would override the images' QUARKUS_LOG_CONSOLE_JSON_ENABLED=true
        assertThat(Files.readAllLines(Path.of(".env.example")))
                .noneMatch(l -> l.startsWith("QUARKUS_LOG_CONSOLE_JSON_ENABLED="));
    }

    static Set<String> readmeTable() throws IOException {
        String text = Files.readString(Path.of("README.md"));
        int start = text.indexOf("\n## Configuration");
        String section = text.substring(start, text.indexOf("\n## ", start + 1));
        Set<String> names = new TreeSet<>();
        Pattern name = Pattern.compile("`([A-Z_][A-Z0-9_]*)`");
        for (String line : section.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String cell = line.substring(1, line.indexOf('|', 1));
            String previous = null;
            Matcher m = name.matcher(cell);
            while (m.find()) {
                String n = m.group(1);
                if (n.startsWith("_") && previous != null) {
                    // `QUARKUS_DATASOURCE_USERNAME` / `_PASSWORD`: the last word replaced
                    n = previous.substring(0, previous.lastIndexOf('_')) + n;
                }
                names.add(n);
                previous = n;
            }
        }
        assertThat(names).isNotEmpty();
        return names;
    }

    static Set<String> envExample() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern setting = Pattern.compile("^#? ?([A-Z][A-Z0-9_]+)=");
        for (String line : Files.readAllLines(Path.of(".env.example"))) {
            Matcher m = setting.matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static Set<String> fromMappings() {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : mappings()) {
            collect(type, type.getAnnotation(ConfigMapping.class).prefix(), names);
        }
        return names;
    }

    static void collect(Class<?> type, String prefix, Set<String> names) {
        for (Method m : type.getMethods()) {
            if (m.isDefault() || Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 0) {
                continue;
            }
            String key = prefix + "." + m.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            Class<?> r = m.getReturnType();
            if (r.isInterface() && r.getName().startsWith("dev.podbot.")) {
                collect(r, key, names);
            } else {
                names.add(key.toUpperCase().replace('.', '_').replace('-', '_'));
            }
        }
    }

    static Set<String> envReferences(String properties) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)[:}]").matcher(properties);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
