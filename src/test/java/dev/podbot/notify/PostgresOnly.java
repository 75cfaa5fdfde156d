package dev.podbot.notify;

import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only in the PostgreSQL build with PostgreSQL reachable; decided before Quarkus starts, so a
 * skip costs nothing. Otherwise the test is skipped with a message saying how to run it.
 */
public class PostgresOnly implements ExecutionCondition {

    static final String HOW = "run ./mvnw -B verify -Ppostgresql -Dtest='dev.podbot.notify.**' with PostgreSQL on "
            + "127.0.0.1:5432 (user postgres, trust auth; database from -Dpodbot.test.jdbc-url, default podbot_test)";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!"postgresql".equals(System.getProperty("quarkus.datasource.db-kind"))) {
            return ConditionEvaluationResult.disabled("Skipped: this test needs the PostgreSQL build; " + HOW);
        }
        String url = System.getProperty("podbot.test.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/podbot_test");
        String user = System.getProperty("podbot.test.db-user", "postgres");
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable");
        } catch (Exception e) {
            return ConditionEvaluationResult.disabled("Skipped: PostgreSQL is unreachable (" + e.getClass().getSimpleName()
                    + "); " + HOW);
        }
    }
}
