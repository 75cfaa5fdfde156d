package dev.podbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After {@code package}: {@code docker/appcds.sh} makes a class-data archive for the packaged jar with the JVM that
 * runs the tests, and the jar started the README's way with it takes its classes from the archive. The jar is
 * Quarkus's aot-jar (application.properties), whose classes the JVM's own class loader defines, so the archive holds
 * them ready to use; with the fast-jar, Quarkus's class loader read about a third of them from the jars at every
 * start (README, Performance).
 */
class ClassDataArchiveIT {

    static final String TOKEN = "7700112233:ZZop-Archive_Token-For-The-Packaged-Jar";

    Path work;
    MiniTelegram telegram;
    PackagedApp app;

    @BeforeEach
    void setUp() throws IOException {
        Assumptions.assumeTrue("h2".equals(PackagedApp.dbKind()),
                "docker/appcds.sh trains the H2 build (its training run uses an in-memory H2 database)");
        work = Files.createTempDirectory("podbot-cds-");
        telegram = new MiniTelegram(TOKEN);
    }

    @AfterEach
    void tearDown() throws Exception {
        PackagedApp.cleanUp(work, app, telegram);
    }

    @Test
    void theArchiveOfAppcdsShServesTheAppsClassesAtStart() throws Exception {
        Path archive = work.resolve("app-cds.jsa");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder("bash", "docker/appcds.sh", PackagedApp.JAR.toString(),
                archive.toString()).redirectErrorStream(true).redirectOutput(work.resolve("appcds.log").toFile());
        pb.environment().put("JAVA", java);
        pb.environment().put("APPCDS_PORT", String.valueOf(PackagedApp.freePort()));
        Process training = pb.start();
        assertThat(training.waitFor(3, TimeUnit.MINUTES)).as("appcds.sh finished").isTrue();
        String trainingLog = Files.readString(work.resolve("appcds.log"), StandardCharsets.UTF_8);
        assertThat(training.exitValue()).as(trainingLog).isZero();
        assertThat(trainingLog).contains("appcds: wrote " + archive);
        assertThat(archive).isRegularFile();

        Path classLog = work.resolve("classes.txt");
        app = new PackagedApp(work);
        app.freshDatabase(work, "podbot_cds");
        app.telegramAt(telegram.url(), TOKEN);
        app.env.put("BOT_ENCRYPTION_KEY", PackagedApp.randomKey());
        app.env.put("MALLOC_ARENA_MAX", "2");
        // the README's command, and which class came from where and through which class loader
        app.jvmOptions = List.of("@jvm.options", "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=debug:file=" + classLog);
        app.start();
        app.awaitLive(Duration.ofSeconds(120));

        List<String> loads = Files.readAllLines(classLog, StandardCharsets.UTF_8);
        List<String> loaded = loads.stream().filter(l -> l.contains("[class,load]") && l.contains(" source: "))
                .toList();
        long fromArchive = loaded.stream().filter(l -> l.contains(" source: shared objects file")).count();
        assertThat(loaded).as("classes loaded by the time the app is live").hasSizeGreaterThan(5_000);
        // with the fast-jar: 69 % (Java 17), the rest read from the jars and verified at every start
        assertThat(100.0 * fromArchive / loaded.size()).as("%% of %d classes from the archive", loaded.size())
                .isGreaterThan(85.0);
        int main = indexOf(loads, " dev.podbot.Main source: ");
        assertThat(main).as("dev.podbot.Main was loaded").isNotNegative();
        assertThat(loads.get(main)).contains("source: shared objects file");
        // the line after a class names its class loader: the JVM's own, which the archive serves in full
        assertThat(loads.get(main + 1)).contains("loader:").contains("AppClassLoader")
                .doesNotContain("RunnerClassLoader");
    }

    static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
