package io.github.integrityjdbc.vendors;

import io.github.integrityjdbc.testing.PostgresGerman;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The PostgreSQL contract with the server speaking German ({@code lc_messages=de_DE.UTF-8}): {@code Schlüssel
 * »(email)=(a@example.com)« existiert bereits.}, {@code Auf Schlüssel (id)=(1) wird noch aus Tabelle »ij_child«
 * verwiesen.}, {@code Fehlgeschlagene Zeile enthält (…).} The same facts as in English: the detail is read by its
 * structure, the side of a foreign key from the schema.
 */
class PostgresGermanMatrixTest extends PostgresMatrixTest {

    @Override
    protected Connection open() throws SQLException {
        PostgresGerman.require();
        Connection connection = DriverManager.getConnection(PostgresGerman.URL);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW lc_messages")) {
            rows.next();
            assertEquals(PostgresGerman.LOCALE, rows.getString(1), "the connection speaks German");
        }
        return connection;
    }
}
