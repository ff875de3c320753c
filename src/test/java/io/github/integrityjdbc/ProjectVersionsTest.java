package io.github.integrityjdbc;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One version of each library across the project: the root POM, the benchmarks and the samples. A version property
 * that several POMs set ({@code datasource-proxy.version}, {@code hikaricp.version}, ...) has one value, and every
 * {@code integrity-jdbc.version} is the root's own version, so the samples and benchmarks test the driver this build
 * makes. (The samples' Spring Boot versions differ on purpose: each sample takes its generation's from its parent.)
 */
class ProjectVersionsTest {

    private static final Pattern VERSION_PROPERTY = Pattern.compile("<([A-Za-z0-9.-]+\\.version)>([^<]+)</\\1>");
    private static final Pattern PROJECT_VERSION = Pattern.compile("(?m)^    <version>([^<]+)</version>");

    @Test
    void everyVersionPropertySetInSeveralPoms_hasOneValue_andSamplesUseThisBuild() throws IOException {
        String root = Files.readString(Path.of("pom.xml"));
        Matcher own = PROJECT_VERSION.matcher(root);
        assertTrue(own.find(), "the root POM's version");
        List<Path> poms = new ArrayList<>(List.of(Path.of("pom.xml"), Path.of("benchmarks/pom.xml")));
        try (Stream<Path> samples = Files.walk(Path.of("samples"), 3)) {
            samples.filter(path -> path.getFileName().toString().equals("pom.xml")).sorted().forEach(poms::add);
        }
        assertTrue(poms.size() >= 5, "root, benchmarks and the samples: " + poms);
        Map<String, Map<String, Path>> values = new TreeMap<>(); // property -> value -> first POM with it
        for (Path pom : poms) {
            Matcher property = VERSION_PROPERTY.matcher(Files.readString(pom));
            while (property.find()) {
                values.computeIfAbsent(property.group(1), key -> new TreeMap<>()).putIfAbsent(property.group(2), pom);
            }
        }
        values.computeIfAbsent("integrity-jdbc.version", key -> new TreeMap<>())
                .putIfAbsent(own.group(1), Path.of("pom.xml"));
        values.forEach((property, seen) -> assertEquals(1, seen.size(), property + " differs: " + seen));
    }
}
