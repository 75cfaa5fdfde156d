package dev.podbot.notify;

import java.sql.SQLException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Runs work in a new, committed transaction (repositories, and JDBC in tests: an SQLException is wrapped). */
final class Tx {
    private Tx() {
    }

    interface Work<T> {
        T run() throws SQLException;
    }

    static <T> T run(Work<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new IllegalStateException("database error (" + e.getSQLState() + ")", e);
            }
        });
    }
}
