/**
 * Internal: what the proxies record of a statement (its SQL, bound values by reference, batch rows), and the read-only view the explanation takes of it.
 *
 * <p>Not API. The public classes here are public only so that the other packages of integrity-jdbc can use them;
 * they may change or go in any release. The API is the package {@code io.github.integrityjdbc}.
 */
package io.github.integrityjdbc.capture;
