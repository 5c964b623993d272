package io.paysuite.kit.access;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that a Dubbo call comes from a named internal caller that holds the suite's shared secret:
 * HMAC-SHA256 over caller, service, method and the caller's clock, sent as invocation attachments.
 * A proof is good for {@link #WINDOW_SECONDS} either side of the provider's clock (the same window
 * the open API gives merchants), so a copied proof cannot be replayed for long, and it names one
 * method of one service, so it cannot be reused for another.
 *
 * <p>JDK {@code Mac} rather than a library: one HMAC is all it takes.
 */
public final class CallerProof {

    public static final String CALLER = "paysuite-caller";
    public static final String TIMESTAMP = "paysuite-caller-ts";
    public static final String PROOF = "paysuite-caller-proof";
    public static final long WINDOW_SECONDS = 300;

    private final SecretKeySpec key;

    public CallerProof(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the internal-call secret must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String sign(String caller, String service, String method, long epochSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((caller + "\n" + service + "\n" + method + "\n" + epochSeconds).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether {@code proof} was made with this secret for this call, within the window of {@code nowSeconds}. */
    public boolean verify(String caller, String service, String method, String timestamp, String proof, long nowSeconds) {
        if (caller == null || timestamp == null || proof == null) {
            return false;
        }
        long at;
        try {
            at = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowSeconds - at) > WINDOW_SECONDS) {
            return false;
        }
        byte[] expected = sign(caller, service, method, at).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, proof.getBytes(StandardCharsets.US_ASCII));
    }
}
