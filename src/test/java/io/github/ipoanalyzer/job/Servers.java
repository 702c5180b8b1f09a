package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * The servers a team runs ipo-analyzer against, as this project's machines have them:
 * PostgreSQL 15 on 127.0.0.1:5432 (trust, user postgres) and RabbitMQ on 127.0.0.1:5672
 * (guest/guest). A test that needs one and does not find it is skipped, saying why.
 */
final class Servers {

    static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/";
    static final int RABBIT_PORT = 5672;

    private Servers() {
    }

    static void requirePostgres() {
        String reason = null;
        try (Connection c = DriverManager.getConnection(POSTGRES_URL + "postgres?connectTimeout=3", "postgres", "")) {
            c.isValid(3);
        } catch (SQLException e) {
            reason = "no PostgreSQL on 127.0.0.1:5432 (" + e.getMessage() + ")";
        }
        skipUnless(reason);
    }

    static void requireRabbit() {
        String reason = null;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", RABBIT_PORT), 3000);
        } catch (IOException e) {
            reason = "no RabbitMQ on 127.0.0.1:" + RABBIT_PORT + " (" + e.getMessage() + ")";
        }
        skipUnless(reason);
    }

    private static void skipUnless(String reason) {
        if (reason != null) {
            System.out.println("Skipped, " + reason + ": a server test runs where the server does (CI has both).");
        }
        Assumptions.assumeTrue(reason == null, reason);
    }

    /** A new, empty database of its own; {@link #drop} it after. */
    static String freshDatabase() throws SQLException {
        String name = "ipo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(POSTGRES_URL + "postgres", "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return name;
    }

    static void drop(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL + "postgres", "postgres", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** The command-line options that put the job repository and the tables in {@code database}. */
    static String[] postgresOptions(String database) {
        return new String[] {"--spring.datasource.url=" + POSTGRES_URL + database, "--spring.datasource.username=postgres"};
    }
}
