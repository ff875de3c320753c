package io.github.integrityjdbc.integration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar carries a Flyway plugin that every Flyway user's ServiceLoader loads, whatever the Flyway version,
 * and Flyway catches nothing a plugin throws. A fresh JVM per older Flyway (its flyway-core and the JSON library it
 * needs, the packaged jar and H2; the Maven build copies the jars: see the POM) runs {@code FlywayVersionProbe}: a plain H2 URL still migrates
 * (the plugin breaks nothing), a wrapped DataSource gets the report from a failing migration, and a
 * {@code jdbc:integrity:} URL works from Flyway 10.22 on; before it Flyway refuses the URL as it would without the
 * plugin. Flyway 13.12 is {@code FlywayTest}'s.
 */
class FlywayVersionsIT {

    private static final String REPORT =
            "report kind=UNIQUE constraint=UQ_IJ_FW_CUSTOMER_EMAIL table=IJ_FW_CUSTOMER columns=[EMAIL]";

    @ParameterizedTest
    @ValueSource(strings = {"8.5.13", "9.22.3", "10.22.0", "11.20.3", "12.4.0"})
    void olderFlyway_withThePackagedJar(String version) throws Exception {
        List<String> lines = runProbe(version);

        assertTrue(lines.contains("plain-url V1,V2: migrated 2"), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("plain-url V3: refused: ")), lines.toString());
        assertTrue(lines.contains("wrapped-datasource V1,V2: migrated 2"), lines.toString());
        assertTrue(lines.contains("wrapped-datasource V3: " + REPORT), lines.toString());
        if (takesJdbcIntegrityUrls(version)) {
            assertTrue(lines.contains("integrity-url V1,V2: migrated 2"), lines.toString());
            assertTrue(lines.contains("integrity-url V3: " + REPORT), lines.toString());
        } else {
            String refused = lines.stream().filter(line -> line.startsWith("integrity-url V1,V2: ")).findFirst()
                    .orElseThrow(() -> new AssertionError(lines.toString()));
            assertTrue(refused.matches("integrity-url V1,V2: refused: No database found to handle jdbc:integrity:.*"),
                    "Flyway's own refusal, as without the plugin: " + refused);
        }
    }

    private static boolean takesJdbcIntegrityUrls(String version) {
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        return major > 10 || (major == 10 && minor >= 22);
    }

    /** Runs the probe with that Flyway's flyway-core, the packaged jar and H2; the lines it printed. */
    private static List<String> runProbe(String version) throws Exception {
        Path jar = Paths.get(System.getProperty("test.driverJar", "target/missing.jar"));
        assertTrue(Files.isRegularFile(jar), "the packaged driver jar " + jar + " must exist (run mvn verify)");
        Path folder = Paths.get(System.getProperty("test.flywayVersions", "target/flyway-versions"), version);
        assertTrue(Files.isRegularFile(folder.resolve("flyway-core-" + version + ".jar")),
                "flyway-core " + version + " must be in " + folder + " (the POM copies it before the ITs)");
        List<String> classPath = new ArrayList<>();
        try (Stream<Path> jars = Files.list(folder)) {
            jars.map(Path::toString).sorted().forEach(classPath::add);
        }
        classPath.add(jar.toString());
        classPath.add(Paths.get(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
        Path probe = Paths.get(FlywayVersionsIT.class.getResource("/flyway-versions/FlywayVersionProbe.java").toURI());
        Path migrations = Paths.get(FlywayVersionsIT.class.getResource("/flyway").toURI());
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");

        Path output = Files.createTempFile("flyway-" + version, ".out");
        Process process = new ProcessBuilder(java.toString(), "-cp", String.join(File.pathSeparator, classPath),
                probe.toString(), migrations.resolve("shop").toString(), migrations.resolve("duplicate").toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not finish in 2 minutes");
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        assertEquals(0, process.exitValue(), "Flyway " + version + ":\n" + text);
        System.out.printf("Flyway %s:%n%s%n", version, text.lines()
                .filter(line -> line.matches("^(plain-url|integrity-url|wrapped-datasource) .*"))
                .reduce((a, b) -> a + "\n" + b).orElse(""));
        return text.lines().toList();
    }
}
