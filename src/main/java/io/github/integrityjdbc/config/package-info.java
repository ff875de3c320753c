/**
 * Internal: the settings of one connection, read from the {@code integrity.*} properties.
 *
 * <p>Not API. The public classes here are public only so that the other packages of integrity-jdbc can use them;
 * they may change or go in any release. The API is the package {@code io.github.integrityjdbc}.
 */
package io.github.integrityjdbc.config;
