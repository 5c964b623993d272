package io.paysuite.channel.unionpay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * UnionPay ACP 5.1.0 signatures, {@code signMethod=01}: every field but {@code signature}, sorted by name (Java
 * string order), joined {@code k=v&…} with the values as sent; SHA-256 of that text in UTF-8 as <b>lowercase hex</b>;
 * SHA256withRSA over the hex text (UTF-8); Base64. The official SDK signs the hex digest, not the text
 * ({@code SecureUtil.sha256X16} then {@code signBySoft256}) — docs/adr/0006-channel-edge-plan.md §1. There is no SDK
 * on Maven Central, so this is the JDK only.
 */
public final class AcpSigner {

    public static final String SIGNATURE = "signature";

    private AcpSigner() {
    }

    static String signingText(Map<String, String> fields) {
        StringJoiner text = new StringJoiner("&");
        new TreeMap<>(fields).forEach((name, value) -> {
            if (!SIGNATURE.equals(name)) {
                text.add(name + "=" + (value == null ? "" : value));
            }
        });
        return text.toString();
    }

    static String digestHex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Base64 {@code signature} of these fields (an existing {@code signature} field is ignored). */
    public static String sign(Map<String, String> fields, PrivateKey key) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(digestHex(signingText(fields)).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an ACP message", e);
        }
    }

    /** Whether the fields' {@code signature} verifies against the key; false for a missing or malformed one. */
    public static boolean verify(Map<String, String> fields, PublicKey key) {
        String signature = fields.get(SIGNATURE);
        if (signature == null || signature.isBlank()) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(digestHex(signingText(fields)).getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getMimeDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A PEM {@code PRIVATE KEY} (PKCS#8). */
    static PrivateKey readPrivateKey(Path pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(pem + " is not an RSA PKCS#8 private key", e);
        }
    }

    /** A PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo). */
    static PublicKey readPublicKey(Path pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(pem + " is not an RSA public key", e);
        }
    }

    private static byte[] pemBody(Path pem, String type) {
        String text;
        try {
            text = Files.readString(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException(pem + " is not a PEM " + type);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
