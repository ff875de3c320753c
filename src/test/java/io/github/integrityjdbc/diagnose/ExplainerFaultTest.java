package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.capture.StatementCapture;
import io.github.integrityjdbc.config.IntegrityConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When explaining fails, the application gets the original exception, unchanged. */
class ExplainerFaultTest {

    private Connection raw;
    private Explainer explainer;

    @BeforeEach
    void setUp() throws SQLException {
        raw = DriverManager.getConnection("jdbc:h2:mem:faults");
        explainer = new Explainer(raw, IntegrityConfig.from(new Properties(), null, "faults"), "jdbc:h2:mem:faults");
    }

    @AfterEach
    void tearDown() throws SQLException {
        raw.close();
    }

    @Test
    void messageThatThrows_originalReturnedUnchanged() {
        SQLException hostile = new SQLException("x", "23505") {
            @Override
            public String getMessage() {
                throw new IllegalStateException("broken driver");
            }
        };
        assertSame(hostile, explainer.explain(hostile, new StatementCapture("INSERT INTO t VALUES (?)")));
        assertEquals(0, hostile.getSuppressed().length);
    }

    @Test
    void notAViolation_originalReturnedUnchanged() {
        SQLException syntax = new SQLException("syntax", "42000", 42000);
        assertSame(syntax, explainer.explain(syntax, new StatementCapture("SELEC")));
    }

    @Test
    void nullMessageNullStateOrShortState_explainedOrKept() {
        SQLException nullState = new java.sql.SQLIntegrityConstraintViolationException((String) null);
        SQLException result = explainer.explain(nullState, new StatementCapture(null));
        assertSame(nullState, result.getCause());
        assertTrue(IntegrityViolations.find(result).isPresent());

        SQLException shortState = new SQLException("odd", "2");
        assertSame(shortState, explainer.explain(shortState, null));
    }

    @Test
    void unreadableSqlAndLoopingCauses_stillExplainedWithWhatIsKnown() {
        BatchUpdateException batch = new BatchUpdateException("batch", "23505", 1, new int[0]);
        SQLException a = new SQLException("a", "08000");
        SQLException b = new SQLException("b", "08000", a);
        a.initCause(b);
        batch.initCause(a);
        StatementCapture capture = new StatementCapture("INSERT INTO ((( '' \" /* unterminated");
        SQLException result = explainer.explain(batch, capture);
        assertSame(batch, result.getCause());
        assertTrue(IntegrityViolations.find(result).isPresent());
    }
}
