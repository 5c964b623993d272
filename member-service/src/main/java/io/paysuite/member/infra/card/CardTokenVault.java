package io.paysuite.member.infra.card;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals bound-card tokens at rest. A UnionPay token lets our merchant account charge the card
 * without the buyer, so the table never holds it in clear: {@code token_sealed} is AES-256-GCM
 * ({@code v1:} + Base64 of a random 12-byte IV and the ciphertext with its tag), with the owning
 * buyer as associated data, so a sealed token copied into another buyer's row does not open; and
 * {@code token_fingerprint} is HMAC-SHA256 of buyer and token, hex, which carries the unique key
 * that makes binding idempotent (a random IV gives no stable value to compare).
 *
 * <p>One 32-byte master key (configuration, never the repository) yields both keys by HMAC with
 * fixed labels, so the fingerprint key is not the sealing key. The JDK's JCA is used as is: AES-GCM
 * and HMAC-SHA256 are all this needs, and a crypto library on top would add nothing here.
 */
public final class CardTokenVault {

    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec sealKey;
    private final SecretKeySpec fingerprintKey;
    private final SecureRandom random = new SecureRandom();

    public CardTokenVault(byte[] masterKey) {
        if (masterKey == null || masterKey.length != 32) {
            throw new IllegalArgumentException("the card token key must be 32 bytes (Base64 of 32 random bytes)");
        }
        this.sealKey = new SecretKeySpec(derive(masterKey, "paysuite card token seal v1"), "AES");
        this.fingerprintKey = new SecretKeySpec(derive(masterKey, "paysuite card token fingerprint v1"), "HmacSHA256");
    }

    public String seal(String buyerId, String token) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(buyerId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a card token", e);
        }
    }

    /** @throws IllegalStateException when the value was not sealed with this key for this buyer */
    public String open(String buyerId, String sealed) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new IllegalStateException("not a sealed card token");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a sealed card token is not Base64", e);
        }
        if (raw.length <= IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("a sealed card token is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            cipher.updateAAD(buyerId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed card token does not open (another key, or another buyer's row)", e);
        }
    }

    /** Stable per (buyer, token); tokens compare case-sensitively, as UnionPay issues them. */
    public String fingerprint(String buyerId, String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(fingerprintKey);
            mac.update(buyerId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint a card token", e);
        }
    }

    private static byte[] derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
