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
        Path token = file(workDir);
        try {
            if (!Files.exists(token)) {
                Files.createDirectories(workDir);
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.writeString(token, HexFormat.of().formatHex(random) + "\n");
            }
            return Files.readString(token).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ops token " + token, e);
        }
    }
}
