package io.github.integrityjdbc.samples.datasources;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/** The one table of the shop, in every database the applications use (H2 in memory, or PostgreSQL). */
public final class Shop {

    /** The table; prefixed, since PostgreSQL's database is shared with other tests. */
    public static final String TABLE = "ij_boot_customer";

    private Shop() {
    }

    /** Creates the table where it does not exist yet. */
    public static void createTable(DataSource dataSource) {
        new JdbcTemplate(dataSource).execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                + "id INT CONSTRAINT ij_boot_customer_pk PRIMARY KEY, "
                + "email VARCHAR(100) NOT NULL CONSTRAINT ij_boot_customer_email_uq UNIQUE, "
                + "age INT CONSTRAINT ij_boot_customer_age_ck CHECK (age >= 0))");
    }

    /** Inserts one customer. */
    public static void insert(DataSource dataSource, int id, String email, int age) {
        new JdbcTemplate(dataSource).update("INSERT INTO " + TABLE + " (id, email, age) VALUES (?, ?, ?)",
                id, email, age);
    }
}
