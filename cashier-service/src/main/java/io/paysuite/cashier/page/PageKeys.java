package io.paysuite.cashier.page;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The MAC keys of the cashier pages, derived from the cashier token secret
 * ({@code keys/cashier-token.secret}) with a label each: every instance sharing the secret derives
 * the same keys (so a buyer's session and forms work whichever instance answers), no new secret has
 * to be distributed, and a session or form MAC can never double as a cashier token's MAC (different
 * keys, HKDF-style domain separation).
 */
final class PageKeys {

    static final String SESSION = "paysuite/cashier-page/buyer-session/v1";
    static final String CSRF = "paysuite/cashier-page/csrf/v1";

    private final SecretKeySpec key;

    private PageKeys(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The key labelled {@code label}, derived from the shared {@code secret}. */
    static PageKeys derive(byte[] secret, String label) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the cashier secret is shorter than 32 bytes");
        }
        return new PageKeys(hmac(new SecretKeySpec(secret, "HmacSHA256"), label.getBytes(StandardCharsets.UTF_8)));
    }

    /** base64url(HMAC-SHA256(key, text)), safe in a cookie and a form field. */
    String sign(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code mac} is {@link #sign(String)} of {@code text}, compared in constant time. */
    boolean verify(String text, String mac) {
        return mac != null && MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
