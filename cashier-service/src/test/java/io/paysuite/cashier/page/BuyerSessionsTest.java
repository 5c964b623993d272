package io.paysuite.cashier.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BuyerSessionsTest {

    static final byte[] SECRET = new byte[32];
    static final String TRADE = "T20261122180000000100010042";
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    static {
        Arrays.fill(SECRET, (byte) 7);
    }

    private BuyerSessions sessionsAt(Instant now, byte[] secret) {
        return new BuyerSessions(PageKeys.derive(secret, PageKeys.SESSION), Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(30));
    }

    @Test
    void aSessionItIssuedVerifiesForItsTradeAndCarriesTheBuyer() {
        BuyerSessions sessions = sessionsAt(NOW, SECRET);
        String cookie = sessions.issue("U1000042", TRADE);

        var session = sessions.verify(cookie, TRADE);

        assertThat(session).isPresent();
        assertThat(session.get().buyerId()).isEqualTo("U1000042");
        assertThat(session.get().expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void anInstanceSharingTheSecretReadsTheSession() {
        String cookie = sessionsAt(NOW, SECRET).issue("U1000042", TRADE);

        assertThat(sessionsAt(NOW.plusSeconds(5), SECRET.clone()).verify(cookie, TRADE)).isPresent();
    }

    @Test
    void aSessionIsRefusedOnAnotherTradesPage() {
        BuyerSessions sessions = sessionsAt(NOW, SECRET);
        String cookie = sessions.issue("U1000042", TRADE);

        assertThat(sessions.verify(cookie, "T20261122180000000100019999")).isEmpty();
    }

    @Test
    void anEditedBuyerTradeOrExpiryBreaksTheSignature() {
        BuyerSessions sessions = sessionsAt(NOW, SECRET);
        String cookie = sessions.issue("U1000042", TRADE);
        String[] parts = cookie.split("\\.");

        String otherBuyer = String.join(".", parts[0], "U1000043", parts[2], parts[3], parts[4]);
        String longer = String.join(".", parts[0], parts[1], parts[2], String.valueOf(Long.parseLong(parts[3]) + 86_400), parts[4]);
        String flippedMac = cookie.substring(0, cookie.length() - 1) + (cookie.endsWith("A") ? "B" : "A");

        assertThat(sessions.verify(otherBuyer, TRADE)).isEmpty();
        assertThat(sessions.verify(longer, TRADE)).isEmpty();
        assertThat(sessions.verify(flippedMac, TRADE)).isEmpty();
    }

    @Test
    void aSessionExpiresAfterItsTimeToLive() {
        String cookie = sessionsAt(NOW, SECRET).issue("U1000042", TRADE);

        assertThat(sessionsAt(NOW.plus(Duration.ofMinutes(30)).minusSeconds(1), SECRET).verify(cookie, TRADE)).isPresent();
        assertThat(sessionsAt(NOW.plus(Duration.ofMinutes(30)), SECRET).verify(cookie, TRADE)).isEmpty();
    }

    @Test
    void anotherSecretOrGarbageVerifiesNothing() {
        String cookie = sessionsAt(NOW, SECRET).issue("U1000042", TRADE);
        byte[] other = SECRET.clone();
        other[0] = 8;

        assertThat(sessionsAt(NOW, other).verify(cookie, TRADE)).isEmpty();
        assertThat(sessionsAt(NOW, SECRET).verify(null, TRADE)).isEmpty();
        assertThat(sessionsAt(NOW, SECRET).verify("", TRADE)).isEmpty();
        assertThat(sessionsAt(NOW, SECRET).verify("v1.a.b.c.d.e", TRADE)).isEmpty();
        assertThat(sessionsAt(NOW, SECRET).verify("v1.U1.T.notanumber.mac", TRADE)).isEmpty();
    }

    @Test
    void theCookieIsHttpOnlySecureLaxAndScopedToThePage() {
        BuyerSessions sessions = sessionsAt(NOW, SECRET);

        String header = sessions.cookie(sessions.issue("U1000042", TRADE), "/cashier/tok").toString();

        assertThat(header).startsWith(BuyerSessions.COOKIE + "=v1.U1000042.")
                .contains("Path=/cashier/tok", "HttpOnly", "Secure", "SameSite=Lax", "Max-Age=1800");
    }

    @Test
    void aSessionKeyIsNotTheFormKey() {
        PageKeys session = PageKeys.derive(SECRET, PageKeys.SESSION);
        PageKeys csrf = PageKeys.derive(SECRET, PageKeys.CSRF);

        assertThat(session.sign("x")).isNotEqualTo(csrf.sign("x"));
    }
}
