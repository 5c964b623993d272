package io.paysuite.deploy.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The classpath a server JVM runs on, as recorded by the {@code deploy/runtime-*} modules in the resource
 * {@code paysuite/runtime-NAME.classpath}: absolute jar paths in the local Maven repository, resolved as the
 * server's authors published them (never through our BOMs).
 */
final class RuntimeClasspath {

    private RuntimeClasspath() {
    }

    static String of(String runtime) {
        String resource = "paysuite/runtime-" + runtime + ".classpath";
        try (InputStream in = RuntimeClasspath.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: add io.paysuite:runtime-"
                        + runtime + " as a dependency and build it (mvn install -pl deploy/runtime-" + runtime + ")");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            List<String> missing = Arrays.stream(classpath.split(java.io.File.pathSeparator))
                    .filter(jar -> !Files.exists(Path.of(jar)))
                    .toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException(resource + " names jars missing from the local repository, e.g. "
                        + missing.get(0) + ": rebuild deploy/runtime-" + runtime + " on this machine");
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
