package io.github.integrityjdbc.driver;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The passwords given to one connection attempt, and what a failed attempt may show of them: nothing. A driver's
 * error can repeat a password (pgjdbc names the whole {@code user:secret@host} of an unsupported URL in an
 * {@code UnknownHostException}; MariaDB Connector/J reads it as the port and says so). Such a failure is rethrown as
 * a copy in which every occurrence of a known password, in every message along the chain, reads {@code ****}.
 *
 * <p>The passwords are the values the application gave, not a guess at what looks like one: the user information and
 * password-like parameters of the URL ({@link DelegateUrl#passwords}) and the password-like connection properties.
 * A failure that repeats none of them is rethrown as it is.
 */
public final class ConnectionSecrets {

    private static final String MASK = "****";
    /** Property keys whose values are secrets, matched anywhere in the lower-cased key. */
    private static final List<String> SECRET_KEYS =
            List.of("password", "passwd", "pwd", "secret", "token", "apikey", "api_key");
    /** How far a chain of causes is copied; a longer one is cut with a note rather than followed forever. */
    private static final int MAX_DEPTH = 32;

    private final List<String> secrets;

    private ConnectionSecrets(Collection<String> secrets) {
        List<String> sorted = new ArrayList<>(secrets);
        sorted.sort((a, b) -> b.length() - a.length()); // "pass" inside "password1": the longer one first
        this.secrets = List.copyOf(sorted);
    }

    /** The passwords of a connection opened with {@code url} and {@code properties} (either may be null). */
    public static ConnectionSecrets of(String url, Properties properties) {
        Set<String> secrets = new LinkedHashSet<>(DelegateUrl.passwords(url));
        if (properties != null) {
            for (String key : properties.stringPropertyNames()) {
                String value = properties.getProperty(key);
                if (value != null && !value.isEmpty() && isSecretKey(key)) {
                    secrets.add(value);
                }
            }
        }
        return new ConnectionSecrets(secrets);
    }

    /** The password handed to {@code DataSource.getConnection(user, password)}. */
    public static ConnectionSecrets of(String password) {
        return new ConnectionSecrets(password == null || password.isEmpty() ? List.of() : List.of(password));
    }

    private static boolean isSecretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String fragment : SECRET_KEYS) {
            if (lower.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code failure} itself when no message along it (causes, next exceptions, suppressed) holds a password;
     * otherwise a copy with the same SQLState and vendor code, of the nearest {@code java.sql} class of the original
     * (a vendor subclass cannot be rebuilt), whose messages and causes are masked copies of the original's. The
     * original is dropped: it holds the password.
     */
    public SQLException mask(SQLException failure) {
        if (secrets.isEmpty() || !reveals(failure, Collections.newSetFromMap(new IdentityHashMap<>()), 0)) {
            return failure;
        }
        return (SQLException) copy(failure, new IdentityHashMap<>(), 0);
    }

    /** As {@link #mask(SQLException)}, for a driver that fails with an unchecked exception. */
    public RuntimeException mask(RuntimeException failure) {
        if (secrets.isEmpty() || !reveals(failure, Collections.newSetFromMap(new IdentityHashMap<>()), 0)) {
            return failure;
        }
        return (RuntimeException) copy(failure, new IdentityHashMap<>(), 0);
    }

    /** {@code text} with every occurrence of a password replaced by {@code ****}. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    private boolean reveals(Throwable t, Set<Throwable> seen, int depth) {
        if (t == null || depth > MAX_DEPTH || !seen.add(t)) {
            return false;
        }
        if (holdsSecret(message(t)) || holdsSecret(localizedMessage(t))) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (reveals(suppressed, seen, depth + 1)) {
                return true;
            }
        }
        return reveals(t.getCause(), seen, depth + 1)
                || t instanceof SQLException && reveals(((SQLException) t).getNextException(), seen, depth + 1);
    }

    private boolean holdsSecret(String text) {
        if (text != null) {
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A masked copy of {@code t} and of everything it links to; {@code copies} keeps a loop a loop, not a hang. */
    private Throwable copy(Throwable t, IdentityHashMap<Throwable, Throwable> copies, int depth) {
        Throwable done = copies.get(t);
        if (done != null) {
            return done;
        }
        Throwable cause = t.getCause();
        Throwable causeCopy = null;
        if (cause != null && cause != t) {
            causeCopy = depth >= MAX_DEPTH
                    ? new MaskedFailure(cause.getClass().getName(), "(further causes left out)", null)
                    : copies.containsKey(cause) ? copies.get(cause) : copy(cause, copies, depth + 1);
        }
        String message = mask(message(t));
        Throwable copy = t instanceof SQLException
                ? sqlCopy((SQLException) t, message, causeCopy)
                : plainCopy(t, message, causeCopy);
        copy.setStackTrace(t.getStackTrace());
        copies.put(t, copy);
        if (depth < MAX_DEPTH) {
            for (Throwable suppressed : t.getSuppressed()) {
                copy.addSuppressed(copy(suppressed, copies, depth + 1));
            }
            if (t instanceof SQLException) {
                SQLException next = ((SQLException) t).getNextException();
                if (next != null && next != t && !copies.containsKey(next)) {
                    ((SQLException) copy).setNextException((SQLException) copy(next, copies, depth + 1));
                }
            }
        }
        return copy;
    }

    private static SQLException sqlCopy(SQLException original, String message, Throwable cause) {
        String state = original.getSQLState();
        int code = original.getErrorCode();
        if (original instanceof BatchUpdateException) {
            return new BatchUpdateException(message, state, code,
                    ((BatchUpdateException) original).getUpdateCounts(), cause);
        }
        for (Class<?> type = original.getClass(); type != SQLException.class; type = type.getSuperclass()) {
            if (type.getName().startsWith("java.sql.")) {
                try {
                    Constructor<?> constructor =
                            type.getConstructor(String.class, String.class, int.class, Throwable.class);
                    return (SQLException) constructor.newInstance(message, state, code, cause);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    break; // a java.sql class without that constructor (DataTruncation): the plain family
                }
            }
        }
        return new SQLException(message, state, code, cause);
    }

    /**
     * The same class where it is the JDK's own with a public {@code (String)} constructor ({@code
     * UnknownHostException}, {@code NumberFormatException}); otherwise a stand-in that names the original class.
     */
    private static Throwable plainCopy(Throwable original, String message, Throwable cause) {
        Class<?> type = original.getClass();
        if (type.getName().startsWith("java.") && Modifier.isPublic(type.getModifiers())) {
            try {
                Throwable copy = (Throwable) type.getConstructor(String.class).newInstance(message);
                if (cause != null) {
                    copy.initCause(cause);
                }
                return copy;
            } catch (ReflectiveOperationException | RuntimeException e) {
                // no such constructor, or the cause was already set: the stand-in below
            }
        }
        return new MaskedFailure(type.getName(), message, cause);
    }

    private static String message(Throwable t) {
        try {
            return t.getMessage();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String localizedMessage(Throwable t) {
        try {
            return t.getLocalizedMessage();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Stands for a driver's own exception (not a JDK class, so not rebuilt) in a masked chain; prints as the
     * original would, with its class name.
     */
    public static final class MaskedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String originalClass;

        MaskedFailure(String originalClass, String message, Throwable cause) {
            super(message, cause);
            this.originalClass = originalClass;
        }

        /** The class name of the exception this one stands for. */
        public String originalClass() {
            return originalClass;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? originalClass : originalClass + ": " + message;
        }
    }
}
