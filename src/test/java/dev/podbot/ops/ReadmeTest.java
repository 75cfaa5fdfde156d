package dev.podbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The README works from a fresh clone, line by line: what a newcomer copies must not depend on anything else. */
class ReadmeTest {

    static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    /** The shell code blocks, each as its text. */
    static List<String> codeBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        String[] parts = markdown.split("\n\\s*```");
        for (int i = 1; i < parts.length; i += 2) {
            blocks.add(parts[i]);
        }
        return blocks;
    }

    /** {@code java [JVM options] -jar target/quarkus-app/quarkus-run.jar}. */
    static final Pattern RUN_JAR = Pattern.compile("java [^\n]*-jar target/quarkus-app/quarkus-run\\.jar");

    @Test
    void everyBlockThatRunsTheJarBuildsItFirst() throws IOException {
        // a command continued with a trailing backslash is one command, as the shell reads it
        List<String> running = codeBlocks(readme()).stream().map(b -> b.replaceAll("\\\\\n\\s*", " "))
                .filter(b -> RUN_JAR.matcher(b).find()).toList();
        assertThat(running).hasSizeGreaterThanOrEqualTo(3);
        for (String block : running) {
            Matcher run = RUN_JAR.matcher(block);
            assertThat(run.find()).isTrue();
            assertThat(block.indexOf("./mvnw -B package")).as(block).isNotNegative().isLessThan(run.start());
        }
    }

    @Test
    void nothingOutsideTheClone() throws IOException {
        // a fresh clone has no sibling folders (../shared held the maintainers' acceptance scripts)
        assertThat(readme()).doesNotContain("../");
    }

    @Test
    void whatNewcomersTripOverIsAnswered() throws IOException {
        String text = readme();
        assertThat(text).as("dev-mode demo from another machine").contains("-Dquarkus.http.host=0.0.0.0");
        assertThat(text).as("bind mounts").contains("writable by uid").contains("1001");
        assertThat(text).as("hex keys").contains("openssl rand -hex 32");
        assertThat(text).as("health check").contains("/q/health/live");
    }
}
