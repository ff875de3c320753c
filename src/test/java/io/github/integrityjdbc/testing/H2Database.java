package io.github.integrityjdbc.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh in-memory H2 database per test, opened through the integrity driver, with the reference schema. */
public final class H2Database {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** The reference schema of shared/reference/vendor-violations.md, with its seed rows. */
    public static final String[] SCHEMA = {
        "CREATE TABLE parent (id INT NOT NULL PRIMARY KEY)",
        "CREATE TABLE child (id INT NOT NULL PRIMARY KEY, parent_id INT,"
                + " CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id))",
        "CREATE TABLE person (id INT NOT NULL, email VARCHAR(100), name VARCHAR(10) NOT NULL, age INT,"
                + " nick VARCHAR(50) UNIQUE, small SMALLINT,"
                + " CONSTRAINT pk_person PRIMARY KEY (id), CONSTRAINT uq_person_email UNIQUE (email),"
                + " CONSTRAINT ck_person_age CHECK (age >= 0))",
        "CREATE TABLE account (id INT NOT NULL PRIMARY KEY, username VARCHAR(50), password VARCHAR(50),"
                + " CONSTRAINT uq_account_username UNIQUE (username))",
        "INSERT INTO parent (id) VALUES (1), (2)",
        "INSERT INTO child (id, parent_id) VALUES (10, 1)",
        "INSERT INTO person (id, email, name, age, nick) VALUES (1, 'a@example.com', 'Alice', 30, 'alice')",
        "INSERT INTO person (id, email, name) VALUES (2, 'b@example.com', 'Bob')",
        "INSERT INTO account (id, username, password) VALUES (1, 'root', 'hunter2-root')",
    };

    private H2Database() {
    }

    /** A unique database name, e.g. test_17. */
    public static String uniqueName(String prefix) {
        return prefix + "_" + SEQUENCE.incrementAndGet();
    }

    /** Opens {@code jdbc:integrity:h2:mem:<name>} with the reference schema created. */
    public static Connection openWithSchema(String name, Properties properties) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:integrity:h2:mem:" + name, properties);
        try (Statement statement = connection.createStatement()) {
            for (String sql : SCHEMA) {
                statement.execute(sql);
            }
        }
        return connection;
    }
}
