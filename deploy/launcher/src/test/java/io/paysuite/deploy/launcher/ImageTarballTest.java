package io.paysuite.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OCI image tarball Jib wrote ({@code -Pimages}): read as a registry or {@code docker load} would, through
 * {@code index.json}, the manifest and the config blob. CI ({@code bin/test}) builds the sandbox's image first and
 * names it with {@code -Dpaysuite.image.tar}; without the property there is no image to check and the test says
 * so (skipped, never passed).
 */
class ImageTarballTest {

    @Test
    @SuppressWarnings("unchecked")
    void theImageRunsJavaAsANonRootUserWithContainerMemoryFlagsAndExposesItsPorts() throws IOException {
        String property = System.getProperty("paysuite.image.tar");
        Assumptions.assumeTrue(property != null && !property.isBlank(),
                "no image tarball named (-Dpaysuite.image.tar=…/jib-image.tar; bin/test builds one)");
        Path tar = Path.of(property);
        assertThat(tar).as("the image tarball named by paysuite.image.tar").isRegularFile();

        Map<String, byte[]> files = read(tar);
        Map<String, Object> index = json(files.get("index.json"));
        String manifestDigest = (String) ((List<Map<String, Object>>) index.get("manifests")).get(0).get("digest");
        Map<String, Object> manifest = json(files.get(blob(manifestDigest)));
        String configDigest = (String) ((Map<String, Object>) manifest.get("config")).get("digest");
        Map<String, Object> config = (Map<String, Object>) json(files.get(blob(configDigest))).get("config");

        List<String> entrypoint = (List<String>) config.get("Entrypoint");
        assertThat(entrypoint.get(0)).isEqualTo("/opt/java/openjdk/bin/java");
        assertThat(entrypoint).contains("-XX:+ExitOnOutOfMemoryError").anyMatch(a -> a.startsWith("-XX:MaxRAMPercentage="))
                .endsWith("-cp", "@/app/jib-classpath-file", "@/app/jib-main-class-file");
        assertThat((String) config.get("User")).isNotBlank().doesNotStartWith("0").isNotEqualTo("root");
        assertThat((Map<String, Object>) config.get("ExposedPorts")).isNotEmpty();
        assertThat((List<String>) config.get("Env")).contains("SPRING_PROFILES_ACTIVE=prod");
        assertThat((Map<String, Object>) config.get("Labels")).containsEntry("io.paysuite.health.readiness",
                "/actuator/health/readiness");
        assertThat((List<Object>) manifest.get("layers")).hasSizeGreaterThan(1);
    }

    private static String blob(String digest) {
        return "blobs/" + digest.replace(':', '/');
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(byte[] bytes) {
        assertThat(bytes).as("a file the OCI layout names").isNotNull();
        return (Map<String, Object>) new Yaml().load(new String(bytes, StandardCharsets.UTF_8)); // JSON is YAML
    }

    /** The small files only (index, manifests, configs); layers are skipped unread. */
    private static Map<String, byte[]> read(Path tar) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                if (entry.isFile() && entry.getSize() < 64 * 1024) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    entries.transferTo(out);
                    files.put(entry.getName(), out.toByteArray());
                }
            }
        }
        return files;
    }
}
