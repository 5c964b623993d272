package io.paysuite.channel.wechat.micropay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Pay v2's {@code sign} for {@code sign_type=HMAC-SHA256}: every field but {@code sign} whose value is not
 * empty, sorted by name, joined {@code k=v&k=v}, then {@code &key=<API v2 key>}; HMAC-SHA256 keyed with the same
 * API key; upper-case hex. {@code sign_type} is itself a signed field when present. (MD5, v2's other type, is not
 * offered: it is the weaker one and the sandbox refuses it too.)
 */
public final class WechatV2Signer {

    public static final String SIGN_TYPE = "HMAC-SHA256";

    private final byte[] key;
    private final String keyText;

    public WechatV2Signer(String apiV2Key) {
        if (apiV2Key == null || apiV2Key.length() != 32) {
            throw new IllegalArgumentException("the WeChat API v2 key has 32 characters");
        }
        this.keyText = apiV2Key;
        this.key = apiV2Key.getBytes(StandardCharsets.UTF_8);
    }

    public String sign(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(fields).forEach((name, value) -> {
            if (!"sign".equals(name) && value != null && !value.isEmpty()) {
                text.append(name).append('=').append(value).append('&');
            }
        });
        text.append("key=").append(keyText);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().withUpperCase().formatHex(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** Whether {@code fields} carry a {@code sign} made with our key (constant time; hex case ignored). */
    public boolean verify(Map<String, String> fields) {
        String given = fields.get("sign");
        if (given == null || given.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sign(fields).getBytes(StandardCharsets.US_ASCII),
                given.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
