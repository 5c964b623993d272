package io.paysuite.sandbox.unionpay;

import io.paysuite.sandbox.RsaKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * ACP 5.1.0 with {@code signMethod=01}: every field but {@code signature}, sorted by name, joined {@code k=v&…}
 * (values as sent, empty ones included); SHA-256 of that text in UTF-8 as lowercase hex; SHA256withRSA over the hex
 * text; Base64. The official SDK signs the hex digest rather than the text ({@code SecureUtil.sha256X16} then
 * {@code signBySoft256}) — docs/adr/0006-channel-edge-plan.md §1.
 */
final class AcpSignature {

    static final String FIELD = "signature";

    private AcpSignature() {
    }

    static String signingText(Map<String, String> fields) {
        StringJoiner text = new StringJoiner("&");
        new TreeMap<>(fields).forEach((name, value) -> {
            if (!FIELD.equals(name)) {
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

    static String sign(Map<String, String> fields, PrivateKey key) {
        return RsaKeys.sign(digestHex(signingText(fields)), StandardCharsets.UTF_8, key);
    }

    static boolean verify(Map<String, String> fields, PublicKey key) {
        String signature = fields.get(FIELD);
        return signature != null && !signature.isBlank()
                && RsaKeys.verify(digestHex(signingText(fields)), StandardCharsets.UTF_8, signature, key);
    }
}
