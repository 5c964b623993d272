package io.paysuite.channel.recon;

import static io.paysuite.channel.recon.ReconFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.api.money.Money;
import io.paysuite.api.recon.DifferenceKind;
import io.paysuite.api.recon.DifferenceStatus;
import io.paysuite.api.recon.DifferenceType;
import io.paysuite.api.recon.ResolutionAction;
import io.paysuite.api.channel.RefundChannelCmd;
import io.paysuite.channel.adapter.ChannelAdapters;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.charge.ChannelSettlement;
import io.paysuite.channel.charge.LatePayments;
import io.paysuite.channel.infra.recon.InMemoryReconciliationMapper;
import io.paysuite.channel.infra.recon.MyBatisReconciliationRepository;
import io.paysuite.channel.isolation.ChannelGuard;
import io.paysuite.channel.payout.Payout;
import io.paysuite.channel.payout.Payouts;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.preauth.InMemoryCompletions;
import io.paysuite.channel.order.ChannelOrderRepository;
import io.paysuite.channel.reconcile.SucceededRefunds;
import io.paysuite.channel.refund.ChannelRefund;
import io.paysuite.channel.refund.ChannelRefunds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the system decides by itself, and that it goes through the normal paths to do it. */
class DifferenceDecisionsTest {

    static final LocalDate DAY = LocalDate.parse("2026-12-05");

    final MyBatisReconciliationRepository repository = new MyBatisReconciliationRepository(new InMemoryReconciliationMapper());
    final ChannelOrderRepository orders = mock(ChannelOrderRepository.class);
    final SucceededRefunds refundRecords = mock(SucceededRefunds.class);
    final ChannelSettlement settlement = mock(ChannelSettlement.class);
    final LatePayments latePayments = mock(LatePayments.class);
    final ChannelRefunds refunds = mock(ChannelRefunds.class);
    final ChannelAdapters adapters = mock(ChannelAdapters.class);
    final ChannelGuard guard = mock(ChannelGuard.class);
    final Payouts payouts = mock(Payouts.class);
    final InMemoryCompletions completions = new InMemoryCompletions();
    // the bill day ended 11 hours ago in Beijing time, but the grace is a day: not closed yet
    final Clock clock = Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);
    final DifferenceDecisions decisions = new DifferenceDecisions(repository, orders, refundRecords, settlement, latePayments, refunds,
            adapters, guard, payouts, completions, new ReconciliationProperties("0 30 10 * * *", "Asia/Shanghai", Duration.ofDays(1), "CNY"),
            new SimpleMeterRegistry(), clock);
    /** The same, two days on: the bill day has closed. */
    final DifferenceDecisions later = new DifferenceDecisions(repository, orders, refundRecords, settlement, latePayments, refunds,
            adapters, guard, payouts, completions, new ReconciliationProperties("0 30 10 * * *", "Asia/Shanghai", Duration.ofDays(1), "CNY"),
            new SimpleMeterRegistry(), Clock.offset(clock, Duration.ofDays(2)));
    final ReconBatch batch = repository.batchFor(io.paysuite.api.recon.ReconKind.TRADE, ChannelCode.ALIPAY, DAY, "CNY", clock.instant());

    @Test
    void aProcessingOrderTheBillListsAsPaidIsSettledThroughTheSettlePath() {
        ChannelOrder processing = order("C3", 300, ChannelOrderStatus.PROCESSING);
        when(orders.find("C3")).thenReturn(Optional.of(processing));
        when(settlement.settleByBill(processing, "2026C3", 300, "CNY")).thenReturn(order("C3", 300, ChannelOrderStatus.SUCCESS));
        ReconDifference d = stored(new Found(DifferenceType.STATUS_MISMATCH, DifferenceKind.PAYMENT, "C3", 300L, "PROCESSING", "C3", 300L,
                "2026C3"));

        assertThat(decisions.decide(d)).isEqualTo(DifferenceDecisions.Decision.RESOLVED);

        ReconDifference after = repository.difference(d.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(DifferenceStatus.RESOLVED);
        assertThat(after.resolution().action()).isEqualTo(ResolutionAction.AUTO_SETTLED);
        assertThat(after.resolution().by()).isEqualTo("SYSTEM");
    }

    @Test
    void aProcessingPayoutTheBillSettlesIsFinishedThroughThePayoutsSettlePathEitherWay() {
        when(payouts.settleByBill("PO1", true, "A1")).thenReturn(Optional.of(payout("PO1", PayoutStatus.SUCCESS)));
        when(payouts.settleByBill("PO2", false, "A2")).thenReturn(Optional.of(payout("PO2", PayoutStatus.FAILED)));
        when(payouts.settleByBill("PO3", true, "A3")).thenReturn(Optional.of(payout("PO3", PayoutStatus.PROCESSING)));
        ReconDifference paid = stored(new Found(DifferenceType.STATUS_MISMATCH, DifferenceKind.PAYOUT, "PO1", 100L, "PROCESSING", "PO1",
                100L, "A1", Found.BILL_PAID));
        ReconDifference returned = stored(new Found(DifferenceType.STATUS_MISMATCH, DifferenceKind.PAYOUT, "PO2", 200L, "PROCESSING",
                "PO2", 200L, "A2", Found.BILL_RETURNED));
        ReconDifference dealing = stored(new Found(DifferenceType.STATUS_MISMATCH, DifferenceKind.PAYOUT, "PO3", 300L, "PROCESSING",
                "PO3", 300L, "A3", Found.BILL_PAID));

        assertThat(decisions.decide(paid)).isEqualTo(DifferenceDecisions.Decision.RESOLVED);
        assertThat(decisions.decide(returned)).isEqualTo(DifferenceDecisions.Decision.RESOLVED);
        assertThat(decisions.decide(dealing)).as("the bank still works on it").isEqualTo(DifferenceDecisions.Decision.WAITING);

        assertThat(repository.difference(paid.id()).orElseThrow().resolution().action()).isEqualTo(ResolutionAction.AUTO_SETTLED);
        assertThat(repository.difference(returned.id()).orElseThrow().resolution().outcome()).contains("back to available");
        assertThat(repository.difference(dealing.id()).orElseThrow().status()).isEqualTo(DifferenceStatus.OPEN);
    }

    @Test
    void payoutDifferencesNoPathCanDecideGoToTheOperators() {
        ReconDifference amount = stored(new Found(DifferenceType.AMOUNT_MISMATCH, DifferenceKind.PAYOUT, "PO4", 100L, "SUCCESS", "PO4",
                101L, "A4", Found.BILL_PAID));
        ReconDifference stranger = stored(new Found(DifferenceType.CHANNEL_ONLY, DifferenceKind.PAYOUT, null, null, null, "PO5", 5L, "A5",
                Found.BILL_PAID));
        ReconDifference bouncedAfterSuccess = stored(new Found(DifferenceType.STATUS_MISMATCH, DifferenceKind.PAYOUT, "PO6", 600L,
                "SUCCESS", "PO6", 600L, "A6", Found.BILL_RETURNED));

        for (ReconDifference d : List.of(amount, stranger, bouncedAfterSuccess)) {
            assertThat(decisions.decide(d)).isEqualTo(DifferenceDecisions.Decision.ESCALATED);
        }
        verifyNoInteractions(payouts);
        assertThat(bouncedAfterSuccess.clearingEffect()).as("payouts never pass CHANNEL_CLEARING").isZero();
    }

    static Payout payout(String no, PayoutStatus status) {
        return new Payout(no, PayoutPurpose.SETTLEMENT, "M1", Money.cny(100), "6222020200001234", "Shop", null, status, "X", "A", Instant.EPOCH,
                status.isFinal() ? Instant.EPOCH : null);
    }

    @Test
    void aPaymentNoOrderOfOursOwnsIsPaidBackThroughTheChannelAsALateSuccessIs() {
        when(latePayments.payBackUnowned(eq(ChannelCode.ALIPAY), eq("C9"), eq("2026C9"), eq(Money.cny(900)), any()))
                .thenReturn(Optional.of(new ChannelRefund("CRC9", "C9", ChannelCode.ALIPAY, Money.cny(900), ChannelRefundStatus.SUCCESS,
                        "10000", null, Instant.EPOCH, Instant.EPOCH)));
        ReconDifference d = stored(new Found(DifferenceType.CHANNEL_ONLY, DifferenceKind.PAYMENT, null, null, null, "C9", 900L, "2026C9"));

        assertThat(decisions.decide(d)).isEqualTo(DifferenceDecisions.Decision.RESOLVED);

        ReconDifference after = repository.difference(d.id()).orElseThrow();
        assertThat(after.resolution().action()).isEqualTo(ResolutionAction.AUTO_REFUNDED);
        assertThat(after.resolution().postingKey()).isEqualTo("PAYBACK-C9");
    }

    @Test
    void aPayBackUnderWayWaitsAndOneTheChannelRefusedGoesToTheOperators() {
        when(latePayments.payBackUnowned(any(), eq("C7"), any(), any(), any())).thenReturn(Optional.of(new ChannelRefund("CRC7", "C7",
                ChannelCode.ALIPAY, Money.cny(700), ChannelRefundStatus.PROCESSING, null, null, Instant.EPOCH, null)));
        when(latePayments.payBackUnowned(any(), eq("C8"), any(), any(), any())).thenReturn(Optional.of(new ChannelRefund("CRC8", "C8",
                ChannelCode.ALIPAY, Money.cny(800), ChannelRefundStatus.FAILED, "TRADE_NOT_EXIST", null, Instant.EPOCH, Instant.EPOCH)));
        ReconDifference pending = stored(new Found(DifferenceType.CHANNEL_ONLY, DifferenceKind.PAYMENT, null, null, null, "C7", 700L, "T7"));
        ReconDifference refused = stored(new Found(DifferenceType.CHANNEL_ONLY, DifferenceKind.PAYMENT, null, null, null, "C8", 800L, "T8"));

        assertThat(decisions.decide(pending)).isEqualTo(DifferenceDecisions.Decision.WAITING);
        assertThat(decisions.decide(refused)).isEqualTo(DifferenceDecisions.Decision.ESCALATED);

        assertThat(repository.difference(pending.id()).orElseThrow().note()).contains("CRC7 under way");
        assertThat(repository.difference(refused.id()).orElseThrow().status()).isEqualTo(DifferenceStatus.ESCALATED);
    }

    @Test
    void aCompletionOnlyAtTheChannelIsNeverPaidBackItWaitsForItsRecordThenGoesToTheOperators() {
        ReconDifference d = stored(new Found(DifferenceType.CHANNEL_ONLY, DifferenceKind.PAYMENT, null, null, null, "K7", 600L, "Q7"));

        assertThat(decisions.decide(d)).isEqualTo(DifferenceDecisions.Decision.WAITING);
        assertThat(later.decide(repository.difference(d.id()).orElseThrow())).isEqualTo(DifferenceDecisions.Decision.ESCALATED);
        verify(latePayments, never()).payBackUnowned(any(), any(), any(), any(), any());
    }

    @Test
    void aCompletionOnlyHereAfterTheBillDayClosedIsAskedByItsOwnQuery() {
        ChannelOrder authorisation = order("C7", 1_000, ChannelOrderStatus.SUCCESS);
        when(orders.find("C7")).thenReturn(Optional.of(authorisation));
        io.paysuite.channel.adapter.AuthorisingAdapter card = mock(io.paysuite.channel.adapter.AuthorisingAdapter.class);
        when(adapters.of(authorisation)).thenReturn(card);
        completions.record(new io.paysuite.channel.preauth.Completion("K7", "C7", "P7", "T7", "M1", ChannelCode.ALIPAY,
                io.paysuite.api.pay.PayMethod.BANK_CARD, Money.cny(600), "Q7", Instant.EPOCH, Instant.EPOCH));
        when(guard.call(eq(ChannelCode.ALIPAY), eq("preauth-query"), any())).thenReturn(new io.paysuite.channel.adapter.ChannelCall(
                io.paysuite.channel.adapter.Outcome.SUCCESS, "00", "ok", "Q7", null, 600L, "CNY"));
        ReconDifference d = stored(new Found(DifferenceType.PLATFORM_ONLY, DifferenceKind.PAYMENT, "K7", 600L, "SUCCESS", null, null, null));

        assertThat(later.decide(d)).isEqualTo(DifferenceDecisions.Decision.RESOLVED);
        assertThat(repository.difference(d.id()).orElseThrow().resolution().action()).isEqualTo(ResolutionAction.AUTO_CONFIRMED);
    }

    @Test
    void aPaymentOnlyHereAfterTheBillDayClosedIsConfirmedByTheChannelsQueryOrEscalatedWhenTheChannelDoesNotKnowIt() {
        ChannelOrder confirmed = order("C5", 500, ChannelOrderStatus.SUCCESS);
        ChannelOrder unknown = order("C6", 600, ChannelOrderStatus.SUCCESS);
        when(orders.find("C5")).thenReturn(Optional.of(confirmed));
        when(orders.find("C6")).thenReturn(Optional.of(unknown));
        when(adapters.of(any())).thenReturn(mock(io.paysuite.channel.adapter.ChannelAdapter.class));
        when(guard.call(eq(ChannelCode.ALIPAY), eq("query"), any()))
                .thenReturn(new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "ok", "2026C5", null, 500L, "CNY"))
                .thenReturn(new ChannelCall(Outcome.NOT_FOUND, "ACQ.TRADE_NOT_EXIST", "no such trade", null, null, null, null));
        ReconDifference anotherDays = stored(new Found(DifferenceType.PLATFORM_ONLY, DifferenceKind.PAYMENT, "C5", 500L, "SUCCESS", null,
                null, null));
        ReconDifference lost = stored(new Found(DifferenceType.PLATFORM_ONLY, DifferenceKind.PAYMENT, "C6", 600L, "SUCCESS", null, null,
                null));

        assertThat(later.decide(anotherDays)).isEqualTo(DifferenceDecisions.Decision.RESOLVED);
        assertThat(later.decide(lost)).isEqualTo(DifferenceDecisions.Decision.ESCALATED);

        ReconDifference resolved = repository.difference(anotherDays.id()).orElseThrow();
        assertThat(resolved.resolution().action()).isEqualTo(ResolutionAction.AUTO_CONFIRMED);
        assertThat(resolved.resolution().by()).isEqualTo("SYSTEM");
        assertThat(resolved.resolution().postingKey()).as("a confirmation moves no money").isNull();
        ReconDifference escalated = repository.difference(lost.id()).orElseThrow();
        assertThat(escalated.status()).isEqualTo(DifferenceStatus.ESCALATED);
        assertThat(escalated.note()).contains("NOT_FOUND");
        verify(settlement, never()).settleByBill(any(), any(), anyLong(), any());
    }

    @Test
    void aPaymentOnlyHereWhoseQueryPaidAnotherAmountIsEscalatedNotConfirmed() {
        when(orders.find("C5")).thenReturn(Optional.of(order("C5", 500, ChannelOrderStatus.SUCCESS)));
        when(adapters.of(any())).thenReturn(mock(io.paysuite.channel.adapter.ChannelAdapter.class));
        when(guard.call(eq(ChannelCode.ALIPAY), eq("query"), any()))
                .thenReturn(new ChannelCall(Outcome.SUCCESS, "TRADE_SUCCESS", "ok", "2026C5", null, 499L, "CNY"));
        ReconDifference d = stored(new Found(DifferenceType.PLATFORM_ONLY, DifferenceKind.PAYMENT, "C5", 500L, "SUCCESS", null, null,
                null));

        assertThat(later.decide(d)).isEqualTo(DifferenceDecisions.Decision.ESCALATED);
    }

    @Test
    void aRefundOnlyHereAfterTheBillDayClosedIsConfirmedByTheRefundQueryOrEscalatedWhenTheChannelDoesNotKnowIt() {
        ChannelOrder paid = order("C5", 500, ChannelOrderStatus.SUCCESS);
        when(orders.find("C5")).thenReturn(Optional.of(paid));
        when(refundRecords.findRefund("R5")).thenReturn(Optional.of(ReconFixtures.refund("R5", "C5", 200, ChannelRefundStatus.SUCCESS)));
        when(refundRecords.findRefund("R6")).thenReturn(Optional.of(ReconFixtures.refund("R6", "C5", 100, ChannelRefundStatus.SUCCESS)));
        when(refunds.ask(paid, "R5")).thenReturn(Optional.of(new ChannelCall(Outcome.SUCCESS, "REFUND_SUCCESS", "ok", "2026C5", null,
                null, null)));
        when(refunds.ask(paid, "R6")).thenReturn(Optional.of(new ChannelCall(Outcome.NOT_FOUND, "10000", "no refund fields", "2026C5",
                null, null, null)));
        ReconDifference anotherDays = stored(new Found(DifferenceType.PLATFORM_ONLY, DifferenceKind.REFUND, "R5", 200L, "SUCCESS", null,
                null, null));
        ReconDifference lost = stored(new Found(DifferenceType.PLATFORM_ONLY, DifferenceKind.REFUND, "R6", 100L, "SUCCESS", null, null,
                null));

        assertThat(decisions.decide(anotherDays)).as("before the day closed: not asked").isEqualTo(DifferenceDecisions.Decision.WAITING);
        verify(refunds, never()).ask(any(), any());
        assertThat(later.decide(repository.difference(anotherDays.id()).orElseThrow())).isEqualTo(DifferenceDecisions.Decision.RESOLVED);
        assertThat(later.decide(lost)).isEqualTo(DifferenceDecisions.Decision.ESCALATED);

        assertThat(repository.difference(anotherDays.id()).orElseThrow().resolution().action()).isEqualTo(ResolutionAction.AUTO_CONFIRMED);
        ReconDifference escalated = repository.difference(lost.id()).orElseThrow();
        assertThat(escalated.status()).isEqualTo(DifferenceStatus.ESCALATED);
        assertThat(escalated.note()).contains("refund is not in the bill").contains("NOT_FOUND");
        verify(refunds, never()).refund(any());
    }

    @Test
    void aRefundTheBillListsAsDoneWhileOursIsProcessingIsFollowedUpThroughTheRefundPath() {
        ChannelOrder paid = order("C5", 500, ChannelOrderStatus.SUCCESS);
        when(orders.find("C5")).thenReturn(Optional.of(paid));
        when(refundRecords.findRefund("R5")).thenReturn(Optional.of(ReconFixtures.refund("R5", "C5", 200, ChannelRefundStatus.PROCESSING)));
        when(refundRecords.findRefund("R6")).thenReturn(Optional.of(ReconFixtures.refund("R6", "C5", 100, ChannelRefundStatus.PROCESSING)));
        when(refunds.refund(new RefundChannelCmd("R5", "P5", Money.cny(200), "reconciliation: listed as refunded in the bill")))
                .thenReturn(ReconFixtures.refund("R5", "C5", 200, ChannelRefundStatus.SUCCESS));
        when(refunds.refund(new RefundChannelCmd("R6", "P5", Money.cny(100), "reconciliation: listed as refunded in the bill")))
                .thenReturn(ReconFixtures.refund("R6", "C5", 100, ChannelRefundStatus.PROCESSING));
        ReconDifference answered = stored(new Found(DifferenceType.STATUS_MISMATCH, DifferenceKind.REFUND, "R5", 200L, "PROCESSING", "R5",
                200L, "2026C5"));
        ReconDifference stillOut = stored(new Found(DifferenceType.STATUS_MISMATCH, DifferenceKind.REFUND, "R6", 100L, "PROCESSING", "R6",
                100L, "2026C5"));

        assertThat(decisions.decide(answered)).isEqualTo(DifferenceDecisions.Decision.RESOLVED);
        assertThat(decisions.decide(stillOut)).as("no definite answer yet").isEqualTo(DifferenceDecisions.Decision.WAITING);

        ReconDifference settled = repository.difference(answered.id()).orElseThrow();
        assertThat(settled.resolution().action()).isEqualTo(ResolutionAction.AUTO_SETTLED);
        assertThat(settled.resolution().outcome()).contains("R5").contains("SUCCESS");
        ReconDifference waiting = repository.difference(stillOut.id()).orElseThrow();
        assertThat(waiting.status()).isEqualTo(DifferenceStatus.OPEN);
        assertThat(waiting.note()).contains("still PROCESSING");
    }

    @Test
    void aRefundTheBillListsAsDoneThatWeHoldFailedGoesToTheOperatorsWithoutAFollowUp() {
        when(orders.find("C5")).thenReturn(Optional.of(order("C5", 500, ChannelOrderStatus.SUCCESS)));
        when(refundRecords.findRefund("R7")).thenReturn(Optional.of(ReconFixtures.refund("R7", "C5", 300, ChannelRefundStatus.FAILED)));
        ReconDifference d = stored(new Found(DifferenceType.STATUS_MISMATCH, DifferenceKind.REFUND, "R7", 300L, "FAILED", "R7", 300L,
                "2026C5"));

        assertThat(decisions.decide(d)).isEqualTo(DifferenceDecisions.Decision.ESCALATED);
        assertThat(repository.difference(d.id()).orElseThrow().note()).contains("ours is FAILED");
        verify(refunds, never()).refund(any());
    }

    @Test
    void aDaysFeeThatDiffersFromOurRatesGoesToTheOperatorsAndMovesNoMoney() {
        ReconDifference d = stored(new Found(DifferenceType.FEE_MISMATCH, DifferenceKind.FEE, null, 12L, null, "FEE-ALIPAY-20261205", 19L,
                null));

        assertThat(decisions.decide(d)).isEqualTo(DifferenceDecisions.Decision.ESCALATED);

        assertThat(repository.difference(d.id()).orElseThrow().note()).contains("fees of 19").contains("give 12");
        assertThat(d.clearingEffect()).as("clearing booked the bill's fee").isZero();
        verifyNoInteractions(settlement, latePayments, refunds, guard);
    }

    @Test
    void anAmountFromTheChannelIsNeverTrustedTheDifferenceGoesToTheOperators() {
        ReconDifference payment = stored(new Found(DifferenceType.AMOUNT_MISMATCH, DifferenceKind.PAYMENT, "C1", 1_000L, "SUCCESS", "C1",
                990L, "T"));
        ReconDifference refund = stored(new Found(DifferenceType.AMOUNT_MISMATCH, DifferenceKind.REFUND, "R1", 400L, "SUCCESS", "R1",
                450L, "T"));
        ReconDifference unknownRefund = stored(new Found(DifferenceType.CHANNEL_ONLY, DifferenceKind.REFUND, null, null, null, "R9", 50L,
                "T"));

        assertThat(decisions.decide(payment)).isEqualTo(DifferenceDecisions.Decision.ESCALATED);
        assertThat(decisions.decide(refund)).isEqualTo(DifferenceDecisions.Decision.ESCALATED);
        assertThat(decisions.decide(unknownRefund)).isEqualTo(DifferenceDecisions.Decision.ESCALATED);
        verify(settlement, never()).settleByBill(any(), any(), anyLong(), any());
    }

    @Test
    void onlyHereBeforeTheBillDayClosedIsNotAskedAboutYet() {
        ReconDifference d = stored(new Found(DifferenceType.PLATFORM_ONLY, DifferenceKind.PAYMENT, "C4", 400L, "SUCCESS", null, null, null));

        assertThat(decisions.decide(d)).isEqualTo(DifferenceDecisions.Decision.WAITING);

        assertThat(repository.difference(d.id()).orElseThrow().note()).contains("has not closed");
        verify(guard, never()).call(any(), any(), any());
    }

    private ReconDifference stored(Found found) {
        repository.insert(new ReconDifference(0, batch.id(), batch.channel(), DAY, found, "CNY", DifferenceStatus.OPEN, null, null,
                clock.instant()));
        return repository.differences(batch.id()).stream().filter(d -> d.found().identity().equals(found.identity())).findFirst()
                .orElseThrow();
    }
}
