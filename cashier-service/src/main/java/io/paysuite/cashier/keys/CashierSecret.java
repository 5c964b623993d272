package io.paysuite.cashier.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * {@code keys/cashier-token.secret}: 32 random bytes, created on first start in the local profile and
 * mounted in production. Cashier tokens are MACed with it, and the buyer's session and form keys
 * are derived from it; rotating it invalidates open cashier pages only.
 */
public final class CashierSecret {

    private static final int BYTES = 32;

    private CashierSecret() {
    }

    public static byte[] read(KeyProperties keys) {
        Path file = keys.dir().resolve("cashier-token.secret");
        byte[] secret;
        if (keys.generateIfMissing()) {
            secret = KeyFiles.createOnce(file, () -> {
                byte[] random = new byte[BYTES];
                new SecureRandom().nextBytes(random);
                return random;
            });
        } else {
            try {
                secret = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the cashier token secret " + file, e);
            }
        }
        if (secret.length < BYTES) {
            throw new IllegalStateException("cashier token secret " + file + " is shorter than " + BYTES + " bytes");
        }
        return secret;
    }
}
