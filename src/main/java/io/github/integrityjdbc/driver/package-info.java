/**
 * Internal: how a {@code jdbc:integrity:} URL becomes the real driver's URL and connection, and what a failed connection may show of its passwords.
 *
 * <p>Not API. The public classes here are public only so that the other packages of integrity-jdbc can use them;
 * they may change or go in any release. The API is the package {@code io.github.integrityjdbc}.
 */
package io.github.integrityjdbc.driver;
