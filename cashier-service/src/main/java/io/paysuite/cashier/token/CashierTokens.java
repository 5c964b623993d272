package io.paysuite.cashier.token;

import io.paysuite.cashier.keys.CashierSecret;
import io.paysuite.cashier.keys.KeyProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Cashier tokens: the unguessable, expiring part of {@code cashier_url}.
 *
 * <p>A token is {@code base64url(trade_no | expires_at | HMAC-SHA256(secret, trade_no | expires_at))}.
 * Without the secret nobody can forge one for another trade (the 256-bit MAC is what makes it
 * unguessable), and it needs no table: every cashier-service instance sharing the secret can
 * read it, and a repeated create answers the very same URL because it derives from the trade alone.
 * The token expires a grace period after the trade does, long enough to show the result of a
 * payment made in the last minute.
 *
 * <p>The secret is {@link CashierSecret}.
 */
@Component
public class CashierTokens {

    /** A result page stays reachable this long after the trade's own expiry. */
    static final Duration GRACE = Duration.ofMinutes(30);
    private static final int MAC_BYTES = 32;

    /** What a valid token names. */
    public record CashierTicket(String tradeNo, Instant expiresAt) {
    }

    private final SecretKeySpec secret;
    private final Clock clock;

    public CashierTokens(KeyProperties keys, Clock clock) {
        this.clock = clock;
        byte[] key = CashierSecret.read(keys);
        this.secret = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The token of a trade that expires at {@code tradeExpiresAt}; always the same for the same trade. */
    public String issue(String tradeNo, Instant tradeExpiresAt) {
        byte[] trade = tradeNo.getBytes(StandardCharsets.US_ASCII);
        long expires = tradeExpiresAt.plus(GRACE).getEpochSecond();
        ByteBuffer body = ByteBuffer.allocate(1 + trade.length + Long.BYTES);
        body.put((byte) trade.length).put(trade).putLong(expires);
        byte[] mac = mac(body.array());
        ByteBuffer token = ByteBuffer.allocate(body.capacity() + MAC_BYTES).put(body.array()).put(mac);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** The trade a token names, if the token is genuine and has not expired. */
    public Optional<CashierTicket> resolve(String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token == null ? "" : token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length < 1 + Long.BYTES + MAC_BYTES) {
            return Optional.empty();
        }
        int tradeLength = raw[0] & 0xff;
        int bodyLength = 1 + tradeLength + Long.BYTES;
        if (raw.length != bodyLength + MAC_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        byte[] body = new byte[bodyLength];
        buffer.get(body);
        byte[] mac = new byte[MAC_BYTES];
        buffer.get(mac);
        if (!MessageDigest.isEqual(mac, mac(body))) {
            return Optional.empty();
        }
        ByteBuffer fields = ByteBuffer.wrap(body, 1, bodyLength - 1);
        byte[] trade = new byte[tradeLength];
        fields.get(trade);
        Instant expires = Instant.ofEpochSecond(fields.getLong());
        if (!clock.instant().isBefore(expires)) {
            return Optional.empty();
        }
        return Optional.of(new CashierTicket(new String(trade, StandardCharsets.US_ASCII), expires));
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
