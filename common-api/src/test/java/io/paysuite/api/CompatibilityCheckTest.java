package io.paysuite.api;

import static org.assertj.core.api.Assertions.assertThat;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibilityChangeType;
import japicmp.model.JApiSemanticVersionLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compatibility check of common-api/pom.xml (japicmp against the released baseline in
 * api-baseline/) run through japicmp's own API, with the same rules as the build's plugin: a
 * changed record is caught, and the API as built now passes. Keep {@link #options()} in step with
 * the plugin's {@code <parameter>} block.
 */
class CompatibilityCheckTest {

    private static final Path BASELINE = Path.of("api-baseline/io/paysuite/common-api/1.0.0/common-api-1.0.0.jar");

    @TempDir
    Path work;

    @Test
    void aComponentAddedToAReleasedRecordBreaksCompatibility() throws Exception {
        Path changed = baselineWith("io.paysuite.api.trade.TradeByNoQry", """
                package io.paysuite.api.trade;
                public record TradeByNoQry(String tradeNo, String merchantId, boolean withTrail) implements java.io.Serializable {
                }
                """);

        assertThat(incompatible(changed)).extracting(JApiClass::getFullyQualifiedName)
                .containsExactly("io.paysuite.api.trade.TradeByNoQry");
    }

    @Test
    void theApiAsBuiltNowIsCompatibleWithTheBaseline() throws Exception {
        assertThat(incompatible(jarOf(Path.of("target/classes")))).isEmpty();
    }

    private List<JApiClass> incompatible(Path newJar) {
        List<JApiClass> classes = new JarArchiveComparator(options())
                .compare(new JApiCmpArchive(BASELINE.toFile(), "1.0.0"), new JApiCmpArchive(newJar.toFile(), "1.1.0"));
        return classes.stream().filter(c -> !c.isBinaryCompatible() || !c.isSourceCompatible()).toList();
    }

    private static JarArchiveComparatorOptions options() {
        JarArchiveComparatorOptions options = new JarArchiveComparatorOptions();
        options.addOverrideCompatibilityChange(new JarArchiveComparatorOptions.OverrideCompatibilityChange(
                JApiCompatibilityChangeType.METHOD_ADDED_TO_INTERFACE, true, true, JApiSemanticVersionLevel.MINOR));
        return options;
    }

    /** The released jar with one class replaced by {@code source} compiled now. */
    private Path baselineWith(String className, String source) throws IOException {
        Path src = work.resolve("src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        try (JarFile baseline = new JarFile(BASELINE.toFile())) {
            for (JarEntry entry : baseline.stream().toList()) {
                if (entry.isDirectory()) {
                    continue;
                }
                Path target = classes.resolve(entry.getName());
                Files.createDirectories(target.getParent());
                try (var in = baseline.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", "17", "-d", classes.toString(), src.toString());
        assertThat(status).as("the changed record compiles").isZero();
        return jarOf(classes);
    }

    private Path jarOf(Path classes) throws IOException {
        Path jar = Files.createTempFile(work, "common-api", ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return jar;
    }
}
