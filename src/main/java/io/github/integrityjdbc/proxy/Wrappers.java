package io.github.integrityjdbc.proxy;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * The {@link Wrapper} contract shared by every proxy: asked for a type the proxy itself is (a JDBC interface), the
 * proxy answers itself, since handing out the raw object would bypass it; asked for anything else (a vendor type),
 * it answers what the delegate answers.
 */
final class Wrappers {

    private Wrappers() {
    }

    static <T> T unwrap(Object proxy, Wrapper delegate, Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(proxy)) {
            return iface.cast(proxy);
        }
        return delegate.unwrap(iface);
    }

    static boolean isWrapperFor(Object proxy, Wrapper delegate, Class<?> iface) throws SQLException {
        return iface != null && iface.isInstance(proxy) || delegate.isWrapperFor(iface);
    }
}
