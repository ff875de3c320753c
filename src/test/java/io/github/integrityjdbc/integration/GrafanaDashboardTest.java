package io.github.integrityjdbc.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.integrityjdbc.IntegrityDataSource;
import io.github.integrityjdbc.testing.H2Database;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every query of the Grafana dashboard in samples/grafana names a series, and labels, that the driver really emits:
 * the series are taken from a Prometheus scrape after real violations, not from a list written here.
 */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("samples", "grafana", "integrity-jdbc-dashboard.json");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
    private static final Pattern LABEL_VALUES =
            Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(?:\\{[^}]*})?\\s*,\\s*(\\w+)\\s*\\)");

    @Test
    void everyQuery_namesASeriesAndLabelsTheDriverEmits() throws IOException, SQLException {
        Map<String, Set<String>> emitted = emittedSeries();
        assertTrue(emitted.containsKey("jdbc_integrity_violations_total"), emitted.toString());

        List<String> queries = new ArrayList<>();
        collectQueries(new ObjectMapper().readTree(DASHBOARD.toFile()), queries);
        assertTrue(queries.size() >= 6, "the dashboard's queries: " + queries);
        for (String query : queries) {
            assertNamesEmittedSeries(query, emitted);
        }
        assertTrue(queries.stream().anyMatch(q -> q.contains("by (kind)")), "a panel by kind");
        assertTrue(queries.stream().anyMatch(q -> q.contains("by (table)")), "a panel by table");
        assertTrue(queries.stream().anyMatch(q -> q.contains("by (constraint")), "a panel by constraint");
        assertTrue(queries.stream().anyMatch(q -> q.startsWith("topk(")), "a top-constraints panel");
    }

    @Test
    void theCheck_rejectsAQueryOfASeriesThatIsNotEmitted() throws SQLException {
        Map<String, Set<String>> emitted = emittedSeries();
        assertThrows(AssertionError.class, () -> assertNamesEmittedSeries(
                "sum by (kind) (rate(jdbc_integrity_violation_total[5m]))", emitted));
        assertThrows(AssertionError.class, () -> assertNamesEmittedSeries(
                "sum by (schema) (rate(jdbc_integrity_violations_total{}[5m]))", emitted));
        assertThrows(AssertionError.class, () -> assertNamesEmittedSeries(
                "label_values(jdbc_integrity_violations_total, sql)", emitted));
    }

    private static void assertNamesEmittedSeries(String query, Map<String, Set<String>> emitted) {
        Set<String> labels = new HashSet<>();
        int series = 0;
        Matcher selector = SELECTOR.matcher(query);
        while (selector.find()) {
            series++;
            assertTrue(emitted.containsKey(selector.group(1)), "not emitted: " + selector.group(1) + " in " + query);
            Matcher matcher = MATCHER.matcher(selector.group(2));
            while (matcher.find()) {
                assertTrue(emitted.get(selector.group(1)).contains(matcher.group(1)),
                        "not a label of " + selector.group(1) + ": " + matcher.group(1) + " in " + query);
            }
            labels.addAll(emitted.get(selector.group(1)));
        }
        Matcher labelValues = LABEL_VALUES.matcher(query);
        while (labelValues.find()) {
            series++;
            assertTrue(emitted.containsKey(labelValues.group(1)), "not emitted: " + labelValues.group(1));
            assertTrue(emitted.get(labelValues.group(1)).contains(labelValues.group(2)),
                    "not a label: " + labelValues.group(2) + " in " + query);
        }
        assertTrue(series > 0, "names no series with {...} or label_values: " + query);
        Matcher grouping = GROUPING.matcher(query);
        while (grouping.find()) {
            for (String label : grouping.group(1).split(",")) {
                assertTrue(labels.contains(label.trim()), "not an emitted label: " + label + " in " + query);
            }
        }
    }

    /** Every {@code expr} of a panel and every query of a template variable. */
    private static void collectQueries(JsonNode node, List<String> queries) {
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isTextual() && (field.getKey().equals("expr") || field.getKey().equals("definition")
                    || field.getKey().equals("query") && value.asText().contains("("))) {
                queries.add(value.asText());
            } else {
                collectQueries(value, queries);
            }
        });
        if (node.isArray()) {
            node.forEach(element -> collectQueries(element, queries));
        }
    }

    /** Series name to label names, from a scrape after a unique and a foreign-key violation through the driver. */
    private static Map<String, Set<String>> emittedSeries() throws SQLException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + H2Database.uniqueName("dashboard") + ";DB_CLOSE_DELAY=-1");
        DataSource dataSource = IntegrityDataSource.builder().name("shop").meterRegistry(registry).wrap(h2);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : H2Database.SCHEMA) {
                statement.execute(sql);
            }
            assertThrows(SQLException.class, () -> statement.execute(
                    "INSERT INTO person (id, email, name) VALUES (3, 'a@example.com', 'Ann')"));
            assertThrows(SQLException.class, () -> statement.execute(
                    "INSERT INTO child (id, parent_id) VALUES (11, 99)"));
        }
        Map<String, Set<String>> series = new HashMap<>();
        for (String line : registry.scrape().lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            String name = brace < 0 ? line.substring(0, line.indexOf(' ')) : line.substring(0, brace);
            Set<String> labels = series.computeIfAbsent(name, key -> new HashSet<>());
            if (brace >= 0) {
                Matcher label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"").matcher(
                        line.substring(brace, line.lastIndexOf('}')));
                while (label.find()) {
                    labels.add(label.group(1));
                }
            }
        }
        assertFalse(series.isEmpty(), "the scrape is empty");
        return series;
    }
}
