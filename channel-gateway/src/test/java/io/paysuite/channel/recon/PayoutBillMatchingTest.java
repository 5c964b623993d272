package io.paysuite.channel.recon;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.recon.DifferenceKind;
import io.paysuite.api.recon.DifferenceType;
import io.paysuite.channel.payout.Payout;
import io.paysuite.channel.reconcile.PayoutBillRow;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The payout bill against our payouts: every kind of difference, and what agrees. */
class PayoutBillMatchingTest {

    static final Instant DAY_END = Instant.parse("2026-12-05T16:00:00Z");
    static final Instant IN_DAY = Instant.parse("2026-12-05T06:00:00Z");

    final Map<String, Payout> all = new HashMap<>();

    Payout ours(String no, long fen, PayoutStatus status, Instant finishedAt) {
        Payout p = new Payout(no, PayoutPurpose.SETTLEMENT, "M1", Money.cny(fen), "6222020200001234", "Shop", null, status, null, null,
                IN_DAY, finishedAt);
        all.put(no, p);
        return p;
    }

    static PayoutBillRow out(String no, long fen) {
        return new PayoutBillRow(no, PayoutBillRow.Kind.TRANSFER, fen, "20261205" + no);
    }

    static PayoutBillRow back(String no, long fen) {
        return new PayoutBillRow(no, PayoutBillRow.Kind.RETURN, fen, "20261205" + no);
    }

    BillMatching.Result match(List<PayoutBillRow> bill, List<Payout> paid) {
        return PayoutBillMatching.match(bill, paid, no -> Optional.ofNullable(all.get(no)), DAY_END);
    }

    @Test
    void paidPayoutsAndReturnedFailuresAgreeWithTheBill() {
        Payout paid = ours("PO1", 10_000, PayoutStatus.SUCCESS, IN_DAY);
        ours("PO2", 500, PayoutStatus.FAILED, IN_DAY);
        ours("PO3", 700, PayoutStatus.FAILED, DAY_END.plusSeconds(30));

        BillMatching.Result r = match(List.of(out("PO1", 10_000), out("PO2", 500), back("PO2", 500), out("PO3", 700)), List.of(paid));

        assertThat(r.found()).as("PO3 failed after the day: its return is on the next bill").isEmpty();
        assertThat(r.matched()).isEqualTo(3);
        assertThat(r.totals().billPayments()).isEqualTo(3);
        assertThat(r.totals().billRefunds()).isEqualTo(1);
        assertThat(r.totals().billGross()).isEqualTo(11_200);
        assertThat(r.totals().billRefunded()).isEqualTo(500);
        assertThat(r.totals().ourPaid()).isEqualTo(10_000);
    }

    @Test
    void everyKindOfDifferenceIsFoundWithTheBillsVerdict() {
        Payout missing = ours("PO_MISSING", 300, PayoutStatus.SUCCESS, IN_DAY);
        ours("PO_AMOUNT", 1_000, PayoutStatus.SUCCESS, IN_DAY);
        ours("PO_DEALING", 2_000, PayoutStatus.PROCESSING, null);
        ours("PO_BOUNCED", 3_000, PayoutStatus.PROCESSING, null);
        ours("PO_PAIDHERE", 4_000, PayoutStatus.SUCCESS, IN_DAY);
        ours("PO_FAILEDHERE", 5_000, PayoutStatus.FAILED, IN_DAY);

        BillMatching.Result r = match(List.of(out("PO_AMOUNT", 1_001), out("PO_DEALING", 2_000), back("PO_BOUNCED", 3_000),
                out("PO_PAIDHERE", 4_000), back("PO_PAIDHERE", 4_000), out("PO_FAILEDHERE", 5_000), out("PO_STRANGER", 99)),
                List.of(missing, all.get("PO_AMOUNT"), all.get("PO_PAIDHERE")));

        assertThat(r.found()).allMatch(f -> f.kind() == DifferenceKind.PAYOUT);
        assertThat(r.found()).extracting(f -> f.type() + " " + f.number() + " " + f.ourStatus() + " " + f.channelAmount() + " "
                + f.channelStatus()).containsExactly(
                "AMOUNT_MISMATCH PO_AMOUNT SUCCESS 1001 PAID",
                "STATUS_MISMATCH PO_DEALING PROCESSING 2000 PAID",
                "STATUS_MISMATCH PO_BOUNCED PROCESSING 3000 RETURNED",
                "STATUS_MISMATCH PO_PAIDHERE SUCCESS 4000 RETURNED",
                "STATUS_MISMATCH PO_FAILEDHERE FAILED 5000 PAID",
                "CHANNEL_ONLY PO_STRANGER null 99 PAID",
                "PLATFORM_ONLY PO_MISSING SUCCESS null null");
        assertThat(r.matched()).isZero();
    }

    @Test
    void twoTransferLinesOfOneNumberAreSummedIntoAnAmountMismatch() {
        Payout paid = ours("PO1", 100, PayoutStatus.SUCCESS, IN_DAY);
        BillMatching.Result r = match(List.of(out("PO1", 100), out("PO1", 100)), List.of(paid));
        assertThat(r.found()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(DifferenceType.AMOUNT_MISMATCH);
            assertThat(f.channelAmount()).isEqualTo(200);
        });
    }
}
