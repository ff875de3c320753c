package io.github.integrityjdbc.samples.demo;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationReport;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/**
 * A small shop on embedded H2 (customers, orders, order lines) that makes each kind of violation happen once and
 * prints what the application gets, then the Prometheus scrape of the meters. The only change integrity-jdbc needs
 * is the URL: jdbc:integrity:h2:... instead of jdbc:h2:...
 */
public final class ShopDemo {

    private static final String URL = "jdbc:integrity:h2:mem:shop";

    private ShopDemo() {
    }

    public static void main(String[] args) throws SQLException {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Metrics.globalRegistry.add(prometheus);

        try (Connection db = DriverManager.getConnection(URL)) {
            createSchema(db);

            attempt(db, "A second customer signs up with an e-mail address already taken",
                    "INSERT INTO customer (id, email, name, country, password) VALUES (?, ?, ?, ?, ?)",
                    3, "ada@example.com", "Ada Twin", "GB", "correct horse battery staple");
            attempt(db, "An order is created with an id already used",
                    "INSERT INTO orders (id, customer_id, status) VALUES (?, ?, ?)", 100, 1, "NEW");
            attempt(db, "An order line points at an order that does not exist",
                    "INSERT INTO order_line (order_id, line_no, product, quantity, price) VALUES (?, ?, ?, ?, ?)",
                    999, 1, "Teapot", 1, new BigDecimal("19.90"));
            attempt(db, "A customer who still has orders is deleted",
                    "DELETE FROM customer WHERE id = ?", 1);
            attempt(db, "A customer is saved without a name",
                    "INSERT INTO customer (id, email, name, country, password) VALUES (?, ?, ?, ?, ?)",
                    4, "nobody@example.com", null, "FR", "s3cret");
            attempt(db, "An order line has a negative quantity",
                    "INSERT INTO order_line (order_id, line_no, product, quantity, price) VALUES (?, ?, ?, ?, ?)",
                    100, 2, "Cup", -2, new BigDecimal("4.50"));
            attempt(db, "A country code is longer than its column",
                    "UPDATE customer SET country = ? WHERE id = ?", "Germany", 2);
            attempt(db, "A quantity does not fit its SMALLINT column",
                    "INSERT INTO order_line (order_id, line_no, product, quantity, price) VALUES (?, ?, ?, ?, ?)",
                    100, 3, "Saucer", 100000, new BigDecimal("2.00"));
            batch(db);
        }

        section("Prometheus scrape of the meters");
        prometheus.scrape().lines()
                .filter(line -> line.contains("jdbc_integrity_violations"))
                .forEach(System.out::println);
    }

    private static void createSchema(Connection db) throws SQLException {
        try (Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE customer (id INT CONSTRAINT pk_customer PRIMARY KEY,"
                    + " email VARCHAR(100) CONSTRAINT uq_customer_email UNIQUE, name VARCHAR(60) NOT NULL,"
                    + " country VARCHAR(2), password VARCHAR(100))");
            ddl.execute("CREATE TABLE orders (id INT CONSTRAINT pk_orders PRIMARY KEY, customer_id INT NOT NULL,"
                    + " status VARCHAR(10) NOT NULL,"
                    + " CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id))");
            ddl.execute("CREATE TABLE order_line (order_id INT, line_no INT, product VARCHAR(60) NOT NULL,"
                    + " quantity SMALLINT NOT NULL, price DECIMAL(10, 2) NOT NULL,"
                    + " CONSTRAINT pk_order_line PRIMARY KEY (order_id, line_no),"
                    + " CONSTRAINT fk_order_line_order FOREIGN KEY (order_id) REFERENCES orders (id),"
                    + " CONSTRAINT ck_order_line_quantity CHECK (quantity > 0))");
            ddl.execute("INSERT INTO customer VALUES (1, 'ada@example.com', 'Ada', 'GB', 'hunter2'),"
                    + " (2, 'grace@example.com', 'Grace', 'US', 'swordfish')");
            ddl.execute("INSERT INTO orders VALUES (100, 1, 'NEW')");
            ddl.execute("INSERT INTO order_line VALUES (100, 1, 'Teapot', 1, 19.90)");
        }
    }

    private static void attempt(Connection db, String story, String sql, Object... values) {
        section(story);
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            statement.executeUpdate();
            System.out.println("(no violation)");
        } catch (SQLException e) {
            show(e);
        }
    }

    private static void batch(Connection db) {
        section("An import of five order lines whose fourth repeats an existing line");
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO order_line (order_id, line_no, product, quantity, price) VALUES (?, ?, ?, ?, ?)")) {
            String[] products = {"Spoon", "Fork", "Knife", "Teapot", "Plate"};
            int[] lines = {10, 11, 12, 1, 13};
            for (int row = 0; row < 5; row++) {
                insert.setInt(1, 100);
                insert.setInt(2, lines[row]);
                insert.setString(3, products[row]);
                insert.setInt(4, 1);
                insert.setBigDecimal(5, new BigDecimal("3.00"));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            show(e);
        }
    }

    private static void show(SQLException e) {
        // integrity-jdbc throws a subclass of the standard JDBC type; show the type an application would catch
        System.out.println("The application catches " + e.getClass().getSuperclass().getSimpleName()
                + " (SQLState " + e.getSQLState() + ", vendor code " + e.getErrorCode() + "):");
        System.out.println(e.getMessage());
        ViolationReport report = IntegrityViolations.find(e).orElse(null);
        if (report != null) {
            System.out.println("report: kind=" + report.kind() + " constraint=" + report.constraint().orElse("-")
                    + " table=" + report.table().orElse("-") + " columns=" + report.columns()
                    + " offending=" + report.offendingValues()
                    + (report.batchIndex().isPresent() ? " batchIndex=" + report.batchIndex().getAsInt() : ""));
        }
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }
}
