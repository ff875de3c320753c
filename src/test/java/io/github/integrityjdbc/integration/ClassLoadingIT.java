package io.github.integrityjdbc.integration;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 10: no product class is defined at run time. A fresh JVM with only the packaged jar and H2 connects through
 * {@code jdbc:integrity:}, violates a constraint and reads the report ({@code DropInProbe}), under
 * {@code -Xlog:class+load}: every {@code io.github.integrityjdbc} class it loads comes from the jar. The only others
 * allowed are the JDK's hidden lambda classes for a lambda in the jar's own bytecode ({@code Foo$$Lambda$12/0x...},
 * whose source is that class): native-image builds those at image build time. The jar carries the native-image
 * metadata and the Spring AOT registration.
 */
class ClassLoadingIT {

    private static final Pattern LOADED =
            Pattern.compile("\\[class,load\\] (io\\.github\\.integrityjdbc\\.\\S+) source: (.+)$");

    @Test
    void freshJvmConnectsViolatesAndReads_everyProductClassComesFromTheJar() throws Exception {
        Path jar = Paths.get(System.getProperty("test.driverJar", "target/missing.jar"));
        assertTrue(Files.isRegularFile(jar), "the packaged driver jar " + jar + " must exist (run mvn verify)");
        Path probe = Paths.get(ClassLoadingIT.class.getResource("/dropin/DropInProbe.java").toURI());
        Path h2 = Paths.get(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path log = Files.createTempFile("class-load", ".txt");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");

        Process process = new ProcessBuilder(java.toString(), "-Xlog:class+load=info:file=" + log,
                "-cp", jar + File.pathSeparator + h2, probe.toString()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not finish in 2 minutes");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("kind=UNIQUE constraint=UQ_TOOL_USER_EMAIL"), output);

        List<String> fromJar = new ArrayList<>();
        List<String> lambdas = new ArrayList<>();
        List<String> definedAtRunTime = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher loaded = LOADED.matcher(line);
            if (!loaded.find()) {
                continue;
            }
            String name = loaded.group(1);
            String source = loaded.group(2);
            if (source.endsWith(jar.getFileName().toString())) {
                fromJar.add(name);
            } else if (name.contains("$$Lambda$") && name.startsWith(source + "$$Lambda$")) {
                lambdas.add(name);
            } else {
                definedAtRunTime.add(line);
            }
        }
        Files.delete(log);
        assertEquals(List.of(), definedAtRunTime, "product classes not loaded from the jar");
        assertTrue(fromJar.contains("io.github.integrityjdbc.proxy.H2ConnectionProxy"), fromJar.toString());
        // the prepared statement's class has as many inline slots as the statement's parameters ask for
        assertTrue(fromJar.stream().anyMatch(loaded -> loaded.startsWith(
                "io.github.integrityjdbc.proxy.PlainPreparedStatementProxy")), fromJar.toString());
        assertTrue(fromJar.contains("io.github.integrityjdbc.diagnose.Explainer"), fromJar.toString());
        System.out.printf("Product classes loaded from the jar: %d; JDK lambda classes of jar code: %d %s%n",
                fromJar.size(), lambdas.size(), lambdas);

        try (JarFile contents = new JarFile(jar.toFile())) {
            for (String entry : new String[] {
                    "META-INF/native-image/io.github.integrityjdbc/integrity-jdbc/reachability-metadata.json",
                    "META-INF/native-image/io.github.integrityjdbc/integrity-jdbc/reflect-config.json",
                    "META-INF/native-image/io.github.integrityjdbc/integrity-jdbc/resource-config.json",
                    "META-INF/spring/aot.factories", "META-INF/services/java.sql.Driver",
                    "META-INF/services/org.flywaydb.core.extensibility.Plugin",
                    "META-INF/services/liquibase.database.Database"}) {
                assertNotNull(contents.getEntry(entry), entry + " in the jar");
            }
            assertTrue(contents.stream().noneMatch(e -> e.getName().contains("bytebuddy")), "no Byte Buddy inside");
        }
    }
}
