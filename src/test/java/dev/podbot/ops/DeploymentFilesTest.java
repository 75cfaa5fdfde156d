package dev.podbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Static checks of docker/ (no container engine is available to the build): the compose files parse and wire what
 * the README promises, and the Dockerfiles run as a non-root user without baking secrets in. The COPY sources are
 * checked against the real build output by {@code DockerfileBuildOutputIT} after {@code package}.
 */
class DeploymentFilesTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Settings of the configuration contract (see .env.example) plus the compose-only POSTGRES_* ones. */
    static final Set<String> CONTRACT = Set.of("TELEGRAM_BOT_TOKEN", "TELEGRAM_API_URL", "TELEGRAM_WEBHOOK_URL",
            "TELEGRAM_WEBHOOK_SECRET", "BOT_ENCRYPTION_KEY", "BOT_OLD_ENCRYPTION_KEYS", "BOT_ALLOWED_USERS",
            "BOT_POLL_INTERVAL", "BOT_POLL_CONCURRENCY", "BOT_DEMO", "PODPOINT_API_URL", "PODPOINT_AUTH_URL",
            "PODPOINT_TOKEN_URL", "PODPOINT_MFA_URL", "PODPOINT_API_KEY", "QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "QUARKUS_HTTP_PORT",
            "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "OPS_HEALTH_CACHE_TTL", "OPS_HEALTH_TIMEOUT");
    static final Pattern SECRET_NAME = Pattern.compile("(?i)(TOKEN|SECRET|PASSWORD|ENCRYPTION_KEY|API_KEY)");

    static JsonNode compose(String file) throws IOException {
        return YAML.readTree(Path.of("docker", file).toFile());
    }

    static List<String> lines(String dockerfile) throws IOException {
        return Files.readAllLines(Path.of("docker", dockerfile));
    }

    /** Instructions of the last stage (the image that ships). */
    static List<String> finalStage(List<String> lines) {
        int from = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ")) {
                from = i;
            }
        }
        return lines.subList(from, lines.size());
    }

    static void assertBotService(JsonNode bot, String dbKind) {
        assertThat(bot.path("build").path("dockerfile").asText()).isEqualTo("docker/Dockerfile.jvm");
        assertThat(bot.path("build").path("context").asText()).isEqualTo("..");
        assertThat(bot.path("build").path("args").path("DB_KIND").asText()).isEqualTo(dbKind);
        assertThat(bot.path("restart").asText()).isEqualTo("unless-stopped");
        assertThat(bot.path("env_file").asText()).isEqualTo("../.env");
        assertThat(Path.of(".env.example")).exists();
        JsonNode env = bot.path("environment");
        env.fieldNames().forEachRemaining(name -> assertThat(CONTRACT).as("known setting").contains(name));
        assertThat(env.path("QUARKUS_LOG_CONSOLE_JSON_ENABLED").asText()).isEqualTo("true");
        // secrets come from .env (env_file) or compose variables, never as literals in the file
        env.fields().forEachRemaining(e -> {
            if (SECRET_NAME.matcher(e.getKey()).find()) {
                assertThat(e.getValue().asText()).as(e.getKey()).startsWith("${");
            }
        });
        assertThat(env.has("TELEGRAM_BOT_TOKEN")).isFalse();
        assertThat(env.has("BOT_ENCRYPTION_KEY")).isFalse();
        JsonNode test = bot.path("healthcheck").path("test");
        assertThat(test.get(0).asText()).isEqualTo("CMD");
        assertThat(test.get(1).asText()).isEqualTo("/app/healthcheck.sh");
        // liveness: readiness includes Telegram and Pod Point, whose outages must not mark the container unhealthy
        assertThat(test.get(2).asText()).isEqualTo("/q/health/live");
        assertThat(bot.path("healthcheck").path("start_period").asText()).isNotEmpty();
        assertThat(bot.path("ports").get(0).asText()).startsWith("127.0.0.1:").endsWith(":8080");
    }

    @Test
    void composeWithPostgresqlWiresTheBotToAHealthyDatabase() throws IOException {
        JsonNode c = compose("docker-compose.yml");
        JsonNode db = c.path("services").path("db");
        assertThat(db.path("image").asText()).isEqualTo("postgres:16");
        assertThat(db.path("restart").asText()).isEqualTo("unless-stopped");
        assertThat(db.path("healthcheck").path("test").toString()).contains("pg_isready");
        assertThat(db.path("volumes").get(0).asText()).isEqualTo("podbot-pgdata:/var/lib/postgresql/data");
        assertThat(c.path("volumes").has("podbot-pgdata")).isTrue();
        assertThat(db.path("environment").path("POSTGRES_PASSWORD").asText()).startsWith("${POSTGRES_PASSWORD");

        JsonNode bot = c.path("services").path("bot");
        assertBotService(bot, "postgresql");
        assertThat(bot.path("depends_on").path("db").path("condition").asText()).isEqualTo("service_healthy");
        JsonNode env = bot.path("environment");
        String url = env.path("QUARKUS_DATASOURCE_JDBC_URL").asText();
        assertThat(url).isEqualTo("jdbc:postgresql://db:5432/" + db.path("environment").path("POSTGRES_DB").asText());
        assertThat(env.path("QUARKUS_DATASOURCE_USERNAME").asText())
                .isEqualTo(db.path("environment").path("POSTGRES_USER").asText());
        assertThat(env.path("QUARKUS_DATASOURCE_PASSWORD").asText()).startsWith("${POSTGRES_PASSWORD");
    }

    @Test
    void singleContainerH2KeepsItsDatabaseOnAVolume() throws IOException {
        JsonNode c = compose("docker-compose.h2.yml");
        assertThat(c.path("services").size()).isEqualTo(1);
        JsonNode bot = c.path("services").path("bot");
        assertBotService(bot, "h2");
        assertThat(bot.path("volumes").get(0).asText()).isEqualTo("podbot-data:/data");
        assertThat(c.path("volumes").has("podbot-data")).isTrue();
        assertThat(bot.path("environment").path("QUARKUS_DATASOURCE_JDBC_URL").asText())
                .startsWith("jdbc:h2:file:/data/");
    }

    @Test
    void imagesRunAsNonRootWithoutSecretsAndWithExecFormEntrypoint() throws IOException {
        for (String file : List.of("Dockerfile.jvm", "Dockerfile.native")) {
            List<String> all = lines(file);
            List<String> last = finalStage(all);
            List<String> users = last.stream().filter(l -> l.startsWith("USER ")).toList();
            assertThat(users).as(file).isNotEmpty();
            assertThat(users.get(users.size() - 1)).as(file).isEqualTo("USER 1001");
            assertThat(last).as(file).anyMatch(l -> l.startsWith("ENTRYPOINT [\""));
            assertThat(last).as(file).anyMatch(l -> l.startsWith("HEALTHCHECK ")
                    && l.contains("[\"/app/healthcheck.sh\", \"/q/health/live\"]"));
            assertThat(last).as(file).anyMatch(l -> l.startsWith("VOLUME /data"));
            assertThat(String.join("\n", last)).as(file).contains("/data").contains("1001");
            for (String line : all) {
                if (line.startsWith("ENV ") || line.startsWith("ARG ") || line.startsWith("    ")) {
                    assertThat(SECRET_NAME.matcher(line).find()).as(file + ": " + line).isFalse();
                }
            }
            // the database kind is a build argument passed to Quarkus
            assertThat(all).as(file).contains("ARG DB_KIND=h2");
            assertThat(all).as(file).anyMatch(l -> l.contains("-Dquarkus.datasource.db-kind=${DB_KIND}")
                    && l.contains("package") && l.contains("-DskipTests"));
        }
        assertThat(lines("Dockerfile.native")).anyMatch(l -> l.contains("-Dnative"));
        // Java 25 runs the Java 17 jar and starts it sooner with its AOT cache (docker/appcds.sh, README Performance)
        assertThat(lines("Dockerfile.jvm")).anyMatch(l -> l.startsWith("FROM eclipse-temurin:25-jre"));
    }

    @Test
    void theJvmImageHasAFontForCharts() throws IOException {
        // /stats draws with Java2D: without fontconfig and a font the chart fails in the container
        assertThat(String.join("\n", finalStage(lines("Dockerfile.jvm"))))
                .contains("fontconfig").contains("fonts-dejavu-core");
    }

    @Test
    void devModeAsksNoAnalyticsQuestion() throws IOException {
        // Maven reads .mvn/maven.config on every ./mvnw run; Quarkus reads the switch as a system property
        assertThat(Files.readString(Path.of(".mvn", "maven.config")).split("\\s+"))
                .contains("-Dquarkus.analytics.disabled=true");
    }

    @Test
    void healthCheckScriptIsExecutableAndNeedsNoCurl() throws IOException {
        Path script = Path.of("docker", "healthcheck.sh");
        assertThat(Files.isExecutable(script)).isTrue();
        String text = Files.readString(script);
        assertThat(text).startsWith("#!/usr/bin/env bash").contains("/dev/tcp/");
        String code = String.join("\n", Files.readAllLines(script).stream().filter(l -> !l.startsWith("#")).toList());
        assertThat(code).doesNotContain("curl").doesNotContain("wget").contains("${1:-/q/health/live}");
    }

    @Test
    void buildContextLeavesOutSecretsAndBuildOutput() throws IOException {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore"));
        assertThat(ignore).contains(".env", "target/", "data/", ".git");
        // everything the Dockerfiles COPY from the context exists in the repository
        for (String file : List.of("Dockerfile.jvm", "Dockerfile.native")) {
            for (String src : contextCopySources(lines(file))) {
                assertThat(Path.of(src)).as(file + " COPY " + src).exists();
            }
        }
    }

    /** Sources of COPY instructions that read the build context (not --from=stage). */
    static List<String> contextCopySources(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("COPY ") && !line.contains("--from=")) {
                List<String> words = new ArrayList<>(List.of(line.substring(5).trim().split("\\s+")));
                words.removeIf(w -> w.startsWith("--"));
                out.addAll(words.subList(0, words.size() - 1));
            }
        }
        return out;
    }

    /** Sources of COPY --from=build instructions, relative to the build stage's WORKDIR. */
    static List<String> buildOutputCopySources(List<String> lines) {
        String workdir = "/";
        boolean inBuildStage = false;
        List<String> out = new ArrayList<>();
        Pattern copy = Pattern.compile("^COPY --from=build .*?(/\\S+) (/\\S+)$");
        for (String line : lines) {
            if (line.startsWith("FROM ")) {
                inBuildStage = line.endsWith(" AS build");
            }
            if (line.startsWith("WORKDIR ") && inBuildStage) {
                workdir = line.substring(8).trim();
            }
            Matcher m = copy.matcher(line);
            if (m.matches()) {
                String src = m.group(1);
                assertThat(src).startsWith(workdir + "/");
                out.add(src.substring(workdir.length() + 1));
            }
        }
        return out;
    }
}
