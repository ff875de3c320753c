package io.github.integrityjdbc.integration;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.integrityjdbc.IntegrityDriver;
import io.github.integrityjdbc.config.IntegrityConfig;
import io.github.integrityjdbc.config.IntegrityProperty;
import io.github.integrityjdbc.spring.IntegrityAutoConfiguration;
import io.github.integrityjdbc.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The integrity.* Spring properties as an IDE sees them (the configuration metadata the build generates): every
 * driver setting under its Spring name with the driver's default and description, the auto-configuration's own
 * keys, the modes as hints; the auto-configuration is registered and switched off by integrity.datasource.enabled;
 * and the auto-configuration's keys given as JVM system properties are not warned about as unknown driver keys.
 */
class SpringBootPropertiesTest {

    private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

    @Test
    void metadata_hasEveryDriverSetting_withTheDriversDefaultAndDescription() throws IOException {
        Map<String, JsonNode> properties = properties();
        for (IntegrityProperty setting : IntegrityProperty.values()) {
            String springName = springName(setting.key());
            if (setting == IntegrityProperty.NAME) {
                assertFalse(properties.containsKey(springName), "a wrapped bean is named by its bean name");
                continue;
            }
            JsonNode property = properties.get(springName);
            assertNotNull(property, springName + " in " + properties.keySet());
            assertEquals(setting.defaultValue(), property.path("defaultValue").asText(), springName);
            assertTrue(property.path("description").asText().startsWith(setting.description()),
                    springName + ": " + property.path("description").asText());
            assertEquals("io.github.integrityjdbc.spring.IntegrityProperties", property.path("sourceType").asText());
        }
        assertEquals(List.of("integrity.log", "integrity.log.rate", "integrity.mask", "integrity.max-value-length",
                        "integrity.metrics", "integrity.mode"),
                properties.keySet().stream().filter(name -> !name.startsWith("integrity.datasource.")).toList());
    }

    @Test
    void metadata_hasTheAutoConfigurationsKeys_andTheModesAsHints() throws IOException {
        Map<String, JsonNode> properties = properties();
        JsonNode enabled = properties.get("integrity.datasource.enabled");
        assertEquals("java.lang.Boolean", enabled.path("type").asText());
        assertTrue(enabled.path("defaultValue").asBoolean());
        assertEquals("java.util.List<java.lang.String>", properties.get("integrity.datasource.exclude").path("type").asText());
        for (String name : properties.keySet()) {
            if (name.startsWith("integrity.datasource.")) {
                assertTrue(IntegrityProperty.isSpringKey(name), name);
            }
        }

        JsonNode metadata = new ObjectMapper().readTree(METADATA.toFile());
        List<String> modes = new ArrayList<>();
        String beanTarget = null;
        for (JsonNode hint : metadata.path("hints")) {
            if (hint.path("name").asText().equals("integrity.mode")) {
                hint.path("values").forEach(value -> modes.add(value.path("value").asText()));
            }
            if (hint.path("name").asText().equals("integrity.datasource.exclude")) {
                beanTarget = hint.path("providers").get(0).path("parameters").path("target").asText();
            }
        }
        assertEquals(List.of(IntegrityProperty.MODE.choices()), modes);
        assertEquals("javax.sql.DataSource", beanTarget, "the IDE offers the DataSource beans' names");
    }

    @Test
    void autoConfiguration_isRegistered_andOffWithEnabledFalse() throws IOException {
        String imports = Files.readString(Path.of(
                "target/classes/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"));
        assertEquals(IntegrityAutoConfiguration.class.getName(), imports.trim());
        assertNotNull(IntegrityAutoConfiguration.class.getAnnotation(AutoConfiguration.class));
        ConditionalOnProperty condition = IntegrityAutoConfiguration.class.getAnnotation(ConditionalOnProperty.class);
        assertEquals("integrity.datasource", condition.prefix());
        assertEquals(List.of("enabled"), List.of(condition.name()));
        assertEquals("true", condition.havingValue());
        assertTrue(condition.matchIfMissing());
    }

    @Test
    void autoConfigurationKeysAsSystemProperties_areNotWarnedAbout() throws SQLException {
        List<String> keys = List.of("integrity.datasource.enabled", "integrity.datasource.exclude");
        keys.forEach(key -> System.setProperty(key, key.endsWith("enabled") ? "false" : "ordersDataSource"));
        try (CapturedLog log = new CapturedLog(IntegrityConfig.LOGGER_NAME);
             Connection connection = new IntegrityDriver().connect("jdbc:integrity:h2:mem:springkeys", new Properties())) {
            assertTrue(connection.isValid(1));
            List<ILoggingEvent> events = log.events();
            assertEquals(List.of(), events.stream().map(ILoggingEvent::getFormattedMessage).toList());
        } finally {
            keys.forEach(System::clearProperty);
        }
    }

    /** The Spring name of a driver key: each camel-case word of a part in kebab case (maxValueLength: max-value-length). */
    private static String springName(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Map<String, JsonNode> properties() throws IOException {
        Map<String, JsonNode> properties = new TreeMap<>();
        for (JsonNode property : new ObjectMapper().readTree(METADATA.toFile()).path("properties")) {
            properties.put(property.path("name").asText(), property);
        }
        return properties;
    }
}
