package io.paysuite.member.infra.secret;

import io.paysuite.member.buyer.PayPasswordHasher;
import io.paysuite.member.buyer.SecretHasher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Payment passwords as HMAC-SHA-256 under a server-side pepper, with a random salt per hash (the JDK's {@code Mac}).
 * Stored form: {@code hs256$<key id>$<salt>$<mac>} (Base64url, 16-byte salt, 32-byte MAC over salt and password).
 *
 * <p>Why not a slow hash: OWASP's password storage advice is, in short, that a work factor makes each guess expensive,
 * while a pepper — a secret kept apart from the database, in a secret store, mixed in with an HMAC — makes a stolen
 * table useless by itself. A six-digit payment password has 10^6 values: with the table alone an attacker without
 * the 256-bit pepper cannot test a single guess, whatever the iteration count; with the pepper too, even BCrypt at cost
 * 10 (80–100 ms of CPU here) or PBKDF2 at OWASP's recommended iteration count falls to 10^6 guesses in hours on one
 * core. Stretching therefore buys nothing a six-digit secret can keep, and it was the largest CPU cost of a balance
 * payment; the online path is protected by the attempt lockout, the offline path by the pepper. So: a keyed hash,
 * one HMAC (microseconds), and the pepper held outside the database ({@code paysuite.member.pay-password.*}).
 * PBKDF2 at a low count with the pepper would add cost without adding protection, hence plain HMAC.
 *
 * <p>Rotation: the key id in every stored form names the pepper it was made with. A new pepper gets a new id; the old
 * one moves to the retired peppers, whose forms still verify and are rewritten under the current key after the
 * buyer's next right password ({@link #isOutdated}); once the old forms are gone (count {@code pay_pwd_hash LIKE
 * 'hs256$<old id>$%'}), the retired pepper is dropped. Legacy BCrypt hashes ({@code $2a$}, {@code $2b$},
 * {@code $2y$}) verify through {@link BCryptSecrets} and are rewritten the same way.
 *
 * <p>The MAC comparison is {@link MessageDigest#isEqual}, whose time does not depend on where the inputs differ.
 */
public final class PepperedPayPasswords implements PayPasswordHasher {

    static final String SCHEME = "hs256";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;
    private final SecretHasher legacy;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param currentKeyId the id new forms are made with; must be among {@code peppers}
     * @param peppers      every pepper that may still verify, by key id (the current one and the retired ones)
     * @param legacy       verifies the BCrypt hashes stored before this scheme
     */
    public PepperedPayPasswords(String currentKeyId, Map<String, byte[]> peppers, SecretHasher legacy) {
        this.currentKeyId = Objects.requireNonNull(currentKeyId, "currentKeyId");
        if (!peppers.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("no pepper for the current key id " + currentKeyId);
        }
        this.keys = peppers.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> {
            if (e.getValue() == null || e.getValue().length < 32) {
                throw new IllegalArgumentException("the pepper " + e.getKey() + " must be at least 32 bytes");
            }
            return new SecretKeySpec(e.getValue(), ALGORITHM);
        }));
        this.legacy = Objects.requireNonNull(legacy, "legacy");
    }

    @Override
    public String hash(String payPassword) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return SCHEME + "$" + currentKeyId + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(mac(keys.get(currentKeyId), salt, payPassword));
    }

    @Override
    public boolean matches(String payPassword, String stored) {
        if (payPassword == null || stored == null) {
            return false;
        }
        if (isBCrypt(stored)) {
            return legacy.matches(payPassword, stored);
        }
        String[] parts = stored.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME) || !keys.containsKey(parts[1])) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = B64_DECODE.decode(parts[2]);
            expected = B64_DECODE.decode(parts[3]);
        } catch (IllegalArgumentException corrupt) {
            return false;
        }
        return MessageDigest.isEqual(expected, mac(keys.get(parts[1]), salt, payPassword));
    }

    @Override
    public boolean isOutdated(String stored) {
        return stored == null || !stored.startsWith(SCHEME + "$" + currentKeyId + "$");
    }

    static boolean isBCrypt(String stored) {
        return stored.startsWith("$2a$") || stored.startsWith("$2b$") || stored.startsWith("$2y$");
    }

    private static byte[] mac(SecretKeySpec key, byte[] salt, String payPassword) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(salt);
            return mac.doFinal(payPassword.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has " + ALGORITHM, e);
        }
    }
}
