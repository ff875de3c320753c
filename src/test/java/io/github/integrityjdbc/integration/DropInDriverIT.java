package io.github.integrityjdbc.integration;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar is a drop-in driver: a fresh JVM with only that jar and H2 on the class path (no SLF4J, no
 * Micrometer, no Byte Buddy of its own) opens a {@code jdbc:integrity:} URL and gets an explained violation.
 * Runs in the integration-test phase, after the shade plugin built the jar (failsafe passes its path).
 */
class DropInDriverIT {

    @Test
    void freshJvmWithOnlyTheJarAndH2_explainsAViolation() throws Exception {
        String output = runProbe("-cp", "-Xlog:class+load=info");
        assertTrue(output.lines().toList().contains("module=null"), "the class path: the unnamed module\n" + output);
        assertTrue(output.lines().toList().contains("jfr=true"), output);
        assertTrue(output.contains(" io.github.integrityjdbc.report.ViolationEvents source:"), "the JFR stage ran");
        assertFalse(output.contains(" io.github.integrityjdbc.report.ViolationEvent source:"),
                "no recording ever ran: the event class is not loaded");
    }

    /**
     * A runtime without module jdk.jfr (as a jlink'd image may be; the source launcher needs jdk.compiler and
     * jdk.zipfs): the violation is explained all the same.
     */
    @Test
    void onARuntimeWithoutJdkJfr_explainsAViolation() throws Exception {
        String output = runProbe("-cp", "--limit-modules", "java.sql,jdk.compiler,jdk.zipfs");
        assertTrue(output.lines().toList().contains("jfr=false"), "jdk.jfr left out\n" + output);
    }

    /**
     * The same jar and H2 on the module path: the jar is the automatic module {@code io.github.integrityjdbc} (its
     * manifest names it), DriverManager finds it as a service, and the proxies it generates work there too.
     */
    @Test
    void onTheModulePath_itIsTheAutomaticModuleIoGithubIntegrityjdbc_andExplainsAViolation() throws Exception {
        String output = runProbe("--module-path", "--add-modules", "io.github.integrityjdbc,com.h2database");
        assertTrue(output.lines().toList().contains("module=io.github.integrityjdbc"), output);
    }

    /** Runs DropInProbe in a fresh JVM with the jar and H2 on the given path; checks its explanation. */
    private static String runProbe(String pathOption, String... more) throws Exception {
        Path jar = Paths.get(System.getProperty("test.driverJar", "target/missing.jar"));
        assertTrue(Files.isRegularFile(jar), "the packaged driver jar " + jar + " must exist (run mvn verify)");
        Path probe = Paths.get(DropInDriverIT.class.getResource("/dropin/DropInProbe.java").toURI());
        String path = jar + File.pathSeparator + locationOf(org.h2.Driver.class);
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), pathOption, path));
        command.addAll(List.of(more));
        command.add(probe.toString());

        Path outputFile = Files.createTempFile("dropin-probe", ".out"); // a file: class-load logging would fill a pipe
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile())
                .start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not finish in 2 minutes");
        String output = Files.readString(outputFile, StandardCharsets.UTF_8);
        Files.delete(outputFile);

        assertEquals(0, process.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertTrue(lines.contains("integrityViolation=true"), output);
        assertTrue(lines.contains("kind=UNIQUE constraint=UQ_TOOL_USER_EMAIL offending={EMAIL='ada@example.com'}"),
                output);
        assertTrue(lines.contains("problem={type=tag:integrityjdbc.github.io,2026:violation:unique,"
                + " title=Duplicate value, status=409, kind=UNIQUE, constraint=UQ_TOOL_USER_EMAIL, table=TOOL_USER,"
                + " columns=[EMAIL]}"), output);
        assertTrue(output.contains("integrity-jdbc: Duplicate value for unique constraint UQ_TOOL_USER_EMAIL"
                + " on TOOL_USER(EMAIL): EMAIL='ada@example.com'."), output);
        return output;
    }

    private static Path locationOf(Class<?> type) throws URISyntaxException {
        return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
