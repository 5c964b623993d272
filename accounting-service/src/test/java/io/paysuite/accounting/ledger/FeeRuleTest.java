package io.paysuite.accounting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FeeRuleTest {

    @Test
    void feeRoundsHalfUpAtSixtyBasisPoints() {
        assertThat(FeeRule.fee(10_000, 60)).isEqualTo(60);
        assertThat(FeeRule.fee(100, 60)).isEqualTo(1);   // 0.6   → 1
        assertThat(FeeRule.fee(83, 60)).isEqualTo(0);    // 0.498 → 0
        assertThat(FeeRule.fee(84, 60)).isEqualTo(1);    // 0.504 → 1
        assertThat(FeeRule.fee(250, 20)).isEqualTo(1);   // 0.5   → 1 (half goes up)
        assertThat(FeeRule.fee(249, 20)).isEqualTo(0);   // 0.498 → 0
        assertThat(FeeRule.fee(0, 60)).isEqualTo(0);
    }

    @Test
    void feeNeverExceedsTheAmount() {
        assertThat(FeeRule.fee(1, 10_000)).isEqualTo(1);
        assertThat(FeeRule.fee(1, 9_999)).isEqualTo(1);
        assertThat(FeeRule.fee(7, 10_000)).isEqualTo(7);
    }

    @Test
    void feeOnTheLargestAmountDoesNotOverflow() {
        assertThat(FeeRule.fee(Long.MAX_VALUE, 60)).isEqualTo(55_340_232_221_128_655L); // 9223372036854775807 × 0.006, half up
        assertThat(FeeRule.fee(Long.MAX_VALUE, 10_000)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void rateOutsideZeroToTenThousandIsRefused() {
        assertThatThrownBy(() -> FeeRule.fee(100, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeeRule.fee(100, 10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeeRule.fee(-1, 60)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partialRefundReturnsTheFeeProRataRoundedDownOnTheCumulativeAmount() {
        // paid 10000, fee 60: refund 3333 → floor(60×3333/10000) = 19
        assertThat(FeeRule.feeRefund(60, 10_000, 0, 3_333)).isEqualTo(19);
        // then 3333 more: floor(60×6666/10000) − 19 = 39 − 19 = 20 (not a second 19)
        assertThat(FeeRule.feeRefund(60, 10_000, 3_333, 3_333)).isEqualTo(20);
        // the rest: 60 − 39 = 21
        assertThat(FeeRule.feeRefund(60, 10_000, 6_666, 3_334)).isEqualTo(21);
    }

    @Test
    void fullRefundInOnePartReturnsExactlyTheFeeCharged() {
        assertThat(FeeRule.feeRefund(61, 10_083, 0, 10_083)).isEqualTo(61);
        assertThat(FeeRule.feeRefund(1, 100, 0, 100)).isEqualTo(1);
    }

    @Test
    void refundsInAnyNumberOfPartsReturnExactlyTheFeeCharged() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int trade = 0; trade < 10_000; trade++) {
            long paid = 1 + random.nextInt(1_000_000);
            long fee = FeeRule.fee(paid, random.nextInt(10_001));
            long refunded = 0;
            long feeReturned = 0;
            while (refunded < paid) {
                long part = Math.min(paid - refunded, 1 + random.nextInt((int) Math.min(paid, 5_000)));
                long feePart = FeeRule.feeRefund(fee, paid, refunded, part);
                assertThat(feePart).as("seed %d", seed).isBetween(0L, part);
                feeReturned += feePart;
                refunded += part;
                assertThat(feeReturned).as("seed %d", seed).isEqualTo(fee * refunded / paid);
            }
            assertThat(feeReturned).as("seed %d paid %d fee %d", seed, paid, fee).isEqualTo(fee);
        }
    }

    @Test
    void refundBeyondThePaidAmountIsRefused() {
        assertThatThrownBy(() -> FeeRule.feeRefund(60, 10_000, 9_000, 1_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeeRule.feeRefund(60, 10_000, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
