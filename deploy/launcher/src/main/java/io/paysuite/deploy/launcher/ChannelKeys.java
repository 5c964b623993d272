package io.paysuite.deploy.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The channel keys of a local run, generated once under {@code keys/channels/} in the run's
 * directory and kept across restarts (the sandbox and channel-gateway must agree on them):
 * per channel the merchant app's key pair (channel-gateway signs, the sandbox verifies) and the
 * channel's platform key pair (the sandbox signs, channel-gateway verifies). PEM, PKCS#8 and X.509.
 * Production uses the channels' real keys from its own secret store; nothing here is committed.
 */
public final class ChannelKeys {

    private final Path dir;

    private ChannelKeys(Path dir) {
        this.dir = dir;
    }

    public static ChannelKeys ensure(Path workDir) {
        ChannelKeys keys = new ChannelKeys(workDir.resolve("keys").resolve("channels"));
        keys.pair("alipay-app");
        keys.pair("alipay-platform");
        keys.pair("wechat-merchant");
        keys.pair("wechat-platform");
        keys.secret("wechat-apiv3.key");
        keys.secret("wechat-v2.key");
        keys.pair("unionpay-merchant");
        keys.pair("unionpay-platform");
        keys.pair("unionpay-b-merchant"); // our merchant key at the second acquirer; UnionPay's platform key is shared
        return keys;
    }

    public Path privateKey(String name) {
        return dir.resolve(name + ".pem");
    }

    public Path publicKey(String name) {
        return dir.resolve(name + ".pub.pem");
    }

    public Path secretFile(String name) {
        return dir.resolve(name);
    }

    /** WeChat's APIv3 key (the AES-256 key as is) and v2 key (HMAC-SHA256): 32 ASCII characters each. */
    private void secret(String name) {
        Path file = secretFile(name);
        if (Files.isRegularFile(file)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
            java.security.SecureRandom random = new java.security.SecureRandom();
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < 32; i++) {
                key.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void pair(String name) {
        if (Files.isRegularFile(privateKey(name)) && Files.isRegularFile(publicKey(name))) {
            return;
        }
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(publicKey(name), pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(privateKey(name), pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write channel keys under " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
