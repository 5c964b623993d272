package io.paysuite.member.infra.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.VerifyPayPasswordCmd;
import io.paysuite.member.buyer.Buyer;
import io.paysuite.member.buyer.BuyerFinder;
import io.paysuite.member.buyer.InMemoryBuyers;
import io.paysuite.member.buyer.MutableClock;
import io.paysuite.member.buyer.NewBuyer;
import io.paysuite.member.buyer.PayPasswordCheck;
import io.paysuite.member.buyer.PayPasswordLockout;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The payment-password check over the peppered hasher: old BCrypt hashes migrate on the next right password. */
class PayPasswordMigrationTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryBuyers buyers = new InMemoryBuyers();
    private final PepperedPayPasswords hasher = new PepperedPayPasswords("k1",
            Map.of("k1", PepperedPayPasswordsTest.PEPPER), PepperedPayPasswordsTest.BCRYPT);
    private final PayPasswordCheck check = new PayPasswordCheck(new BuyerFinder(buyers), buyers, hasher,
            new PayPasswordLockout(5, Duration.ofMinutes(15)), clock);

    private Buyer buyerWith(String payPasswordHash) {
        return buyers.insert(new NewBuyer("13800138000", "login-hash", payPasswordHash, null, clock.instant())).orElseThrow();
    }

    private String stored(Buyer buyer) {
        return buyers.findByNumber(buyer.number()).orElseThrow().payPasswordHash();
    }

    @Test
    void aRightPasswordStoredWithBCryptIsVerifiedOnceAndStoredAgainAsAPepperedHash() {
        Buyer buyer = buyerWith(PepperedPayPasswordsTest.BCRYPT.hash("135790"));

        assertThat(check.verify(new VerifyPayPasswordCmd(buyer.buyerId(), "135790")).verified()).isTrue();

        assertThat(stored(buyer)).startsWith("hs256$k1$");
        assertThat(hasher.matches("135790", stored(buyer))).isTrue();
        assertThat(check.verify(new VerifyPayPasswordCmd(buyer.buyerId(), "135790")).verified()).isTrue();
    }

    @Test
    void aWrongPasswordAgainstABCryptHashCountsAnAttemptAndMigratesNothing() {
        String legacy = PepperedPayPasswordsTest.BCRYPT.hash("135790");
        Buyer buyer = buyerWith(legacy);

        assertThatThrownBy(() -> check.verify(new VerifyPayPasswordCmd(buyer.buyerId(), "000000")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAY_PASSWORD_WRONG));

        assertThat(buyers.findByNumber(buyer.number()).orElseThrow().payFailures()).isEqualTo(1);
        assertThat(stored(buyer)).isEqualTo(legacy);
    }

    @Test
    void aWrongPasswordAgainstAPepperedHashCountsAnAttempt() {
        Buyer buyer = buyerWith(hasher.hash("135790"));

        assertThatThrownBy(() -> check.verify(new VerifyPayPasswordCmd(buyer.buyerId(), "000000")))
                .isInstanceOf(BizException.class);

        assertThat(buyers.findByNumber(buyer.number()).orElseThrow().payFailures()).isEqualTo(1);
    }
}
