package io.paysuite.kit.seal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A secret at rest in a service's table (a card token, a bank account number): AES-256-GCM,
 * written {@code v1:} + Base64 of a random 12-byte IV and the ciphertext with its tag, with the
 * row's owner (a buyer id, a payout number) as associated data, so a sealed value copied into
 * another owner's row does not open. The key is derived from a master secret by HMAC-SHA256 with a
 * fixed label ({@link #derive}), so one secret can give several unrelated keys.
 *
 * <p>The JDK's JCA is used as is: AES-GCM and HMAC-SHA256 are all this needs, and a crypto library
 * on top would add nothing here.
 */
public final class Seal {

    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String what;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param key  32 bytes, e.g. from {@link #derive}
     * @param what what is sealed, for the messages (never the value itself)
     */
    public Seal(byte[] key, String what) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("a seal key is 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
        this.what = what;
    }

    /** HMAC-SHA256 of {@code label} under {@code secret}: a 32-byte key of its own for each label. */
    public static byte[] derive(byte[] secret, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(String owner, String plain) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a " + what, e);
        }
    }

    /** @throws IllegalStateException when the value was not sealed with this key for this owner */
    public String open(String owner, String sealed) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new IllegalStateException("not a sealed " + what);
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a sealed " + what + " is not Base64", e);
        }
        if (raw.length <= IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("a sealed " + what + " is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed " + what + " does not open (another key, or another owner's row)", e);
        }
    }
}
