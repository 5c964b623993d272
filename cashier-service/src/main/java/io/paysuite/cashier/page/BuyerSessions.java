package io.paysuite.cashier.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.ResponseCookie;

/**
 * The buyer's login on a cashier page as a signed cookie, {@code v1.{buyer_id}.{trade_no}.{expires}.{mac}}:
 * no server-side session, so any cashier-service instance can read it. The cookie is bound to the
 * trade it was made for (a login on one order's page does not pay another's) and to the path of that
 * page; it is HttpOnly (scripts cannot read it), Secure (HTTPS only) and SameSite=Lax (not sent with
 * another site's form posts).
 */
public final class BuyerSessions {

    public static final String COOKIE = "paysuite_buyer";
    private static final String VERSION = "v1";
    /** Buyer ids ({@code U…}) and trade numbers are plain; anything else never goes into a cookie. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final PageKeys keys;
    private final Clock clock;
    private final Duration ttl;

    BuyerSessions(PageKeys keys, Clock clock, Duration ttl) {
        this.keys = keys;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The cookie value of {@code buyerId} logged in on the page of {@code tradeNo}. */
    public String issue(String buyerId, String tradeNo) {
        if (!PLAIN.matcher(buyerId).matches() || !PLAIN.matcher(tradeNo).matches()) {
            throw new IllegalArgumentException("buyer id or trade number is not plain");
        }
        long expires = clock.instant().plus(ttl).getEpochSecond();
        String body = VERSION + "." + buyerId + "." + tradeNo + "." + expires;
        return body + "." + keys.sign(body);
    }

    /** The session a cookie value carries, if it is genuine, unexpired and made for {@code tradeNo}. */
    public Optional<BuyerSession> verify(String value, String tradeNo) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        int lastDot = value.lastIndexOf('.');
        if (!keys.verify(value.substring(0, lastDot), parts[4])) {
            return Optional.empty();
        }
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (!parts[2].equals(tradeNo) || !clock.instant().isBefore(expires)) {
            return Optional.empty();
        }
        return Optional.of(new BuyerSession(parts[1], parts[2], expires));
    }

    /** The {@code Set-Cookie} of a session on the page at {@code path}. */
    public ResponseCookie cookie(String value, String path) {
        return ResponseCookie.from(COOKIE, value).path(path).maxAge(ttl).httpOnly(true).secure(true).sameSite("Lax").build();
    }

    /** The {@code Set-Cookie} that drops a session cookie that no longer verifies. */
    public ResponseCookie expired(String path) {
        return ResponseCookie.from(COOKIE, "").path(path).maxAge(0).httpOnly(true).secure(true).sameSite("Lax").build();
    }
}
