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
 *       with on the money-moving Dubbo methods;</li>
 *   <li>{@code pay-password-pepper.key}: member-service's pepper of the payment-password hashes (a new one would
 *       make every payment password of the run unverifiable). Its content goes to member-service through the
 *       environment ({@link ProcessProperties}), as production's {@code PAYSUITE_PAY_PASSWORD_PEPPER} does.</li>
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

    public static Path payPasswordPepper(Path workDir) {
        return ensure(workDir, "pay-password-pepper.key");
    }

    /** The content of a key file, without its line end. */
    public static String read(Path key) {
        try {
            return Files.readString(key, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key " + key, e);
        }
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
