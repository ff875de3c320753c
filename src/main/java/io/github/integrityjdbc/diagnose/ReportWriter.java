package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.config.IntegrityConfig;
import io.github.integrityjdbc.diagnose.SqlShape.ColumnValue;
import io.github.integrityjdbc.report.ReportFields;
import io.github.integrityjdbc.report.ValueRenderer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The writing stage: the report and the message the application gets, every value rendered by
 * {@link ValueRenderer} and masked by {@link Masking}.
 */
final class ReportWriter {

    /**
     * @param report what {@code IntegrityViolations.find} returns, logged and counted
     * @param message the application's message: the database's, masked, then the explanation
     * @param rowMessage the same for the exception that describes the violation (a batch's per-row exception)
     * @param rowMessagePart masks a text that the violation's message shows too (a driver's structured field)
     */
    record Written(ViolationReport report, String message, String rowMessage, UnaryOperator<String> rowMessagePart) {
    }

    /** Between the database's message and the explanation. */
    private static final String SUFFIX = "\nintegrity-jdbc: ";

    private ReportWriter() {
    }

    static Written write(Violation violation, Attribution attribution, FailedStatement statement, Dialect dialect,
                         String database, IntegrityConfig config) {
        Masking masking = new Masking(config, statement);
        ErrorFacts facts = attribution.facts();
        Object[] values = statement.values();
        boolean[] maskedParameters = masking.maskedParameters();
        List<String> parameters = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            parameters.add(maskedParameters[i] ? ValueRenderer.MASK
                    : ValueRenderer.render(values[i], config.maxValueLength()));
        }
        Map<String, String> offending = offendingValues(facts, statement, masking, config.maxValueLength());
        String sql = masking.statementSql();
        String explanation = ExplanationText.explain(facts, violation.dataError(), statement, dialect, offending, sql,
                parameters);
        ViolationReport report = new ReportFields(facts.kind(), facts.constraint(), facts.table(), facts.columns(), sql,
                parameters, offending, statement.batchIndex(), violation.sqlState(),
                violation.exception().getErrorCode(), database, config.name(), explanation).report();
        String message = masked(violation.failure(), facts.message(), masking, attribution) + SUFFIX + explanation;
        String rowMessage = violation.exception() == violation.failure() ? message
                : masked(violation.exception(), facts.rowMessage(), masking, attribution) + SUFFIX + explanation;
        String rowOriginal = violation.exception().getMessage();
        UnaryOperator<String> rowMessagePart = part -> masking.messagePart(part, rowOriginal, facts.rowMessage(),
                attribution);
        return new Written(report, message, rowMessage, rowMessagePart);
    }

    private static String masked(java.sql.SQLException e, ErrorFacts.MessageSpans places, Masking masking,
                                 Attribution attribution) {
        String original = e.getMessage();
        return original == null ? "" : masking.message(original, places, attribution);
    }

    /** The value each of the violation's columns was given, from the statement or else from the message. */
    private static Map<String, String> offendingValues(ErrorFacts facts, FailedStatement statement, Masking masking,
                                                       int maxLength) {
        Map<String, String> offending = new LinkedHashMap<>();
        SqlShape shape = statement.shape();
        boolean parentSide = facts.parentSide(shape);
        for (int i = 0; i < facts.columns().size(); i++) {
            String column = facts.columns().get(i);
            ColumnValue source;
            boolean masked = masking.masked(column);
            if (parentSide && i < facts.referencedColumns().size()) {
                // a parent row still referenced: its key value is in the statement's WHERE (or SET)
                String referenced = facts.referencedColumns().get(i);
                masked |= masking.masked(referenced);
                source = Attributor.find(shape.conditions(), referenced);
                source = source == null ? Attributor.find(statement.written(), referenced) : source;
            } else {
                source = Attributor.find(statement.written(), column);
            }
            String value = render(source, statement, maxLength);
            if (value == null) {
                value = facts.messageValues().get(column);
                value = value == null ? null : ValueRenderer.renderLiteral(value, maxLength);
            }
            if (value != null) {
                offending.put(column, masked ? ValueRenderer.MASK : value);
            }
        }
        return offending;
    }

    private static String render(ColumnValue source, FailedStatement statement, int maxLength) {
        if (source == null) {
            return null;
        }
        if (source.parameter() > 0) {
            return source.parameter() <= statement.values().length
                    ? ValueRenderer.render(statement.values()[source.parameter() - 1], maxLength) : null;
        }
        return source.literal() == null ? null : ValueRenderer.renderLiteral(source.literal(), maxLength);
    }
}
