import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A violation storm in a fresh JVM, with the violations' log going to a real file (storm-logback.xml): 20,000
 * executions of one INSERT with a duplicate UNIQUE value on H2, through {@code jdbc:integrity:} with the given
 * {@code integrity.log.rate} (or none: {@code default}), or through the raw driver ({@code raw}). Prints the time the
 * 20,000 took. See benchmarks/README.md.
 *
 * <p>Usage: {@code java -cp <classpath> -Dlogback.configurationFile=storm-logback.xml StormProbe.java
 * [default|<rate>|raw]}
 */
public class StormProbe {

    public static void main(String[] args) throws SQLException {
        String rate = args.length > 0 ? args[0] : "default";
        boolean raw = rate.equals("raw");
        Properties properties = new Properties();
        if (!raw && !rate.equals("default")) { // "default": no key at all, which a driver older than the key accepts
            properties.setProperty("integrity.log.rate", rate);
        }
        String url = (raw ? "jdbc:" : "jdbc:integrity:") + "h2:mem:storm";
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE person (id INT PRIMARY KEY, email VARCHAR(100), name VARCHAR(10),"
                        + " CONSTRAINT uq_person_email UNIQUE (email))");
                ddl.execute("INSERT INTO person VALUES (1, 'a@example.com', 'Alice')");
            }
            long started = System.nanoTime();
            int failed = 0;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO person (id, email, name) VALUES (?, ?, ?)")) {
                for (int i = 0; i < 20_000; i++) {
                    insert.setInt(1, 100 + i);
                    insert.setString(2, "a@example.com");
                    insert.setString(3, "Storm");
                    try {
                        insert.executeUpdate();
                    } catch (SQLException expected) {
                        failed++;
                    }
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.println((raw ? "raw" : "integrity.log.rate=" + rate) + ": " + failed + " violations in "
                    + millis + " ms");
        }
    }
}
