import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationProblem;
import io.github.integrityjdbc.ViolationReport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Run by DropInDriverIT in a fresh JVM whose class path is the driver jar and H2, nothing else: what a tool that
 * loads a driver from a folder does. Prints the explanation and exits 0, or says what is wrong and exits 1.
 */
public class DropInProbe {

    public static void main(String[] args) throws Exception {
        for (String absent : new String[] {"org.slf4j.Logger", "io.micrometer.core.instrument.MeterRegistry",
                "net.bytebuddy.ByteBuddy", "org.springframework.http.ProblemDetail"}) {
            try {
                Class.forName(absent);
                fail(absent + " is on the class path; the probe must run without it");
            } catch (ClassNotFoundException expected) {
                // as it should be
            }
        }
        System.out.println("module=" + IntegrityViolations.class.getModule().getName());
        System.out.println("jfr=" + ModuleLayer.boot().findModule("jdk.jfr").isPresent());
        try (Connection connection = DriverManager.getConnection("jdbc:integrity:h2:mem:dropin");
             Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE tool_user (id INT PRIMARY KEY, email VARCHAR(100),"
                    + " CONSTRAINT uq_tool_user_email UNIQUE (email))");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO tool_user (id, email) VALUES (?, ?)")) {
                insert.setInt(1, 1);
                insert.setString(2, "ada@example.com");
                insert.executeUpdate();
                insert.setInt(1, 2);
                insert.executeUpdate();
                fail("the duplicate insert succeeded");
            } catch (SQLException e) {
                ViolationReport report = IntegrityViolations.find(e)
                        .orElseThrow(() -> new AssertionError("no report in " + e, e));
                System.out.println("integrityViolation=" + (e instanceof java.sql.SQLIntegrityConstraintViolationException));
                System.out.println("kind=" + report.kind() + " constraint=" + report.constraint().orElse("")
                        + " offending=" + report.offendingValues());
                System.out.println("problem=" + ViolationProblem.of(report)); // the neutral half needs no Spring
                System.out.println(e.getMessage());
            }
        }
    }

    private static void fail(String message) {
        System.out.println("FAILED: " + message);
        System.exit(1);
    }
}
