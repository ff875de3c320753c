package io.github.integrityjdbc.signals;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.testing.H2Database;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, item 2: a violation adds its key values to the Micrometer Observation current on the application's
 * thread, found without the application's registry being handed in; recorded by Micrometer's test registry.
 */
class ObservationSignalTest {

    @Test
    void underTheApplicationsObservation_itGetsTheViolationsKeyValues_asHighCardinality() throws SQLException {
        TestObservationRegistry registry = TestObservationRegistry.create();
        AtomicReference<SQLException> thrown = new AtomicReference<>();
        Observation signup = Observation.createNotStarted("signup", registry);
        try (Connection connection = H2Database.openWithSchema(H2Database.uniqueName("observation"), null)) {
            signup.observe(() -> thrown.set(assertThrows(SQLException.class, () -> insertDuplicate(connection))));
        }
        assertTrue(IntegrityViolations.find(thrown.get()).isPresent(), "the application gets the explanation");

        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                .hasNameEqualTo("signup")
                .hasBeenStarted()
                .hasBeenStopped()
                .doesNotHaveError()
                .hasHighCardinalityKeyValue("db.response.status_code", "23505")
                .hasHighCardinalityKeyValue("error.type", "23505")
                .hasHighCardinalityKeyValue("db.integrity.kind", "unique")
                .hasHighCardinalityKeyValue("db.integrity.constraint", "uq_person_email")
                .hasHighCardinalityKeyValue("db.integrity.table", "person")
                .doesNotHaveLowCardinalityKeyValueWithKey("db.integrity.kind");
        Observation.ContextView context = signup.getContextView();
        Map<String, String> keyValues = new TreeMap<>();
        for (KeyValue keyValue : context.getHighCardinalityKeyValues()) {
            keyValues.put(keyValue.getKey(), keyValue.getValue());
        }
        System.out.println("observation " + context.getName() + " high cardinality: " + keyValues
                + " low cardinality: " + context.getLowCardinalityKeyValues());
        assertEquals(5, keyValues.size(), "no value, no SQL: " + keyValues);
    }

    @Test
    void withNoObservationCurrent_theViolationIsExplainedAndNothingIsAdded() throws SQLException {
        TestObservationRegistry registry = TestObservationRegistry.create();
        Observation before = Observation.start("before", registry);
        before.stop();
        try (Connection connection = H2Database.openWithSchema(H2Database.uniqueName("observation_none"), null)) {
            assertNull(registry.getCurrentObservation());
            SQLException thrown = assertThrows(SQLException.class, () -> insertDuplicate(connection));
            assertTrue(IntegrityViolations.find(thrown).isPresent());
        }
        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat()
                .doesNotHaveHighCardinalityKeyValueWithKey("db.integrity.kind");
    }

    private static void insertDuplicate(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO person (id, email, name) VALUES (?, ?, ?)")) {
            insert.setInt(1, 3);
            insert.setString(2, "a@example.com");
            insert.setString(3, "Carol");
            insert.executeUpdate();
        }
    }
}
