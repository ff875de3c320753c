package io.github.integrityjdbc.liquibase;

import io.github.integrityjdbc.IntegrityDriver;
import io.github.integrityjdbc.driver.DelegateUrl;
import liquibase.database.AbstractJdbcDatabase;
import liquibase.database.DatabaseConnection;
import liquibase.database.DatabaseFactory;

/**
 * Liquibase's database for {@code jdbc:integrity:<inner>} URLs, for the one question Liquibase asks of a URL before
 * it connects: which driver class. Liquibase takes the first database whose {@code getDefaultDriver(url)} answers,
 * and none knows {@code jdbc:integrity:}, so without this a URL with no driver class named fails ("Driver class was
 * not specified and could not be determined from the url"). This answers {@link IntegrityDriver} when some other
 * Liquibase database has a driver for {@code jdbc:<inner>}, so an inner URL Liquibase does not know fails as it
 * would without the prefix.
 *
 * <p>It never claims a connection: the proxy reports the real database's product name, so Liquibase chooses the real
 * database (H2, PostgreSQL, ...) for the connection, as without integrity-jdbc. It extends
 * {@link AbstractJdbcDatabase} and implements only what every Liquibase release from 4.0 to 5.0 leaves abstract;
 * Liquibase catches whatever a database service throws while it is loaded (3.x does not read the service file).
 */
public final class IntegrityLiquibaseDatabase extends AbstractJdbcDatabase {

    private static final String NAME = "integrity-jdbc";

    /** Liquibase instantiates this through {@code ServiceLoader}. */
    public IntegrityLiquibaseDatabase() {
    }

    @Override
    public String getDefaultDriver(String url) {
        if (!DelegateUrl.accepts(url)) {
            return null;
        }
        String innerUrl = DelegateUrl.settings(DelegateUrl.delegate(url)).url();
        return DatabaseFactory.getInstance().findDefaultDriver(innerUrl) == null ? null
                : IntegrityDriver.class.getName();
    }

    /** Never: the connection's database is the real one, which Liquibase finds by product name. */
    @Override
    public boolean isCorrectDatabaseImplementation(DatabaseConnection connection) {
        return false;
    }

    /** Not a {@code dbms} a changeset can name: changesets see the real database's short name. */
    @Override
    public String getShortName() {
        return "integrity";
    }

    @Override
    protected String getDefaultDatabaseProductName() {
        return NAME;
    }

    @Override
    public Integer getDefaultPort() {
        return null;
    }

    @Override
    public int getPriority() {
        return PRIORITY_DEFAULT;
    }

    @Override
    public boolean supportsInitiallyDeferrableColumns() {
        return false;
    }

    @Override
    public boolean supportsTablespaces() {
        return false;
    }
}
