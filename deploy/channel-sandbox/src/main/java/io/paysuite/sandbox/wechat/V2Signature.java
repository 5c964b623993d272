package io.paysuite.sandbox.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Pay v2's {@code sign} with {@code sign_type=HMAC-SHA256}: every field but {@code sign} with a non-empty value,
 * sorted by name (ASCII), joined {@code k=v&k=v}, then {@code &key=<API v2 key>}; HMAC-SHA256 keyed with the same API
 * key; upper-case hex. {@code sign_type} itself is signed when present.
 */
final class V2Signature {

    static final String SIGN_TYPE = "HMAC-SHA256";

    private V2Signature() {
    }

    static String sign(Map<String, String> fields, String apiKey) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(fields).forEach((name, value) -> {
            if (!"sign".equals(name) && value != null && !value.isEmpty()) {
                text.append(name).append('=').append(value).append('&');
            }
        });
        text.append("key=").append(apiKey);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().withUpperCase().formatHex(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Constant-time comparison; hex case is not significant. */
    static boolean verify(Map<String, String> fields, String apiKey) {
        String given = fields.get("sign");
        if (given == null || given.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sign(fields, apiKey).getBytes(StandardCharsets.US_ASCII),
                given.toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
