package io.github.integrityjdbc.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * The measured workloads, each the whole statement life cycle (prepare, bind, execute, read, close) on one open
 * connection, and the tables they use. The same code runs for every variant; only the connection differs.
 */
public final class Workload {

    /** Rows in the table that SELECT by key reads. */
    public static final int READ_ROWS = 1000;
    /** Rows per batch. */
    public static final int BATCH_ROWS = 50;
    /** The inserted table is emptied whenever it holds this many rows, so every variant inserts into the same sizes. */
    public static final int MAX_INSERTED_ROWS = 1000;
    /** The e-mail address that is already taken, so that inserting it again violates the UNIQUE constraint. */
    public static final String TAKEN_EMAIL = "taken@example.com";

    private static final String NAME = "Teapot";
    private static final String NOTE = "blue, 1 litre";
    private static final Timestamp CREATED = Timestamp.valueOf("2026-01-15 10:30:00");
    private static final BigDecimal PRICE = new BigDecimal("19.90");

    private final Connection connection;
    private final String itemTable;
    private final String readTable;
    private final String customerTable;
    private final String insertSql;
    private final String selectSql;
    private final String failingInsertSql;
    private int insertedRows;

    /**
     * @param suffix appended to the table names, so that runs sharing a database server do not collide
     */
    public Workload(Connection connection, String suffix) {
        this.connection = connection;
        this.itemTable = "bench_item" + suffix;
        this.readTable = "bench_item_read" + suffix;
        this.customerTable = "bench_customer" + suffix;
        this.insertSql = "INSERT INTO " + itemTable + " (id, name, note, created, price) VALUES (?, ?, ?, ?, ?)";
        this.selectSql = "SELECT id, name, note, created, price FROM " + readTable + " WHERE id = ?";
        this.failingInsertSql = "INSERT INTO " + customerTable + " (id, email, name) VALUES (?, ?, ?)";
    }

    /** A suffix unique to this JVM, for tables on a shared server. */
    public static String processSuffix() {
        return "_" + ProcessHandle.current().pid();
    }

    public Connection connection() {
        return connection;
    }

    /** Creates the tables (dropping leftovers of an interrupted run first) and fills the ones read from. */
    public void createTables() throws SQLException {
        dropTables();
        try (Statement statement = connection.createStatement()) {
            String columns = " (id INT PRIMARY KEY, name VARCHAR(100), note VARCHAR(200), created TIMESTAMP,"
                    + " price DECIMAL(10, 2))";
            statement.execute("CREATE TABLE " + itemTable + columns);
            statement.execute("CREATE TABLE " + readTable + columns);
            statement.execute("CREATE TABLE " + customerTable + " (id INT PRIMARY KEY, email VARCHAR(100)"
                    + " CONSTRAINT uq" + customerTable + "_email UNIQUE, name VARCHAR(100))");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + readTable + " (id, name, note, created, price) VALUES (?, ?, ?, ?, ?)")) {
            for (int id = 0; id < READ_ROWS; id++) {
                bindItem(insert, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(failingInsertSql)) {
            insert.setInt(1, 0);
            insert.setString(2, TAKEN_EMAIL);
            insert.setString(3, "Ada");
            insert.executeUpdate();
        }
    }

    /** Empties the table the inserts fill. */
    public void truncateInserted() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE TABLE " + itemTable);
        }
        insertedRows = 0;
    }

    /**
     * Keeps the inserted table between 0 and {@value #MAX_INSERTED_ROWS} rows. Without it, a faster variant would
     * insert into a bigger table (a deeper index, more pages copied per insert) than a slower one in the same time.
     * The TRUNCATE runs on the variant's connection; its cost, spread over the inserts, is the same for every variant.
     */
    private void inserted(int rows) throws SQLException {
        insertedRows += rows;
        if (insertedRows >= MAX_INSERTED_ROWS) {
            truncateInserted();
        }
    }

    public void dropTables() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : new String[] {itemTable, readTable, customerTable}) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    private static void bindItem(PreparedStatement statement, int id) throws SQLException {
        statement.setInt(1, id);
        statement.setString(2, NAME);
        statement.setString(3, NOTE);
        statement.setTimestamp(4, CREATED);
        statement.setBigDecimal(5, PRICE);
    }

    /** INSERT of 5 bound values (int, string, string, timestamp, decimal). */
    public int insert(int id) throws SQLException {
        int count;
        try (PreparedStatement statement = connection.prepareStatement(insertSql)) {
            bindItem(statement, id);
            count = statement.executeUpdate();
        }
        inserted(count);
        return count;
    }

    /** SELECT by primary key, reading the 5 columns of the row. */
    public int selectByKey(int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(selectSql)) {
            statement.setInt(1, id % READ_ROWS);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("No row " + id % READ_ROWS + " in " + readTable);
                }
                int read = row.getInt(1);
                read += row.getString(2).length();
                read += row.getString(3).length();
                read += row.getTimestamp(4).getNanos();
                read += row.getBigDecimal(5).scale();
                return read;
            }
        }
    }

    /** A batch of {@value #BATCH_ROWS} INSERTs of 5 bound values, ids {@code firstId} onwards. */
    public int batch(int firstId) throws SQLException {
        int count;
        try (PreparedStatement statement = connection.prepareStatement(insertSql)) {
            for (int row = 0; row < BATCH_ROWS; row++) {
                bindItem(statement, firstId + row);
                statement.addBatch();
            }
            count = statement.executeBatch().length;
        }
        inserted(count);
        return count;
    }

    /** A plain Statement running {@code SELECT 1}. */
    public int selectOne() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT 1")) {
            row.next();
            return row.getInt(1);
        }
    }

    /**
     * An INSERT that violates the UNIQUE constraint, caught and read as a handler would (SQLState, vendor code,
     * message).
     */
    public int failure(int id) {
        SQLException failure = failingInsert(id);
        return failure.getSQLState().hashCode() + failure.getErrorCode() + failure.getMessage().length();
    }

    /** Runs the INSERT that violates the UNIQUE constraint and returns what the application caught. */
    public SQLException failingInsert(int id) {
        try (PreparedStatement statement = connection.prepareStatement(failingInsertSql)) {
            statement.setInt(1, id);
            statement.setString(2, TAKEN_EMAIL);
            statement.setString(3, "Ada Twin");
            statement.executeUpdate();
        } catch (SQLException e) {
            return e;
        }
        throw new IllegalStateException("Inserting " + TAKEN_EMAIL + " again into " + customerTable + " succeeded");
    }
}
