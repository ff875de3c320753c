package io.github.integrityjdbc.driver;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the real driver for a delegate URL: first among the drivers registered with {@link DriverManager}, then
 * through {@link ServiceLoader} on the context class loader (a driver jar that a container or tool loaded in a class
 * loader {@code DriverManager} cannot see). Drivers of type {@code self} are skipped.
 */
public final class DelegateDrivers {

    private DelegateDrivers() {
    }

    /**
     * @param delegateUrl the URL to hand to the real driver
     * @param self the proxy driver's class, never chosen as its own delegate
     * @throws SQLException with SQLState 08001 and the URL masked, when no driver accepts the URL
     */
    public static Driver find(String delegateUrl, Class<? extends Driver> self) throws SQLException {
        for (Enumeration<Driver> drivers = DriverManager.getDrivers(); drivers.hasMoreElements(); ) {
            Driver driver = drivers.nextElement();
            if (accepts(driver, delegateUrl, self)) {
                return driver;
            }
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Iterator<Driver> services = ServiceLoader.load(Driver.class, loader).iterator();
        for (int attempts = 0; attempts < 1000; attempts++) { // bounded: a broken provider may fail forever
            Driver driver;
            try {
                if (!services.hasNext()) {
                    break;
                }
                driver = services.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                continue; // one broken driver jar must not hide the others
            }
            if (accepts(driver, delegateUrl, self)) {
                return driver;
            }
        }
        throw new SQLException("No JDBC driver accepts the delegate URL " + DelegateUrl.masked(delegateUrl)
                + " (from jdbc:integrity:); put the database's driver on the class path", "08001");
    }

    private static boolean accepts(Driver driver, String url, Class<? extends Driver> self) {
        if (self.isInstance(driver)) {
            return false;
        }
        try {
            return driver.acceptsURL(url);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
