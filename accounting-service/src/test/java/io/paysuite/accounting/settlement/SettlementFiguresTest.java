package io.paysuite.accounting.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementFiguresTest {

    static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    static long nextId = 1;

    /** A payment of {@code amount} with {@code fee}: pending gets amount − fee. */
    static DueEntry payment(long amount, long fee) {
        return new DueEntry(nextId++, "E" + nextId, "P" + nextId, "PAYMENT", "T" + nextId, AT, amount - fee, fee);
    }

    /** A refund of {@code amount} giving back {@code feeBack}: pending loses amount − feeBack. */
    static DueEntry refund(long amount, long feeBack) {
        return new DueEntry(nextId++, "E" + nextId, "R" + nextId, "REFUND", "T" + nextId, AT, -(amount - feeBack), -feeBack);
    }

    /** A guarantee release of {@code amount} from escrow, the fee taken at release. */
    static DueEntry release(long amount, long fee) {
        return new DueEntry(nextId++, "E" + nextId, "REL-" + nextId, "RELEASE", "T" + nextId, AT, amount - fee, fee);
    }

    static DueEntry adjustment(long pendingDelta) {
        return new DueEntry(nextId++, "E" + nextId, "ADJ-" + nextId, "ADJUSTMENT", "OPS-" + nextId, AT, pendingDelta, 0);
    }

    @Test
    void paymentsAreGrossLessTheirFeesAndTheNetIsWhatPendingHeld() {
        SettlementFigures f = SettlementFigures.of(List.of(payment(10_000, 60), payment(2_550, 15)), 0);

        assertThat(f.gross()).isEqualTo(12_550);
        assertThat(f.fees()).isEqualTo(75);
        assertThat(f.refunds()).isZero();
        assertThat(f.moved()).isEqualTo(12_475);
        assertThat(f.net()).isEqualTo(12_475);
    }

    @Test
    void aPartialRefundReducesGrossByItsAmountAndFeesByTheFeeGivenBack() {
        SettlementFigures f = SettlementFigures.of(List.of(payment(10_000, 60), refund(2_500, 15)), 0);

        assertThat(f.gross()).isEqualTo(10_000);
        assertThat(f.refunds()).isEqualTo(2_500);
        assertThat(f.fees()).isEqualTo(45);
        assertThat(f.net()).isEqualTo(10_000 - 2_500 - 45);
    }

    @Test
    void refundsAfterSettlementAloneMakeANegativeNetThatTheNextSettlementCarriesForward() {
        SettlementFigures first = SettlementFigures.of(List.of(refund(5_000, 30)), 0);
        assertThat(first.moved()).isEqualTo(-4_970);
        assertThat(first.net()).isEqualTo(-4_970);

        SettlementFigures next = SettlementFigures.of(List.of(payment(3_000, 18), payment(4_000, 24)), first.net());
        assertThat(next.carriedForward()).isEqualTo(-4_970);
        assertThat(next.net()).isEqualTo(2_982 + 3_976 - 4_970);
    }

    @Test
    void aGuaranteeReleaseIsGrossWithItsFeeTakenAtRelease() {
        SettlementFigures f = SettlementFigures.of(List.of(release(8_000, 48)), 0);

        assertThat(f.gross()).isEqualTo(8_000);
        assertThat(f.fees()).isEqualTo(48);
        assertThat(f.net()).isEqualTo(7_952);
    }

    @Test
    void anythingElseOnPendingIsAnAdjustmentWithoutGrossOrFee() {
        SettlementFigures f = SettlementFigures.of(List.of(payment(1_000, 6), adjustment(-200), adjustment(50)), 0);

        assertThat(f.adjustments()).isEqualTo(-150);
        assertThat(f.gross()).isEqualTo(1_000);
        assertThat(f.net()).isEqualTo(994 - 150);
    }

    @Test
    void theMovedAmountIsAlwaysTheSumOfThePendingChangesWhateverTheMix() {
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 500; round++) {
            List<DueEntry> entries = new java.util.ArrayList<>();
            long pending = 0;
            for (int i = random.nextInt(20); i > 0; i--) {
                long amount = 1 + random.nextInt(100_000);
                long fee = (amount * 60 + 5_000) / 10_000;
                DueEntry e = switch (random.nextInt(4)) {
                    case 0 -> payment(amount, fee);
                    case 1 -> refund(amount, fee);
                    case 2 -> release(amount, fee);
                    default -> adjustment(amount - 50_000);
                };
                entries.add(e);
                pending += e.pendingDelta();
            }
            long carried = random.nextInt(20_000) - 10_000;
            SettlementFigures f = SettlementFigures.of(entries, carried);
            assertThat(f.moved()).isEqualTo(pending);
            assertThat(f.gross() - f.refunds() - f.fees() + f.adjustments()).isEqualTo(pending);
            assertThat(f.net()).isEqualTo(carried + pending);
        }
    }
}
