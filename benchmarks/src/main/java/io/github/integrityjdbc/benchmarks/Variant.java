package io.github.integrityjdbc.benchmarks;

import io.github.integrityjdbc.IntegrityDataSource;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import net.sf.log4jdbc.sql.jdbcapi.ConnectionSpy;
import net.sf.log4jdbc.sql.jdbcapi.StatementSpy;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What sits between the workload and the real driver. Each variant opens its connection the way a user would, and
 * can prove afterwards that it was really in the path: by the classes of the connection and of its statements, and
 * by what it reported (a violation counted, a listener called, a span exported).
 */
public enum Variant {

    /** The real driver alone: the baseline. */
    RAW {
        @Override
        Connection connect(Database database) throws SQLException {
            return DriverManager.getConnection("jdbc:" + database.url());
        }

        @Override
        boolean wraps(Object jdbcObject) {
            String name = jdbcObject.getClass().getName();
            return name.startsWith("org.h2.") || name.startsWith("org.postgresql.");
        }
    },

    /** integrity-jdbc switched on by the URL prefix. */
    INTEGRITY_URL {
        @Override
        Connection connect(Database database) throws SQLException {
            return DriverManager.getConnection("jdbc:integrity:" + database.url());
        }
    },

    /** integrity-jdbc wrapping the real driver's DataSource. */
    INTEGRITY_DATASOURCE {
        @Override
        Connection connect(Database database) throws SQLException {
            return IntegrityDataSource.builder().meterRegistry(Peers.METERS).wrap(database.dataSource())
                    .getConnection();
        }
    },

    /** datasource-proxy without a listener. */
    DATASOURCE_PROXY {
        @Override
        Connection connect(Database database) throws SQLException {
            return ProxyDataSourceBuilder.create(database.dataSource()).name("bench").build().getConnection();
        }
    },

    /** datasource-proxy with a listener reading the query and every bound value. */
    DATASOURCE_PROXY_LISTENER {
        @Override
        Connection connect(Database database) throws SQLException {
            return ProxyDataSourceBuilder.create(database.dataSource()).name("bench").listener(Peers.LISTENER)
                    .build().getConnection();
        }

        @Override
        long evidence() {
            return Peers.LISTENER.valuesRead();
        }
    },

    /** log4jdbc-log4j2 with its logger on at ERROR (to a Null appender): it only wraps when a logger is on. */
    LOG4JDBC {
        @Override
        Connection connect(Database database) throws SQLException {
            return DriverManager.getConnection("jdbc:log4jdbc:" + database.url());
        }
    },

    /** The OpenTelemetry JDBC driver on a real SDK. */
    OTEL {
        @Override
        Connection connect(Database database) throws SQLException {
            return DriverManager.getConnection("jdbc:otel:" + database.url());
        }

        @Override
        long evidence() {
            return Peers.SPANS.spans();
        }
    },

    /**
     * The OpenTelemetry JDBC driver outside integrity-jdbc ({@code jdbc:otel:integrity:}, the order README
     * recommends): its span is current when a violation is explained, so the violation's attributes go on it. Against
     * {@code OTEL}, the cost of integrity-jdbc with a span current.
     */
    OTEL_INTEGRITY {
        @Override
        Connection connect(Database database) throws SQLException {
            return DriverManager.getConnection("jdbc:otel:integrity:" + database.url());
        }

        @Override
        long evidence() {
            return Peers.SPANS.spans();
        }
    };

    /** Opens a connection through this variant. */
    public Connection open(Database database) throws SQLException {
        Peers.setUp();
        return connect(database);
    }

    abstract Connection connect(Database database) throws SQLException;

    /** A count that grows while this variant is in the path (0 for the variants that report nothing). */
    long evidence() {
        return 0;
    }

    /** True when the connection or statement is this variant's own object. */
    boolean wraps(Object jdbcObject) {
        String name = jdbcObject.getClass().getName();
        return switch (this) {
            case INTEGRITY_URL, INTEGRITY_DATASOURCE -> name.startsWith("io.github.integrityjdbc.");
            case DATASOURCE_PROXY, DATASOURCE_PROXY_LISTENER -> jdbcObject instanceof ProxyJdbcObject;
            case LOG4JDBC -> jdbcObject instanceof ConnectionSpy || jdbcObject instanceof StatementSpy;
            case OTEL, OTEL_INTEGRITY -> name.startsWith("io.opentelemetry.instrumentation.jdbc.");
            case RAW -> throw new AssertionError("RAW overrides wraps");
        };
    }

    /** Where a trial starts from: the evidence count before it. */
    public long startEvidence() {
        return evidence();
    }

    /**
     * Throws unless this variant was really in the path of {@code workload} since {@code startEvidence}: its
     * connection and statements are its own, and what it reports grew. For integrity-jdbc it also runs one failing
     * INSERT (outside any measurement) and checks that the application got the report and the violation was counted.
     */
    public void verifyInPath(Workload workload, long startEvidence) throws SQLException {
        Connection connection = workload.connection();
        if (!wraps(connection)) {
            throw notInPath("its connection is a " + connection.getClass().getName());
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1")) {
            if (!wraps(statement)) {
                throw notInPath("its statements are " + statement.getClass().getName());
            }
        }
        if (this == INTEGRITY_URL || this == INTEGRITY_DATASOURCE || this == OTEL_INTEGRITY) {
            double counted = Peers.violationsCounted();
            long violationSpans = Peers.SPANS.violationSpans();
            SQLException failure = workload.failingInsert(Integer.MAX_VALUE);
            if (IntegrityViolations.find(failure).map(report -> report.kind() != ViolationKind.UNIQUE).orElse(true)) {
                throw notInPath("a UNIQUE violation came back without its report: " + failure);
            }
            if (Peers.violationsCounted() <= counted) {
                throw notInPath("a UNIQUE violation was not counted");
            }
            if (this == OTEL_INTEGRITY && Peers.SPANS.violationSpans() <= violationSpans) {
                throw notInPath("no span carried the violation's attributes");
            }
        }
        if (this == DATASOURCE_PROXY_LISTENER || this == OTEL || this == OTEL_INTEGRITY) {
            if (evidence() <= startEvidence) {
                throw notInPath(this == DATASOURCE_PROXY_LISTENER ? "the listener read no value" : "no span was exported");
            }
        }
    }

    private IllegalStateException notInPath(String why) {
        return new IllegalStateException(name() + " was not in the path: " + why);
    }
}
