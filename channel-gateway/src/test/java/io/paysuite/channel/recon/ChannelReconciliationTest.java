package io.paysuite.channel.recon;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.recon.ReconKind;
import io.paysuite.channel.payout.Payout;
import io.paysuite.channel.infra.payout.InMemoryPayoutMapper;
import io.paysuite.channel.infra.payout.MyBatisPayoutRepository;
import io.paysuite.channel.infra.payout.PayoutAccountSeal;
import io.paysuite.channel.payout.PayoutRepository;
import io.paysuite.channel.reconcile.PayoutBillRow;
import io.paysuite.channel.reconcile.PayoutBillSource;
import java.nio.charset.StandardCharsets;
import static io.paysuite.channel.recon.ReconFixtures.order;
import static io.paysuite.channel.recon.ReconFixtures.paid;
import static io.paysuite.channel.recon.ReconFixtures.refund;
import static io.paysuite.channel.recon.ReconFixtures.refunded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.recon.DifferenceDTO;
import io.paysuite.api.recon.DifferenceStatus;
import io.paysuite.api.recon.DifferenceKind;
import io.paysuite.api.recon.DifferenceType;
import io.paysuite.api.recon.ReconciliationDTO;
import io.paysuite.api.recon.ResolutionAction;
import io.paysuite.api.recon.ResolveDifferenceCmd;
import io.paysuite.channel.infra.recon.InMemoryReconciliationMapper;
import io.paysuite.channel.infra.recon.MyBatisReconciliationRepository;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.preauth.Completion;
import io.paysuite.channel.preauth.InMemoryCompletions;
import io.paysuite.channel.reconcile.BillRow;
import io.paysuite.channel.reconcile.BillSource;
import io.paysuite.channel.reconcile.SucceededOrders;
import io.paysuite.channel.reconcile.SucceededRefunds;
import io.paysuite.channel.refund.ChannelRefund;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A stored reconciliation run and re-run, against an in-memory store, a scripted bill and a recording ledger. */
class ChannelReconciliationTest {

    static final LocalDate DAY = LocalDate.parse("2026-12-05");

    final Clock clock = Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);
    final List<BillRow> bill = new ArrayList<>();
    final Map<String, ChannelOrder> orders = new LinkedHashMap<>();
    final Map<String, ChannelRefund> refunds = new LinkedHashMap<>();
    final RecordingLedger ledger = new RecordingLedger();
    final MyBatisReconciliationRepository repository = new MyBatisReconciliationRepository(new InMemoryReconciliationMapper());
    final DifferenceDecisions decisions = mock(DifferenceDecisions.class);
    final ReconciliationProperties properties = new ReconciliationProperties("0 30 10 * * *", "Asia/Shanghai", Duration.ofHours(2), "CNY");

    final BillSource alipayBill = new BillSource() {
        @Override
        public ChannelCode channel() {
            return ChannelCode.ALIPAY;
        }

        @Override
        public List<BillRow> rows(LocalDate billDate) {
            return List.copyOf(bill);
        }
    };
    final SucceededOrders ourOrders = new SucceededOrders() {
        @Override
        public List<ChannelOrder> succeededBetween(ChannelCode channel, Instant from, Instant to) {
            return orders.values().stream().filter(o -> o.status() == ChannelOrderStatus.SUCCESS).toList();
        }

        @Override
        public Optional<ChannelOrder> find(String channelOrderNo) {
            return Optional.ofNullable(orders.get(channelOrderNo));
        }
    };
    final SucceededRefunds ourRefunds = new SucceededRefunds() {
        @Override
        public List<ChannelRefund> refundedBetween(ChannelCode channel, Instant from, Instant to) {
            return refunds.values().stream().filter(r -> r.status() == ChannelRefundStatus.SUCCESS).toList();
        }

        @Override
        public Optional<ChannelRefund> findRefund(String refundNo) {
            return Optional.ofNullable(refunds.get(refundNo));
        }
    };
    final InMemoryCompletions completions = new InMemoryCompletions();
    final List<PayoutBillRow> payoutBill = new ArrayList<>();
    final PayoutRepository payouts = new MyBatisPayoutRepository(new InMemoryPayoutMapper(),
            new PayoutAccountSeal("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
    final PayoutBillSource alipayPayoutBill = new PayoutBillSource() {
        @Override
        public ChannelCode channel() {
            return ChannelCode.ALIPAY;
        }

        @Override
        public List<PayoutBillRow> payoutRows(LocalDate billDate) {
            return List.copyOf(payoutBill);
        }
    };
    /** The agreed rates by method, all Alipay's; none unless a test states one. */
    final Map<PayMethod, FeeRate> agreed = new LinkedHashMap<>();
    final FeeRates rates = (channel, method) -> channel == ChannelCode.ALIPAY ? Optional.ofNullable(agreed.get(method)) : Optional.empty();
    final ChannelReconciliation reconciliation = new ChannelReconciliation(List.of(alipayBill), List.of(alipayPayoutBill), payouts,
            ourOrders, ourRefunds, completions, repository,
            decisions, new DayClearing(repository, ledger, clock), rates, properties, clock);
    final Reconciliations reading = new Reconciliations(repository);
    final OperatorResolutions operators = new OperatorResolutions(repository, ledger, decisions, payouts, clock);

    {
        when(decisions.decide(any())).thenReturn(DifferenceDecisions.Decision.WAITING);
    }

    void ours(ChannelOrder order) {
        orders.put(order.channelOrderNo(), order);
    }

    @Test
    void aCleanDayIsOneBalancedBatchClearedOnceUnderItsDayKey() {
        ours(order("C1", 1_000, ChannelOrderStatus.SUCCESS));
        ours(order("C2", 2_000, ChannelOrderStatus.SUCCESS));
        refunds.put("R1", refund("R1", "C1", 400, ChannelRefundStatus.SUCCESS));
        bill.addAll(List.of(paid("C1", 1_000), paid("C2", 2_000), refunded("C1", "R1", 400)));

        ReconciliationDTO first = reconciliation.run(ChannelCode.ALIPAY, DAY);
        ReconciliationDTO again = reconciliation.run(ChannelCode.ALIPAY, DAY);

        assertThat(first.status()).isEqualTo(ReconciliationDTO.BatchStatus.BALANCED);
        assertThat(first.matched()).isEqualTo(3);
        assertThat(first.differencesOpen()).isZero();
        assertThat(first.settledMinor()).isEqualTo(3_000 - 400 - 16);
        assertThat(first.clearingPostingKey()).isEqualTo("CLEAR-ALIPAY-20261205");
        assertThat(again.reconciliationId()).isEqualTo(first.reconciliationId());
        assertThat(again.runs()).isEqualTo(2);
        assertThat(ledger.clearings).containsExactly("CLEAR-ALIPAY-20261205 net=2600 fee=16");
    }

    @Test
    void aPreAuthorisationsCompletionIsMatchedAsAPaymentOfTheCapturedAmountAndClearedWithTheDay() {
        ours(order("C1", 1_000, ChannelOrderStatus.SUCCESS));
        // the authorisation froze 10.00 (no line, not among our paid charges); its completion took 6.00
        completions.record(new Completion("K1", "C7", "P7", "T7", "M100001", ChannelCode.ALIPAY,
                io.paysuite.api.pay.PayMethod.BANK_CARD, Money.cny(600), "Q-K1", ReconFixtures.IN_DAY, ReconFixtures.IN_DAY));
        bill.addAll(List.of(paid("C1", 1_000), paid("K1", 600)));

        ReconciliationDTO run = reconciliation.run(ChannelCode.ALIPAY, DAY);

        assertThat(run.status()).isEqualTo(ReconciliationDTO.BatchStatus.BALANCED);
        assertThat(run.matched()).isEqualTo(2);
        assertThat(run.differencesOpen()).isZero();
        assertThat(ledger.clearings).as("the captured money leaves CHANNEL_CLEARING with the day")
                .containsExactly("CLEAR-ALIPAY-20261205 net=1600 fee=9");
    }

    @Test
    void aCompletionTheBillListsForAnotherAmountIsAnAmountMismatch() {
        completions.record(new Completion("K1", "C7", "P7", "T7", "M100001", ChannelCode.ALIPAY,
                io.paysuite.api.pay.PayMethod.BANK_CARD, Money.cny(600), "Q-K1", ReconFixtures.IN_DAY, ReconFixtures.IN_DAY));
        bill.add(paid("K1", 1_000));

        assertThat(types(reconciliation.run(ChannelCode.ALIPAY, DAY))).containsExactly(DifferenceType.AMOUNT_MISMATCH);
    }

    @Test
    void aReRunAddsOnlyNewDifferencesKeepsResolvedOnesAndSelfHealsTheOnesThatDisappeared() {
        ours(order("C3", 300, ChannelOrderStatus.PROCESSING));
        ours(order("C4", 400, ChannelOrderStatus.SUCCESS));
        bill.addAll(List.of(paid("C3", 300), paid("C9", 900)));
        ReconciliationDTO first = reconciliation.run(ChannelCode.ALIPAY, DAY);
        assertThat(types(first)).containsExactlyInAnyOrder(DifferenceType.STATUS_MISMATCH, DifferenceType.CHANNEL_ONLY,
                DifferenceType.PLATFORM_ONLY);
        assertThat(first.lastRun()).isEqualTo(new ReconciliationDTO.RunChanges(3, 0, 0, 0));
        long channelOnly = differenceOf(first, DifferenceType.CHANNEL_ONLY).differenceId();
        operators.resolve(new ResolveDifferenceCmd(channelOnly, ResolutionAction.ADJUST, "unknown payment, parked", "ops:alice"));

        // since: our processing order settled, the channel added the missing line, and a new line appeared
        ours(order("C3", 300, ChannelOrderStatus.SUCCESS));
        bill.addAll(List.of(paid("C4", 400), paid("C8", 800)));
        ReconciliationDTO second = reconciliation.run(ChannelCode.ALIPAY, DAY);

        assertThat(second.reconciliationId()).isEqualTo(first.reconciliationId());
        assertThat(second.lastRun()).isEqualTo(new ReconciliationDTO.RunChanges(1, 2, 0, 0));
        List<DifferenceDTO> all = reading.differences(second.reconciliationId());
        assertThat(all).hasSize(4);
        assertThat(all).filteredOn(d -> d.status() == DifferenceStatus.RESOLVED).extracting(d -> d.resolution().action())
                .containsExactlyInAnyOrder(ResolutionAction.ADJUST, ResolutionAction.SELF_HEALED, ResolutionAction.SELF_HEALED);
        assertThat(all).filteredOn(d -> d.status() == DifferenceStatus.OPEN).extracting(DifferenceDTO::channelNo).containsExactly("C8");
        assertThat(second.differencesOpen()).isEqualTo(1);
        assertThat(second.differencesResolved()).isEqualTo(3);

        ReconciliationDTO third = reconciliation.run(ChannelCode.ALIPAY, DAY);
        assertThat(third.lastRun()).isEqualTo(new ReconciliationDTO.RunChanges(0, 0, 0, 0));
        assertThat(reading.differences(third.reconciliationId())).isEqualTo(all);
    }

    @Test
    void aCorrectedBillClearsOnlyItsChangeUnderAKeyNamingWhatWasClearedBefore() {
        ours(order("C1", 1_000, ChannelOrderStatus.SUCCESS));
        bill.add(paid("C1", 1_000));
        reconciliation.run(ChannelCode.ALIPAY, DAY);
        bill.add(paid("C2", 2_000));

        ReconciliationDTO corrected = reconciliation.run(ChannelCode.ALIPAY, DAY);

        assertThat(ledger.clearings).containsExactly("CLEAR-ALIPAY-20261205 net=1000 fee=6",
                "CLEAR-ALIPAY-20261205-1000-6 net=2000 fee=12");
        assertThat(corrected.clearingPostingKey()).isEqualTo("CLEAR-ALIPAY-20261205-1000-6");
    }

    @Test
    void anOperatorsAcceptOrAdjustPostsTheDifferenceUnderItsOwnKeyWithWhoAndWhy() {
        ours(order("C1", 1_000, ChannelOrderStatus.SUCCESS));
        bill.add(paid("C1", 990));
        ReconciliationDTO batch = reconciliation.run(ChannelCode.ALIPAY, DAY);
        DifferenceDTO mismatch = differenceOf(batch, DifferenceType.AMOUNT_MISMATCH);

        DifferenceDTO accepted = operators.resolve(new ResolveDifferenceCmd(mismatch.differenceId(), ResolutionAction.ACCEPT,
                "the channel short-paid, agreed with them", "ops:bob")).toDTO();
        DifferenceDTO repeated = operators.resolve(new ResolveDifferenceCmd(mismatch.differenceId(), ResolutionAction.ACCEPT,
                "the channel short-paid, agreed with them", "ops:bob")).toDTO();

        String key = "RECON-ACCEPT-" + mismatch.differenceId();
        assertThat(ledger.differences).containsExactly(key + " effect=-10 owedBack=false");
        assertThat(accepted.status()).isEqualTo(DifferenceStatus.RESOLVED);
        assertThat(accepted.resolution().by()).isEqualTo("ops:bob");
        assertThat(accepted.resolution().reason()).isEqualTo("the channel short-paid, agreed with them");
        assertThat(accepted.resolution().postingKey()).isEqualTo(key);
        assertThat(repeated).isEqualTo(accepted);
        assertThatThrownBy(() -> operators.resolve(new ResolveDifferenceCmd(mismatch.differenceId(), ResolutionAction.ADJUST, "x", "ops:bob")))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.DIFFERENCE_RESOLVED);
        assertThat(reading.get(batch.reconciliationId()).differencesOpen()).isZero();
        assertThat(reading.get(batch.reconciliationId()).status()).isEqualTo(ReconciliationDTO.BatchStatus.BALANCED);
        assertThat(reconciliation.run(ChannelCode.ALIPAY, DAY).differencesOpen()).isZero();
    }

    @Test
    void anOperatorMustSayWhyAndRefundOnlyPaysBackAPaymentOnlyAtTheChannel() {
        ours(order("C1", 1_000, ChannelOrderStatus.SUCCESS));
        bill.add(paid("C1", 990));
        DifferenceDTO mismatch = differenceOf(reconciliation.run(ChannelCode.ALIPAY, DAY), DifferenceType.AMOUNT_MISMATCH);

        assertThatThrownBy(() -> operators.resolve(new ResolveDifferenceCmd(mismatch.differenceId(), ResolutionAction.ACCEPT, " ", "ops")))
                .isInstanceOf(BizException.class);
        assertThatThrownBy(() -> operators.resolve(new ResolveDifferenceCmd(mismatch.differenceId(), ResolutionAction.REFUND, "why", "ops")))
                .isInstanceOf(BizException.class).hasMessageContaining("REFUND pays back a payment only at the channel");
        assertThatThrownBy(() -> operators.resolve(new ResolveDifferenceCmd(mismatch.differenceId(), ResolutionAction.SELF_HEALED, "why",
                "ops"))).isInstanceOf(BizException.class);
        assertThat(ledger.differences).isEmpty();
    }

    @Test
    void aDayWhoseBillChargesMoreFeeThanTheAgreedRateHasOneFeeDifferenceAndStillClearsWhatTheChannelKept() {
        agreed.put(PayMethod.ALIPAY_QR, new FeeRate(60, 0));
        ours(order("C1", 1_000, ChannelOrderStatus.SUCCESS));
        ours(order("C2", 1_250, ChannelOrderStatus.SUCCESS));
        refunds.put("R1", refund("R1", "C1", 404, ChannelRefundStatus.SUCCESS));
        // agreed: 6 + 8 (7.5 half up) − 2 (2.424 given back) = 12; the bill charges 7 fen more on C2
        bill.addAll(List.of(paid("C1", 1_000), new BillRow("C2", "2026C2", BillRow.Kind.PAYMENT, 1_250, ReconFixtures.IN_DAY, null, 15),
                refunded("C1", "R1", 404)));

        ReconciliationDTO batch = reconciliation.run(ChannelCode.ALIPAY, DAY);

        DifferenceDTO fee = differenceOf(batch, DifferenceType.FEE_MISMATCH);
        assertThat(fee.kind()).isEqualTo(DifferenceKind.FEE);
        assertThat(fee.channelNo()).isEqualTo("FEE-ALIPAY-20261205");
        assertThat(fee.channelAmountMinor()).as("the bill's fee").isEqualTo(6 + 15 - 2);
        assertThat(fee.ourAmountMinor()).as("our rate's").isEqualTo(12);
        assertThat(fee.ourNo()).isNull();
        assertThat(batch.matched()).as("every line matches: the fee is the day's, not a line's").isEqualTo(3);
        assertThat(batch.billFeeMinor()).isEqualTo(19);
        assertThat(batch.expectedMinor()).isEqualTo(2_250 - 404 - 12);
        assertThat(batch.settledMinor()).isEqualTo(2_250 - 404 - 19);
        assertThat(batch.status()).isEqualTo(ReconciliationDTO.BatchStatus.DIFFERENCES_OPEN);
        assertThat(ledger.clearings).as("clearing books what the channel kept").containsExactly("CLEAR-ALIPAY-20261205 net=1846 fee=19");
        assertThat(reading.get(batch.reconciliationId()).expectedMinor()).as("stored").isEqualTo(2_250 - 404 - 12);

        DifferenceDTO accepted = operators.resolve(new ResolveDifferenceCmd(fee.differenceId(), ResolutionAction.ACCEPT,
                "rate raised by the channel, contract updated", "ops:dan")).toDTO();
        assertThat(accepted.status()).isEqualTo(DifferenceStatus.RESOLVED);
        assertThat(accepted.resolution().postingKey()).as("nothing to book").isNull();
        assertThat(accepted.resolution().outcome()).contains("CHANNEL_FEE_EXPENSE");
        assertThat(ledger.differences).isEmpty();
    }

    @Test
    void aFeeDifferenceIsFoundOnceAndSelfHealsWhenTheChannelCorrectsItsBill() {
        agreed.put(PayMethod.ALIPAY_QR, new FeeRate(60, 0));
        ours(order("C1", 1_000, ChannelOrderStatus.SUCCESS));
        bill.add(new BillRow("C1", "2026C1", BillRow.Kind.PAYMENT, 1_000, ReconFixtures.IN_DAY, null, 10));
        ReconciliationDTO first = reconciliation.run(ChannelCode.ALIPAY, DAY);
        ReconciliationDTO again = reconciliation.run(ChannelCode.ALIPAY, DAY);
        assertThat(types(again)).containsExactly(DifferenceType.FEE_MISMATCH);
        assertThat(again.lastRun().added()).isZero();

        bill.clear();
        bill.add(paid("C1", 1_000));
        ReconciliationDTO corrected = reconciliation.run(ChannelCode.ALIPAY, DAY);

        assertThat(corrected.reconciliationId()).isEqualTo(first.reconciliationId());
        assertThat(corrected.lastRun().selfHealed()).isEqualTo(1);
        assertThat(corrected.status()).isEqualTo(ReconciliationDTO.BatchStatus.BALANCED);
        assertThat(corrected.expectedMinor()).isEqualTo(corrected.settledMinor());
    }

    @Test
    void linesWhoseRateWeDoNotKnowAreTakenAtTheBillsFee() {
        agreed.put(PayMethod.ALIPAY_CODE, new FeeRate(60, 0));
        ours(order("C1", 1_000, ChannelOrderStatus.SUCCESS)); // ALIPAY_QR: no rate for it
        bill.addAll(List.of(new BillRow("C1", "2026C1", BillRow.Kind.PAYMENT, 1_000, ReconFixtures.IN_DAY, null, 9),
                new BillRow("C9", "2026C9", BillRow.Kind.PAYMENT, 900, ReconFixtures.IN_DAY, null, 50)));

        ReconciliationDTO batch = reconciliation.run(ChannelCode.ALIPAY, DAY);

        assertThat(types(batch)).as("only the line of no order of ours").containsExactly(DifferenceType.CHANNEL_ONLY);
        assertThat(batch.expectedMinor()).isEqualTo(1_000 - 59);
    }

    @Test
    void anOperatorsRefundPaysThePaymentOnlyAtTheChannelBackAndIsResolvedOnceTheChannelRefunded() {
        bill.add(paid("C9", 900));
        DifferenceDTO unowned = differenceOf(reconciliation.run(ChannelCode.ALIPAY, DAY), DifferenceType.CHANNEL_ONLY);
        ChannelRefund underWay = new ChannelRefund("LATEC9", "C9", ChannelCode.ALIPAY, Money.cny(900), ChannelRefundStatus.PROCESSING,
                null, null, ReconFixtures.IN_DAY, null);
        ChannelRefund refunded = new ChannelRefund("LATEC9", "C9", ChannelCode.ALIPAY, Money.cny(900), ChannelRefundStatus.SUCCESS,
                "10000", null, ReconFixtures.IN_DAY, ReconFixtures.IN_DAY);
        when(decisions.payBackUnowned(any())).thenReturn(Optional.of(underWay)).thenReturn(Optional.of(refunded));
        ResolveDifferenceCmd refund = new ResolveDifferenceCmd(unowned.differenceId(), ResolutionAction.REFUND,
                "buyer complained, no order of ours", "ops:carol");

        DifferenceDTO first = operators.resolve(refund).toDTO();
        DifferenceDTO second = operators.resolve(refund).toDTO();

        assertThat(first.status()).as("the channel has not refunded yet").isEqualTo(DifferenceStatus.OPEN);
        assertThat(first.note()).contains("ops:carol").contains("PROCESSING").contains("resolve again");
        assertThat(second.status()).isEqualTo(DifferenceStatus.RESOLVED);
        assertThat(second.resolution().action()).isEqualTo(ResolutionAction.REFUND);
        assertThat(second.resolution().by()).isEqualTo("ops:carol");
        assertThat(second.resolution().reason()).isEqualTo("buyer complained, no order of ours");
        assertThat(second.resolution().postingKey()).as("the pay-back's own entry").isEqualTo("PAYBACK-C9");
        assertThat(ledger.differences).as("nothing booked to suspense: the pay-back books itself").isEmpty();
        assertThat(operators.resolve(refund).toDTO()).as("a repeat answers the same").isEqualTo(second);
    }

    @Test
    void thePayoutBillIsItsOwnBatchBesideTheTradeBillsClearsNothingAndARerunFindsNothingNew() {
        payouts.insert(new Payout("PO1", PayoutPurpose.SETTLEMENT, "M1", Money.cny(10_000), "6222020200001234", "Shop", null,
                PayoutStatus.SUCCESS, "SUCCESS", "A1", Instant.parse("2026-12-05T02:00:00Z"), Instant.parse("2026-12-05T02:00:01Z")));
        payouts.insert(new Payout("PO2", PayoutPurpose.SETTLEMENT, "M1", Money.cny(500), "6222020200006666", "Shop", null,
                PayoutStatus.PROCESSING, null, null, Instant.parse("2026-12-05T03:00:00Z"), null));
        payoutBill.add(new PayoutBillRow("PO1", PayoutBillRow.Kind.TRANSFER, 10_000, "A1"));
        payoutBill.add(new PayoutBillRow("PO2", PayoutBillRow.Kind.TRANSFER, 500, "A2"));
        bill.add(paid("C1", 1_000));
        ours(order("C1", 1_000, ChannelOrderStatus.SUCCESS));

        ReconciliationDTO trades = reconciliation.run(ChannelCode.ALIPAY, DAY);
        ReconciliationDTO first = reconciliation.runPayouts(DAY);
        ReconciliationDTO again = reconciliation.runPayouts(DAY);

        assertThat(first.kind()).isEqualTo(ReconKind.PAYOUT);
        assertThat(first.reconciliationId()).isNotEqualTo(trades.reconciliationId());
        assertThat(first.matched()).isEqualTo(1);
        assertThat(first.differencesOpen()).isEqualTo(1);
        assertThat(first.clearingPostingKey()).as("payouts never pass CHANNEL_CLEARING").isNull();
        assertThat(reading.differences(first.reconciliationId())).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DifferenceKind.PAYOUT);
            assertThat(d.type()).isEqualTo(DifferenceType.STATUS_MISMATCH);
            assertThat(d.ourNo()).isEqualTo("PO2");
        });
        assertThat(again.reconciliationId()).isEqualTo(first.reconciliationId());
        assertThat(again.lastRun().added()).isZero();
        assertThat(ledger.clearings).hasSize(1);
    }

    @Test
    void anAcceptedPayoutTheBillContradictsCorrectsTheBankAgainstItsOwnerAndEverythingElseGoesToSuspense() {
        Instant created = Instant.parse("2026-12-05T02:00:00Z");
        Instant finished = Instant.parse("2026-12-05T02:00:01Z");
        // failed here (money re-credited to M1's available), but the bank paid it
        payouts.insert(new Payout("PO3", PayoutPurpose.SETTLEMENT, "M1", Money.cny(3_000), "6222020200001234", "Shop", null,
                PayoutStatus.FAILED, "BANK_REFUSED", "A3", created, finished));
        // booked paid here (out of PLATFORM_BANK), but the buyer's bank sent it back
        payouts.insert(new Payout("PO4", PayoutPurpose.WITHDRAWAL, "B4", Money.cny(400), "6222020200004444", "Buyer", null,
                PayoutStatus.SUCCESS, "SUCCESS", "A4", created, finished));
        payouts.insert(new Payout("PO5", PayoutPurpose.SETTLEMENT, "M5", Money.cny(500), "6222020200005555", "Shop", null,
                PayoutStatus.PROCESSING, null, null, created, null));
        payoutBill.add(new PayoutBillRow("PO3", PayoutBillRow.Kind.TRANSFER, 3_000, "A3"));
        payoutBill.add(new PayoutBillRow("PO4", PayoutBillRow.Kind.RETURN, 400, "A4"));
        payoutBill.add(new PayoutBillRow("PO5", PayoutBillRow.Kind.TRANSFER, 500, "A5"));
        payoutBill.add(new PayoutBillRow("PO9", PayoutBillRow.Kind.TRANSFER, 900, "A9"));
        ReconciliationDTO batch = reconciliation.runPayouts(DAY);
        Map<String, Long> ids = new LinkedHashMap<>();
        reading.differences(batch.reconciliationId()).forEach(d -> ids.put(d.ourNo() != null ? d.ourNo() : d.channelNo(), d.differenceId()));

        operators.resolve(new ResolveDifferenceCmd(ids.get("PO3"), ResolutionAction.ACCEPT, "the bank paid it", "ops:alice"));
        operators.resolve(new ResolveDifferenceCmd(ids.get("PO4"), ResolutionAction.ACCEPT, "returned by the bank", "ops:alice"));
        operators.resolve(new ResolveDifferenceCmd(ids.get("PO9"), ResolutionAction.ACCEPT, "taken up with the channel", "ops:alice"));
        DifferenceDTO processing = reading.differences(batch.reconciliationId()).stream()
                .filter(d -> "PO5".equals(d.ourNo())).findFirst().orElseThrow();
        operators.resolve(new ResolveDifferenceCmd(processing.differenceId(), ResolutionAction.ADJUST, "its answer books it", "ops:bob"));

        assertThat(ledger.differences).containsExactly(
                "RECON-ACCEPT-" + ids.get("PO3") + " bank=-3000 counter=SETTLEMENT:M1",
                "RECON-ACCEPT-" + ids.get("PO4") + " bank=400 counter=WITHDRAWAL:B4",
                "RECON-ACCEPT-" + ids.get("PO9") + " bank=-900 counter=SUSPENSE");
        assertThat(reading.differences(batch.reconciliationId())).filteredOn(d -> "PO5".equals(d.ourNo())).singleElement()
                .satisfies(d -> assertThat(d.resolution().outcome()).contains("own final answer"));
    }

    @Test
    void anAdjustedPayoutDifferenceBooksTheBanksMovementAgainstSuspenseEvenWhenTheBillContradictsAFinalPayout() {
        payouts.insert(new Payout("PO3", PayoutPurpose.SETTLEMENT, "M1", Money.cny(3_000), "6222020200001234", "Shop", null,
                PayoutStatus.FAILED, "BANK_REFUSED", "A3", Instant.parse("2026-12-05T02:00:00Z"), Instant.parse("2026-12-05T02:00:01Z")));
        payoutBill.add(new PayoutBillRow("PO3", PayoutBillRow.Kind.TRANSFER, 3_000, "A3"));
        DifferenceDTO d = reading.differences(reconciliation.runPayouts(DAY).reconciliationId()).get(0);

        DifferenceDTO resolved = operators.resolve(new ResolveDifferenceCmd(d.differenceId(), ResolutionAction.ADJUST, "merchant asked",
                "ops:alice")).toDTO();

        assertThat(ledger.differences).containsExactly("RECON-ADJUST-" + d.differenceId() + " bank=-3000 counter=SUSPENSE");
        assertThat(resolved.resolution().postingKey()).isEqualTo("RECON-ADJUST-" + d.differenceId());
    }

    @Test
    void aDayNotBegunAndAChannelWithoutABillAreRefusedAndStoreNothing() {
        assertThatThrownBy(() -> reconciliation.run(ChannelCode.ALIPAY, DAY.plusDays(5))).isInstanceOf(BizException.class)
                .hasMessageContaining("has not begun");
        assertThatThrownBy(() -> reconciliation.run(ChannelCode.WECHAT, DAY)).isInstanceOf(BizException.class)
                .extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.SERVICE_DEGRADED);
        assertThat(reading.list(null, 10)).isEmpty();
    }

    private List<DifferenceType> types(ReconciliationDTO batch) {
        return reading.differences(batch.reconciliationId()).stream().map(DifferenceDTO::type).toList();
    }

    private DifferenceDTO differenceOf(ReconciliationDTO batch, DifferenceType type) {
        return reading.differences(batch.reconciliationId()).stream().filter(d -> d.type() == type).findFirst().orElseThrow();
    }

    /** The ledger's entries as text, all confirmed. */
    static final class RecordingLedger implements ReconciliationLedger {

        final List<String> clearings = new ArrayList<>();
        final List<String> differences = new ArrayList<>();

        @Override
        public boolean clear(ChannelCode channel, LocalDate billDate, String postingKey, long net, long fee, String currency) {
            clearings.add(postingKey + " net=" + net + " fee=" + fee);
            return true;
        }

        @Override
        public void settleDifference(ReconDifference difference, String postingKey, long effect, boolean owedBack, String memo) {
            if (differences.stream().noneMatch(d -> d.startsWith(postingKey + " "))) {
                differences.add(postingKey + " effect=" + effect + " owedBack=" + owedBack);
            }
        }

        @Override
        public void settlePayoutDifference(ReconDifference difference, String postingKey, long bankEffect, Payout owner, String memo) {
            if (differences.stream().noneMatch(d -> d.startsWith(postingKey + " "))) {
                differences.add(postingKey + " bank=" + bankEffect + " counter="
                        + (owner == null ? "SUSPENSE" : owner.purpose() + ":" + owner.ownerId()));
            }
        }

        @Override
        public boolean posted(String postingKey) {
            return false;
        }
    }
}
