package io.paysuite.deploy.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The run's symmetric keys, each Base64 of 32 random bytes in {@code keys/} under the run's directory,
 * written once and kept across restarts. Production mounts its own files from its secret store.
 * <ul>
 *   <li>{@code card-token.key}: member-service seals bound-card tokens with it (a new key would make
 *       every bound card of the run unusable);</li>
 *   <li>{@code internal-call.key}: the secret every service and the run's own tools prove themselves
 *       with on the money-moving Dubbo methods.</li>
 * </ul>
 */
public final class RunKeys {

    private RunKeys() {
    }

    public static Path cardToken(Path workDir) {
        return ensure(workDir, "card-token.key");
    }

    public static Path internalCall(Path workDir) {
        return ensure(workDir, "internal-call.key");
    }

    private static Path ensure(Path workDir, String name) {
        Path key = workDir.resolve("keys").resolve(name);
        try {
            if (!Files.exists(key)) {
                Files.createDirectories(key.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.writeString(key, Base64.getEncoder().encodeToString(random) + "\n", StandardCharsets.US_ASCII);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key " + key, e);
        }
    }
}
