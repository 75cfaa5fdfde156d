package dev.podbot.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/** Publishes {@code podbot_build_info{version,db_kind} 1} so dashboards can see what is running. */
@ApplicationScoped
public class BuildInfoMetrics {

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        var config = ConfigProvider.getConfig();
        String version = config.getOptionalValue("quarkus.application.version", String.class).orElse("unknown");
        String dbKind = config.getOptionalValue("quarkus.datasource.db-kind", String.class).orElse("unknown");
        Gauge.builder("podbot.build.info", () -> 1.0)
                .description("Version and database kind of the running podpoint-bot")
                .tag("version", version)
                .tag("db_kind", dbKind)
                .register(registry);
    }
}
