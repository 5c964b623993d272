package io.paysuite.channel.recon;

import static io.paysuite.channel.recon.ReconFixtures.order;
import static io.paysuite.channel.recon.ReconFixtures.paid;
import static io.paysuite.channel.recon.ReconFixtures.refund;
import static io.paysuite.channel.recon.ReconFixtures.refunded;
import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.api.recon.DifferenceKind;
import io.paysuite.api.recon.DifferenceType;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.reconcile.BillRow;
import io.paysuite.channel.refund.ChannelRefund;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BillMatchingTest {

    final Map<String, ChannelOrder> allOrders = new HashMap<>();
    final Map<String, ChannelRefund> allRefunds = new HashMap<>();

    BillMatching.Result match(List<BillRow> bill, List<ChannelOrder> paidThatDay, List<ChannelRefund> refundedThatDay) {
        paidThatDay.forEach(o -> allOrders.put(o.channelOrderNo(), o));
        refundedThatDay.forEach(r -> allRefunds.put(r.refundNo(), r));
        return BillMatching.match(bill, paidThatDay, no -> Optional.ofNullable(allOrders.get(no)), refundedThatDay,
                no -> Optional.ofNullable(allRefunds.get(no)));
    }

    @Test
    void aBillThatAgreesLineByLineWithOurPaymentsAndRefundsHasNoDifferences() {
        BillMatching.Result result = match(List.of(paid("C1", 1_000), paid("C2", 2_000), refunded("C1", "R1", 400)),
                List.of(order("C1", 1_000, ChannelOrderStatus.SUCCESS), order("C2", 2_000, ChannelOrderStatus.SUCCESS)),
                List.of(refund("R1", "C1", 400, ChannelRefundStatus.SUCCESS)));

        assertThat(result.found()).isEmpty();
        assertThat(result.matched()).isEqualTo(3);
        assertThat(result.totals()).isEqualTo(new BillMatching.Totals(2, 1, 3_000, 400, 6 + 12 - 2, 3_000, 400));
        assertThat(result.totals().settled()).isEqualTo(3_000 - 400 - 16);
        assertThat(result.totals().expected()).isEqualTo(result.totals().settled());
    }

    @Test
    void aPaymentOnlyInTheBillIsChannelOnly() {
        BillMatching.Result result = match(List.of(paid("C9", 500)), List.of(), List.of());

        assertThat(result.found()).containsExactly(new Found(DifferenceType.CHANNEL_ONLY, DifferenceKind.PAYMENT, null, null, null, "C9",
                500L, "2026C9"));
    }

    @Test
    void ourSuccessMissingFromTheBillIsPlatformOnly() {
        BillMatching.Result result = match(List.of(), List.of(order("C1", 1_000, ChannelOrderStatus.SUCCESS)), List.of());

        assertThat(result.found()).containsExactly(new Found(DifferenceType.PLATFORM_ONLY, DifferenceKind.PAYMENT, "C1", 1_000L,
                "SUCCESS", null, null, null));
        assertThat(result.totals().expected() - result.totals().settled()).isEqualTo(1_000);
    }

    @Test
    void aDifferentAmountIsAnAmountMismatchAndADuplicatedLineIsOne() {
        BillMatching.Result changed = match(List.of(paid("C1", 999)), List.of(order("C1", 1_000, ChannelOrderStatus.SUCCESS)), List.of());
        BillMatching.Result twice = match(List.of(paid("C2", 700), paid("C2", 700)),
                List.of(order("C2", 700, ChannelOrderStatus.SUCCESS)), List.of());

        assertThat(changed.found()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(DifferenceType.AMOUNT_MISMATCH);
            assertThat(f.ourAmount()).isEqualTo(1_000L);
            assertThat(f.channelAmount()).isEqualTo(999L);
        });
        assertThat(twice.found()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(DifferenceType.AMOUNT_MISMATCH);
            assertThat(f.channelAmount()).isEqualTo(1_400L);
        });
    }

    @Test
    void aPaidLineWhoseOrderIsNotASuccessHereIsAStatusMismatch() {
        allOrders.put("C3", order("C3", 300, ChannelOrderStatus.PROCESSING));
        allOrders.put("C4", order("C4", 400, ChannelOrderStatus.FAILED));

        BillMatching.Result result = match(List.of(paid("C3", 300), paid("C4", 400)), List.of(), List.of());

        assertThat(result.found()).extracting(Found::type, Found::ourStatus, Found::number).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DifferenceType.STATUS_MISMATCH, "PROCESSING", "C3"),
                org.assertj.core.groups.Tuple.tuple(DifferenceType.STATUS_MISMATCH, "FAILED", "C4"));
    }

    @Test
    void anOrderPaidJustBeforeMidnightAndRecordedOnTheNextDayIsFoundByItsNumber() {
        allOrders.put("C5", order("C5", 500, ChannelOrderStatus.SUCCESS, Instant.parse("2026-12-05T16:00:00.100Z")));

        BillMatching.Result result = match(List.of(paid("C5", 500)), List.of(), List.of());

        assertThat(result.found()).isEmpty();
        assertThat(result.matched()).isEqualTo(1);
    }

    @Test
    void refundsHaveEveryDifferenceTypeTooKeyedByTheRefundNumber() {
        allRefunds.put("R3", refund("R3", "C1", 100, ChannelRefundStatus.PROCESSING));
        BillMatching.Result result = match(
                List.of(refunded("C1", "R1", 400), refunded("C1", "R2", 250), refunded("C1", "R3", 100), refunded("C1", "R9", 50)),
                List.of(), List.of(refund("R1", "C1", 400, ChannelRefundStatus.SUCCESS), refund("R2", "C1", 200, ChannelRefundStatus.SUCCESS),
                        refund("R4", "C1", 80, ChannelRefundStatus.SUCCESS)));

        assertThat(result.matched()).isEqualTo(1);
        assertThat(result.found()).extracting(Found::kind).containsOnly(DifferenceKind.REFUND);
        assertThat(result.found()).extracting(Found::type, Found::number).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DifferenceType.AMOUNT_MISMATCH, "R2"),
                org.assertj.core.groups.Tuple.tuple(DifferenceType.STATUS_MISMATCH, "R3"),
                org.assertj.core.groups.Tuple.tuple(DifferenceType.CHANNEL_ONLY, "R9"),
                org.assertj.core.groups.Tuple.tuple(DifferenceType.PLATFORM_ONLY, "R4"));
    }

    @Test
    void theClearingEffectOfADifferenceIsTheChannelsViewMinusOurs() {
        Found channelOnlyPayment = new Found(DifferenceType.CHANNEL_ONLY, DifferenceKind.PAYMENT, null, null, null, "C9", 500L, "T");
        Found platformOnlyRefund = new Found(DifferenceType.PLATFORM_ONLY, DifferenceKind.REFUND, "R4", 80L, "SUCCESS", null, null, null);
        Found processingPaid = new Found(DifferenceType.STATUS_MISMATCH, DifferenceKind.PAYMENT, "C3", 300L, "PROCESSING", "C3", 300L, "T");
        Found shortPaid = new Found(DifferenceType.AMOUNT_MISMATCH, DifferenceKind.PAYMENT, "C1", 1_000L, "SUCCESS", "C1", 999L, "T");

        assertThat(effect(channelOnlyPayment)).isEqualTo(500);
        assertThat(effect(platformOnlyRefund)).isEqualTo(80);
        assertThat(effect(processingPaid)).isEqualTo(300);
        assertThat(effect(shortPaid)).isEqualTo(-1);
    }

    private static long effect(Found found) {
        return new ReconDifference(1, 1, io.paysuite.api.channel.ChannelCode.ALIPAY, java.time.LocalDate.parse("2026-12-05"), found, "CNY",
                io.paysuite.api.recon.DifferenceStatus.OPEN, null, null, Instant.EPOCH).clearingEffect();
    }
}
