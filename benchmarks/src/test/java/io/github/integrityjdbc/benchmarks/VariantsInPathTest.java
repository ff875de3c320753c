package io.github.integrityjdbc.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Keeps the benchmark harness honest without running a benchmark: every variant runs every workload once, and then
 * must prove it was in the path, with the same check the benchmarks run at the end of each trial.
 */
class VariantsInPathTest {

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyH2WorkloadRunsThroughTheVariant(Variant variant) throws SQLException {
        try (Connection connection = variant.open(Database.H2)) {
            Workload workload = new Workload(connection, "");
            workload.createTables();
            long start = variant.startEvidence();

            assertEquals(1, workload.insert(1));
            assertEquals(7 + "Teapot".length() + "blue, 1 litre".length() + 2, workload.selectByKey(7));
            assertEquals(Workload.BATCH_ROWS, workload.batch(2));
            assertEquals(1, workload.selectOne());
            assertEquals("23505", workload.failingInsert(1000).getSQLState());
            workload.truncateInserted();
            assertEquals(1, workload.insert(1), "the inserted table was emptied");

            variant.verifyInPath(workload, start);
            workload.dropTables();
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void postgresWorkloadsRunThroughTheVariant(Variant variant) throws SQLException {
        assumePostgres();
        try (Connection connection = variant.open(Database.POSTGRESQL)) {
            Workload workload = new Workload(connection, Workload.processSuffix());
            workload.createTables();
            try {
                long start = variant.startEvidence();
                assertEquals(1, workload.insert(1));
                assertEquals(7 + "Teapot".length() + "blue, 1 litre".length() + 2, workload.selectByKey(7));
                variant.verifyInPath(workload, start);
            } finally {
                workload.dropTables();
            }
        }
    }

    @Test
    void theCheckFailsWhenTheRawDriverStandsInForAVariant() throws SQLException {
        try (Connection raw = Variant.RAW.open(Database.H2)) {
            Workload workload = new Workload(raw, "");
            workload.createTables();
            for (Variant variant : Variant.values()) {
                if (variant != Variant.RAW) {
                    IllegalStateException thrown = assertThrows(IllegalStateException.class,
                            () -> variant.verifyInPath(workload, variant.startEvidence()));
                    assertTrue(thrown.getMessage().startsWith(variant + " was not in the path"), thrown.getMessage());
                }
            }
        }
    }

    @Test
    void theCheckFailsWhenAListenerOrExporterSawNothing() throws SQLException {
        for (Variant variant : new Variant[] {Variant.DATASOURCE_PROXY_LISTENER, Variant.OTEL, Variant.OTEL_INTEGRITY}) {
            try (Connection connection = variant.open(Database.H2)) {
                Workload workload = new Workload(connection, "");
                long now = variant.startEvidence();
                // The check itself runs statements; evidence from the future cannot have grown.
                IllegalStateException thrown = assertThrows(IllegalStateException.class,
                        () -> variant.verifyInPath(workload, now + 1_000_000));
                assertTrue(thrown.getMessage().contains("not in the path"), thrown.getMessage());
            }
        }
    }

    private static void assumePostgres() {
        boolean required = "true".equals(System.getenv("CI")) || Boolean.getBoolean("servers.required");
        boolean reachable = Database.POSTGRESQL.reachable();
        if (required) {
            assertTrue(reachable, "PostgreSQL is required (CI=true or -Dservers.required=true) but not reachable"
                    + " at jdbc:" + Database.POSTGRESQL.url());
        }
        assumeTrue(reachable, "PostgreSQL not reachable at jdbc:" + Database.POSTGRESQL.url() + ": skipped");
    }
}
