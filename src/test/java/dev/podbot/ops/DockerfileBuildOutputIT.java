package dev.podbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * After {@code package}: what the Dockerfiles copy out of their build stage exists in the real build output, so an
 * image build (not possible here: no container engine) would find it.
 */
class DockerfileBuildOutputIT {

    static boolean anyMatch(String glob) throws IOException {
        Path dir = Path.of(glob).getParent();
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(m::matches);
        }
    }

    @Test
    void jvmImageCopiesTheQuarkusAppLayout() throws IOException {
        List<String> sources = DeploymentFilesTest.buildOutputCopySources(DeploymentFilesTest.lines("Dockerfile.jvm"));
        assertThat(sources).containsExactly("target/quarkus-app/lib/", "target/quarkus-app/*.jar",
                "target/quarkus-app/app/", "target/quarkus-app/quarkus/");
        for (String src : sources) {
            assertThat(anyMatch(src.endsWith("/") ? src.substring(0, src.length() - 1) : src)).as(src).isTrue();
        }
        assertThat(Path.of("target/quarkus-app/quarkus-run.jar")).isRegularFile();
        assertThat(DeploymentFilesTest.lines("Dockerfile.jvm"))
                .contains("ENTRYPOINT [\"java\", \"@/app/jvm.options\", \"-XX:SharedArchiveFile=/app/app-cds.jsa\", "
                        + "\"-jar\", \"/app/quarkus-run.jar\"]")
                .contains("COPY --chown=1001:1001 jvm.options /app/jvm.options")
                // the class-data archive is made in the image, by its own JVM, for the jar path the entrypoint uses
                .anyMatch(l -> l.startsWith("RUN ") && l.contains("/app/appcds.sh /app/quarkus-run.jar /app/app-cds.jsa"))
                .contains("    MALLOC_ARENA_MAX=2");
        assertThat(Path.of("jvm.options")).isRegularFile();
    }

    @Test
    void nativeImageCopiesTheRunnerQuarkusWouldProduce() throws IOException {
        List<String> sources = DeploymentFilesTest.buildOutputCopySources(
                DeploymentFilesTest.lines("Dockerfile.native"));
        assertThat(sources).containsExactly("target/*-runner");
        // Quarkus names the native executable <finalName>-runner; the jar build tells us the final name.
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            List<String> jars = s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jar") && !n.endsWith("-sources.jar")).toList();
            assertThat(jars).as("target/<finalName>.jar").isNotEmpty();
            String finalName = jars.get(0).replaceFirst("\\.jar$", "");
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:target/*-runner");
            assertThat(m.matches(Path.of("target", finalName + "-runner"))).isTrue();
        }
    }
}
