package io.github.integrityjdbc.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The real database servers the tests use. Where a server does not answer, its tests are skipped with a message that
 * says so; under CI (environment CI=true, or -Dservers.required=true) they fail instead.
 */
public final class Servers {

    /** PostgreSQL through the real driver. */
    public static final String POSTGRES_PLAIN_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    /** PostgreSQL through integrity-jdbc. */
    public static final String POSTGRES_URL = "jdbc:integrity:" + POSTGRES_PLAIN_URL.substring("jdbc:".length());
    public static final String MARIADB_URL = "jdbc:integrity:mariadb://127.0.0.1:3306/test?user=root";
    public static final String MYSQL_CJ_URL = "jdbc:integrity:mysql://127.0.0.1:3306/test?user=root"
            + "&sslMode=DISABLED&allowPublicKeyRetrieval=true";

    private Servers() {
    }

    public static void requirePostgres() {
        require("PostgreSQL", 5432);
    }

    public static void requireMariaDb() {
        require("MariaDB", 3306);
    }

    private static void require(String name, int port) {
        if (answers(port)) {
            return;
        }
        String message = name + " does not answer on 127.0.0.1:" + port;
        boolean required = "true".equalsIgnoreCase(System.getenv("CI"))
                || Boolean.getBoolean("servers.required");
        if (required) {
            throw new AssertionError(message + " (required under CI)");
        }
        Assumptions.abort(message + ": skipping (start it, or run under CI where it is required)");
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
