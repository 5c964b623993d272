package io.paysuite.deploy.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The operators' bearer token of a local run (API.md: "the ops token … from configuration; the
 * local run prints it"): 24 random bytes in {@code ops-token} under the run's directory, written
 * once before cashier-service starts and kept across restarts.
 */
public final class OpsToken {

    private OpsToken() {
    }

    public static Path file(Path workDir) {
        return workDir.resolve("ops-token");
    }

    public static String ensure(Path workDir) {
        return ensureRandom(file(workDir), workDir, "the ops token");
    }

    /** The password of the ops console's first admin ({@code admin}): cashier-service creates it from this file. */
    public static Path adminPasswordFile(Path workDir) {
        return workDir.resolve("ops-admin-password");
    }

    public static String ensureAdminPassword(Path workDir) {
        return ensureRandom(adminPasswordFile(workDir), workDir, "the ops console's admin password");
    }

    private static String ensureRandom(Path file, Path workDir, String what) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(workDir);
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, HexFormat.of().formatHex(random) + "\n");
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + what + " " + file, e);
        }
    }
}
