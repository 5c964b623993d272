package io.paysuite.member.infra.card;

import io.paysuite.kit.seal.Seal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
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
 * fixed labels, so the fingerprint key is not the sealing key. The sealing is the kit's {@link Seal}.
 */
public final class CardTokenVault {

    private final Seal seal;
    private final SecretKeySpec fingerprintKey;

    public CardTokenVault(byte[] masterKey) {
        if (masterKey == null || masterKey.length != 32) {
            throw new IllegalArgumentException("the card token key must be 32 bytes (Base64 of 32 random bytes)");
        }
        this.seal = new Seal(Seal.derive(masterKey, "paysuite card token seal v1"), "card token");
        this.fingerprintKey = new SecretKeySpec(Seal.derive(masterKey, "paysuite card token fingerprint v1"), "HmacSHA256");
    }

    public String seal(String buyerId, String token) {
        return seal.seal(buyerId, token);
    }

    /** @throws IllegalStateException when the value was not sealed with this key for this buyer */
    public String open(String buyerId, String sealed) {
        return seal.open(buyerId, sealed);
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
}
