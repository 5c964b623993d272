package io.paysuite.sandbox.wechat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** Key pairs and the APIv3 key of a test run, written to temp files for the sandbox. */
final class WechatTestKeys {

    static final String MCHID = "1900000001";
    static final String APPID = "wx8888888888888888";
    static final String MERCHANT_SERIAL = "SANDBOXMERCHANTSERIAL0001";
    static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0100000000000001";
    static final String API_V3_KEY = "SandboxApiV3Key0123456789abcdefg";
    static final KeyPair MERCHANT = generate();
    static final KeyPair PLATFORM = generate();
    static final KeyPair STRANGER = generate();

    private WechatTestKeys() {
    }

    static Path pem(String type, Key key) {
        return file(".pem", "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END " + type + "-----\n");
    }

    static Path apiV3KeyFile() {
        return file(".key", API_V3_KEY + "\n");
    }

    private static Path file(String suffix, String content) {
        try {
            Path file = Files.createTempFile("sandbox-wechat-", suffix);
            file.toFile().deleteOnExit();
            Files.writeString(file, content);
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
