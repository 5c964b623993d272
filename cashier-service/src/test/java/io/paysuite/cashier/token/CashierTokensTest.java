package io.paysuite.cashier.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.cashier.keys.KeyProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CashierTokensTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static CashierTokens tokens(Path dir, Instant now) {
        return new CashierTokens(new KeyProperties(dir, true, true), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenNamesItsTradeAndIsTheSameForTheSameTrade(@TempDir Path dir) {
        CashierTokens tokens = tokens(dir, NOW);
        String token = tokens.issue("T20261123100000000000001234", NOW.plus(Duration.ofMinutes(30)));
        assertThat(tokens.issue("T20261123100000000000001234", NOW.plus(Duration.ofMinutes(30)))).isEqualTo(token);
        assertThat(tokens.resolve(token)).get().extracting(CashierTokens.CashierTicket::tradeNo)
                .isEqualTo("T20261123100000000000001234");
        assertThat(token).matches("[A-Za-z0-9_-]{60,}");
    }

    @Test
    void anotherInstanceSharingTheKeysDirectoryReadsIt(@TempDir Path dir) {
        String token = tokens(dir, NOW).issue("T1", NOW.plus(Duration.ofMinutes(30)));
        assertThat(tokens(dir, NOW).resolve(token)).isPresent();
    }

    @Test
    void aForgedOrFlippedOrForeignTokenIsRefused(@TempDir Path dir, @TempDir Path otherDir) {
        CashierTokens tokens = tokens(dir, NOW);
        String token = tokens.issue("T20261123100000000000001234", NOW.plus(Duration.ofMinutes(30)));
        char[] chars = token.toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        assertThat(tokens.resolve(new String(chars))).isEmpty();
        assertThat(tokens.resolve(token.substring(0, token.length() - 2))).isEmpty();
        assertThat(tokens.resolve("not base64 !")).isEmpty();
        assertThat(tokens.resolve(null)).isEmpty();
        assertThat(tokens(otherDir, NOW).resolve(token)).as("another secret").isEmpty();
    }

    @Test
    void aTokenExpiresHalfAnHourAfterItsTrade(@TempDir Path dir) {
        Instant expire = NOW.plus(Duration.ofMinutes(30));
        String token = tokens(dir, NOW).issue("T1", expire);
        assertThat(tokens(dir, expire.plus(Duration.ofMinutes(29))).resolve(token)).isPresent();
        assertThat(tokens(dir, expire.plus(Duration.ofMinutes(30))).resolve(token)).isEmpty();
    }
}
