package dev.podbot;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Makes every commit durable on an H2 file database. H2 writes committed changes to disk up to a second later by
 * default (WRITE_DELAY 500 ms, plus its background writer), so a kill -9 could undo commits the bot had already
 * acted on: an outbox row marked SENDING just before its message went out would read PENDING after a restart, and
 * the message would be sent twice. {@code SET WRITE_DELAY 0} writes each commit before the commit returns. The
 * default URL carries {@code WRITE_DELAY=0} too; this also covers a URL set by hand without it. The setting is
 * stored in the database. PostgreSQL commits are durable already (fsync on commit).
 */
@ApplicationScoped
public class DatabaseDurability {

    @Inject
    AgroalDataSource dataSource;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            String url = c.getMetaData().getURL();
            if (!"H2".equalsIgnoreCase(product) || url == null || url.startsWith("jdbc:h2:mem:")) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET WRITE_DELAY 0");
            }
            Log.debug("H2: every commit is written to disk before it returns (WRITE_DELAY 0)");
        } catch (SQLException e) {
            Log.warnf("Could not make H2 commits durable (SQL state %s): a kill -9 may undo the last second of "
                    + "commits", e.getSQLState());
        }
    }
}
