package io.paysuite.deploy.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key member-service seals bound-card tokens with, for a local run: Base64 of 32 random bytes
 * in {@code keys/card-token.key} under the run's directory, written once and kept across restarts
 * (a new key would make every bound card of the run unusable). Production supplies its own file.
 */
public final class CardTokenKey {

    private CardTokenKey() {
    }

    public static Path ensure(Path workDir) {
        Path key = workDir.resolve("keys").resolve("card-token.key");
        try {
            if (!Files.exists(key)) {
                Files.createDirectories(key.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.writeString(key, Base64.getEncoder().encodeToString(random) + "\n", StandardCharsets.US_ASCII);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the card token key " + key, e);
        }
    }
}
