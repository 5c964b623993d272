package io.paysuite.member.buyer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.BuyerLoginCmd;
import io.paysuite.api.member.RealNameStatus;
import io.paysuite.api.member.RegisterBuyerCmd;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BuyerRegistrationTest {

    private final InMemoryBuyers buyers = new InMemoryBuyers();
    private final FakeHasher hasher = new FakeHasher();
    private final BuyerRegistration registration =
            new BuyerRegistration(buyers, hasher, hasher, new MutableClock(Instant.parse("2025-01-01T00:00:00Z")));
    private final RegisterBuyerCmd ann = new RegisterBuyerCmd("13800138000", "correct horse", "135790", "Ann");

    @Test
    void aNewBuyerGetsAUNumberedIdAMaskedPhoneAndNoRealName() {
        BuyerDTO buyer = registration.register(ann);

        assertThat(buyer.buyerId()).matches("U\\d{8,}");
        assertThat(buyer.phoneMasked()).isEqualTo("138****8000");
        assertThat(buyer.realNameStatus()).isEqualTo(RealNameStatus.UNVERIFIED);
        assertThat(buyer.toString()).doesNotContain("correct horse").doesNotContain("135790");
    }

    @Test
    void secretsAreStoredOnlyAsHashes() {
        registration.register(ann);

        Buyer stored = buyers.findByPhone(ann.phone()).orElseThrow();
        assertThat(stored.loginPasswordHash()).isNotEqualTo(ann.password());
        assertThat(stored.payPasswordHash()).isNotEqualTo(ann.payPassword());
        assertThat(stored.toString()).doesNotContain(stored.loginPasswordHash()).doesNotContain(stored.payPasswordHash());
    }

    @Test
    void repeatedRegistrationWithTheSamePasswordAnswersTheFirstBuyer() {
        BuyerDTO first = registration.register(ann);

        BuyerDTO repeat = registration.register(new RegisterBuyerCmd(ann.phone(), ann.password(), "246801", "Other"));

        assertThat(repeat).isEqualTo(first);
    }

    @Test
    void thePhoneWithAnotherPasswordIsPhoneUsed() {
        registration.register(ann);

        assertThatThrownBy(() -> registration.register(new RegisterBuyerCmd(ann.phone(), "another secret", "135790", null)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PHONE_USED));
    }

    @Test
    void losingTheInsertRaceAnswersTheWinner() {
        BuyerRegistration rival = new BuyerRegistration(buyers, hasher, hasher, new MutableClock(Instant.parse("2025-01-01T00:00:00Z")));
        BuyerDTO[] winner = new BuyerDTO[1];
        buyers.beforeInsert = () -> {
            buyers.beforeInsert = () -> { };
            winner[0] = rival.register(ann); // a concurrent registration commits between our read and insert
        };

        BuyerDTO mine = registration.register(ann);

        assertThat(mine).isEqualTo(winner[0]);
    }

    @Test
    void loginAnswersTheBuyerOnlyForTheRightPassword() {
        BuyerDTO buyer = registration.register(ann);
        BuyerLogin login = new BuyerLogin(buyers, hasher);

        assertThat(login.login(new BuyerLoginCmd(ann.phone(), ann.password()))).isEqualTo(buyer);
        for (BuyerLoginCmd wrong : new BuyerLoginCmd[] {
                new BuyerLoginCmd(ann.phone(), "wrong password"),
                new BuyerLoginCmd("13900139000", ann.password()),
                new BuyerLoginCmd(null, null)}) {
            assertThatThrownBy(() -> login.login(wrong)).isInstanceOfSatisfying(BizException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.LOGIN_FAILED));
        }
    }
}
