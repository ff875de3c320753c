package io.github.integrityjdbc.testing;

import java.lang.reflect.Modifier;
import java.sql.BatchUpdateException;
import java.sql.DataTruncation;
import java.sql.SQLClientInfoException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.sql.SQLWarning;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whether the enriched exception answers the type checks the driver's own exception answers. */
public final class SameType {

    /** Every standard SQLException type of the JDK. */
    private static final List<Class<? extends SQLException>> JDBC_TYPES = List.of(BatchUpdateException.class,
            DataTruncation.class, SQLWarning.class, SQLClientInfoException.class, SQLNonTransientException.class,
            SQLDataException.class, SQLFeatureNotSupportedException.class,
            SQLIntegrityConstraintViolationException.class, SQLInvalidAuthorizationSpecException.class,
            SQLNonTransientConnectionException.class, SQLSyntaxErrorException.class, SQLTransientException.class,
            SQLTimeoutException.class, SQLTransactionRollbackException.class, SQLTransientConnectionException.class,
            SQLRecoverableException.class);

    private SameType() {
    }

    /**
     * {@code enriched} is of exactly the standard JDBC types {@code original} is of (no more: a plain SQLException
     * stays plain), and an instance of every class of the original's that can be extended (the driver's own; H2's
     * are final and cannot) and that the application sees (not a driver's in a class loader of its own).
     */
    public static void assertSameType(SQLException original, SQLException enriched) {
        for (Class<? extends SQLException> type : JDBC_TYPES) {
            assertEquals(type.isInstance(original), type.isInstance(enriched),
                    type.getSimpleName() + ": original " + original.getClass().getName() + ", enriched "
                            + enriched.getClass().getName());
        }
        for (Class<?> type = original.getClass(); type != SQLException.class; type = type.getSuperclass()) {
            if (!Modifier.isFinal(type.getModifiers()) && Modifier.isPublic(type.getModifiers()) && ours(type)) {
                assertTrue(type.isInstance(enriched), "a catch of " + type.getName() + " catches "
                        + enriched.getClass().getName());
            }
        }
    }

    private static boolean ours(Class<?> type) {
        try {
            return Class.forName(type.getName(), false, SameType.class.getClassLoader()) == type;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
