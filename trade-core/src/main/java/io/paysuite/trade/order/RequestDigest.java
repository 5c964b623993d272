package io.paysuite.trade.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 (hex) of a request's fields, the "same content?" test behind every idempotency key.
 * Each field is written length-prefixed after a version tag, so no two different requests share
 * an encoding and null is distinct from the empty string. Changing the encoding turns every
 * stored repeat into a conflict: add a new version instead.
 */
public final class RequestDigest {

    private RequestDigest() {
    }

    public static String of(String... fields) {
        StringBuilder canonical = new StringBuilder("v1");
        for (String field : fields) {
            canonical.append('|').append(field == null ? "-" : field.length() + ":" + field);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
        }
    }
}
