package io.paysuite.accounting.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a command's fields, in a fixed order and separated by a character no field may
 * hold, so that two different commands never share a digest by concatenation accident.
 */
public final class PostingDigest {

    private static final char SEPARATOR = '\u001f';

    private PostingDigest() {
    }

    public static String of(Object... fields) {
        StringBuilder text = new StringBuilder();
        for (Object field : fields) {
            text.append(field).append(SEPARATOR);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
