package io.paysuite.sandbox.alipay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** RSA 2048 key pairs for a test run: PEM files for the sandbox, bare Base64 for the SDK. */
final class TestKeys {

    static final String APP_ID = "2021000000000001";
    static final KeyPair APP = generate();
    static final KeyPair PLATFORM = generate();
    static final KeyPair STRANGER = generate();

    private TestKeys() {
    }

    static String base64(Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    static Path pem(String type, Key key) {
        try {
            Path file = Files.createTempFile("sandbox-alipay-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN " + type + "-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                    + "\n-----END " + type + "-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
