package io.paysuite.member.buyer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.RegisterBuyerCmd;
import io.paysuite.api.member.VerifyPayPasswordCmd;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PayPasswordCheckTest {

    private static final String RIGHT = "135790";
    private static final String WRONG = "000000";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final InMemoryBuyers buyers = new InMemoryBuyers();
    private final FakeHasher hasher = new FakeHasher();
    private final PayPasswordCheck check = new PayPasswordCheck(new BuyerFinder(buyers), buyers, hasher,
            new PayPasswordLockout(5, Duration.ofMinutes(15)), clock);
    private String buyerId;

    @BeforeEach
    void register() {
        buyerId = new BuyerRegistration(buyers, hasher, hasher, clock)
                .register(new RegisterBuyerCmd("13800138000", "correct horse", RIGHT, null)).buyerId();
    }

    @Test
    void rightPasswordIsVerified() {
        assertThat(check.verify(cmd(RIGHT)).verified()).isTrue();
        assertThat(check.verify(cmd(RIGHT)).buyerId()).isEqualTo(buyerId);
    }

    @Test
    void eachWrongPasswordTellsTheAttemptsLeftAndTheFifthLocks() {
        for (int left = 4; left >= 1; left--) {
            assertRefused(cmd(WRONG), ErrorCode.PAY_PASSWORD_WRONG, left + " attempts left");
        }
        assertRefused(cmd(WRONG), ErrorCode.PAY_PASSWORD_LOCKED, "locked");
        assertRefused(cmd(RIGHT), ErrorCode.PAY_PASSWORD_LOCKED, "locked");
    }

    @Test
    void whileLockedThePasswordIsNotEvenLookedAt() {
        lock();
        int failures = failures();

        assertRefused(cmd(WRONG), ErrorCode.PAY_PASSWORD_LOCKED, "locked");

        assertThat(failures()).isEqualTo(failures);
    }

    @Test
    void aRightPasswordResetsTheCount() {
        assertRefused(cmd(WRONG), ErrorCode.PAY_PASSWORD_WRONG, "4 attempts left");
        assertRefused(cmd(WRONG), ErrorCode.PAY_PASSWORD_WRONG, "3 attempts left");

        check.verify(cmd(RIGHT));

        assertRefused(cmd(WRONG), ErrorCode.PAY_PASSWORD_WRONG, "4 attempts left");
    }

    @Test
    void afterTheLockRunsOutTheCountStartsAgain() {
        lock();
        clock.advance(Duration.ofMinutes(15));

        assertRefused(cmd(WRONG), ErrorCode.PAY_PASSWORD_WRONG, "4 attempts left");
        assertThat(check.verify(cmd(RIGHT)).verified()).isTrue();
    }

    @Test
    void theLockLastsTheConfiguredDuration() {
        lock();
        clock.advance(Duration.ofMinutes(15).minusMillis(1));
        assertRefused(cmd(RIGHT), ErrorCode.PAY_PASSWORD_LOCKED, "locked");
        clock.advance(Duration.ofMillis(1));
        assertThat(check.verify(cmd(RIGHT)).verified()).isTrue();
    }

    @Test
    void unknownBuyerAndMalformedInputChangeNothing() {
        assertRefused(new VerifyPayPasswordCmd("U99999999", RIGHT), ErrorCode.BUYER_NOT_FOUND, "U99999999");
        assertRefused(new VerifyPayPasswordCmd("not-an-id", RIGHT), ErrorCode.BUYER_NOT_FOUND, "not-an-id");
        assertRefused(new VerifyPayPasswordCmd(null, RIGHT), ErrorCode.PARAM_ERROR, "buyer_id");
        assertRefused(cmd("12345"), ErrorCode.PARAM_ERROR, "pay_password");
        assertThat(failures()).isZero();
    }

    private void lock() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> check.verify(cmd(WRONG))).isInstanceOf(BizException.class);
        }
    }

    private int failures() {
        return buyers.findByNumber(BuyerIds.parse(buyerId).orElseThrow()).orElseThrow().payFailures();
    }

    private VerifyPayPasswordCmd cmd(String payPassword) {
        return new VerifyPayPasswordCmd(buyerId, payPassword);
    }

    private void assertRefused(VerifyPayPasswordCmd cmd, ErrorCode code, String messagePart) {
        assertThatThrownBy(() -> check.verify(cmd)).isInstanceOfSatisfying(BizException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
