package io.github.integrityjdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10: what the driver loads reflectively or by ServiceLoader is named in the GraalVM metadata the jar ships
 * (the current {@code reachability-metadata.json} and the {@code reflect-config.json} of GraalVM for JDK 17/21), and
 * in the Spring AOT hints. "What the driver loads reflectively" is read from the sources: every class name given to
 * {@code Class.forName} (or to {@code OptionalLibraries.present}), every method looked up with {@code getMethod}, every
 * class whose methods are listed ({@code Foo.class.getMethods()}, the Flyway plugin's check), every service and Spring
 * factory entry, and every generated proxy that ProxyFactory lists the methods of.
 */
class NativeMetadataTest {

    private static final String DIRECTORY = "META-INF/native-image/io.github.integrityjdbc/integrity-jdbc/";
    private static final Pattern FOR_NAME = Pattern.compile("(?:forName|present)\\(\"([\\w.$]+)\"");
    private static final Pattern GET_METHOD = Pattern.compile("getMethod\\(\"(\\w+)\"");
    /** {@code DatabaseType.class.getMethods()}: the simple name of a class whose public methods are listed. */
    private static final Pattern LISTS_METHODS = Pattern.compile("(\\w+)\\.class\\.getMethods\\(\\)");
    /** A class name held in a constant of a source that looks classes up by computed name (EnrichedExceptions). */
    private static final Pattern CLASS_NAME_CONSTANT = Pattern.compile(
            "static final String \\w+ = \"((?:[a-z]\\w*\\.)+[A-Z][\\w$]*)\";");

    @Test
    void everyReflectiveLookupInTheSources_isInBothMetadataFiles_andInTheSpringHints() throws IOException {
        Map<String, Set<String>> current = reflection(read("reachability-metadata.json").get("reflection"), "type");
        Map<String, Set<String>> legacy = reflection(read("reflect-config.json"), "name");
        assertEquals(current, legacy, "the two metadata formats name the same");

        Set<String> lookedUp = new TreeSet<>();
        Set<String> methods = new TreeSet<>();
        Set<String> listed = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source, StandardCharsets.UTF_8);
                collect(FOR_NAME, text, lookedUp);
                if (text.contains("Class.forName(type")) {
                    collect(CLASS_NAME_CONSTANT, text, lookedUp);
                }
                collect(GET_METHOD, text, methods);
                collect(LISTS_METHODS, text, listed);
            }
        }
        assertTrue(listed.contains("DatabaseType"), "the scan found the Flyway plugin's listing: " + listed);
        for (String simpleName : listed) {
            assertTrue(current.entrySet().stream().anyMatch(e -> e.getKey().endsWith("." + simpleName)
                    && e.getValue().contains("*")), simpleName + " (getMethods) is not in the metadata");
        }
        assertTrue(lookedUp.size() >= 2 && methods.size() >= 3, "the scan found the lookups: " + lookedUp + methods);
        for (String type : lookedUp) {
            assertTrue(current.containsKey(type), type + " (Class.forName) is not in the metadata");
        }
        Set<String> registeredMethods = new TreeSet<>();
        current.values().forEach(registeredMethods::addAll);
        for (String method : methods) {
            assertTrue(registeredMethods.contains(method), method + " (getMethod) is not in the metadata");
        }
        for (String entry : serviceEntries()) {
            assertTrue(current.get(entry) != null && current.get(entry).contains("<init>"),
                    entry + " (ServiceLoader / Spring factories) is not in the metadata with its constructor");
        }
        for (String proxy : IntegrityRuntimeHints.LISTED) {
            assertTrue(current.get(proxy) != null && current.get(proxy).contains("*"), proxy + " all public methods");
            Class<?> type = load(proxy);
            assertTrue(Stream.of(type.getInterfaces()).anyMatch(i -> !i.getName().startsWith("java.")),
                    proxy + " implements a vendor interface");
        }

        RuntimeHints hints = new RuntimeHints();
        new IntegrityRuntimeHints().registerHints(hints, getClass().getClassLoader());
        for (Map.Entry<String, Set<String>> entry : current.entrySet()) {
            TypeReference type = TypeReference.of(entry.getKey());
            assertTrue(RuntimeHintsPredicates.reflection().onType(type).test(hints), entry.getKey() + " hinted");
            for (String member : entry.getValue()) {
                if (member.equals("<init>")) {
                    assertTrue(RuntimeHintsPredicates.reflection().onType(type)
                            .withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS).test(hints), entry.getKey());
                } else if (member.equals("*")) {
                    assertTrue(RuntimeHintsPredicates.reflection().onType(type)
                            .withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS).test(hints), entry.getKey());
                } else {
                    assertTrue(hints.reflection().getTypeHint(type).methods().anyMatch(m -> m.getName().equals(member)
                            && m.getMode() == ExecutableMode.INVOKE), entry.getKey() + "." + member + " hinted");
                }
            }
        }
        for (String resource : IntegrityRuntimeHints.RESOURCES) {
            assertTrue(RuntimeHintsPredicates.resource().forResource(resource).test(hints), resource);
            assertNotNull(getClass().getClassLoader().getResource(resource), resource + " exists");
        }
    }

    @Test
    void springFindsTheRegistrar() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring/aot.factories")) {
            assertNotNull(in);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals("org.springframework.aot.hint.RuntimeHintsRegistrar=" + IntegrityRuntimeHints.class.getName(),
                    text);
        }
    }

    /** Type name to its registered members: method names, "<init>" for the constructor, "*" for all public methods. */
    private static Map<String, Set<String>> reflection(JsonNode entries, String nameField) {
        Map<String, Set<String>> types = new TreeMap<>();
        for (JsonNode entry : entries) {
            Set<String> members = types.computeIfAbsent(entry.get(nameField).asText(), k -> new TreeSet<>());
            for (JsonNode method : entry.path("methods")) {
                members.add(method.get("name").asText());
            }
            if (entry.path("allPublicMethods").asBoolean() || entry.path("queryAllPublicMethods").asBoolean()) {
                members.add("*");
            }
        }
        return types;
    }

    private static JsonNode read(String file) throws IOException {
        try (InputStream in = NativeMetadataTest.class.getClassLoader().getResourceAsStream(DIRECTORY + file)) {
            assertNotNull(in, DIRECTORY + file);
            return new ObjectMapper().readTree(in);
        }
    }

    private static Set<String> serviceEntries() throws IOException {
        Set<String> entries = new TreeSet<>();
        for (String file : new String[] {"META-INF/services/java.sql.Driver", "META-INF/spring.factories",
                "META-INF/services/org.flywaydb.core.extensibility.Plugin",
                "META-INF/services/liquibase.database.Database"}) {
            for (String line : Files.readAllLines(Path.of("src/main/resources", file))) {
                String value = line.contains("=") ? line.substring(line.indexOf('=') + 1) : line;
                if (!value.isBlank() && !value.startsWith("#")) {
                    entries.add(value.trim());
                }
            }
        }
        return entries;
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name, e);
        }
    }
}
