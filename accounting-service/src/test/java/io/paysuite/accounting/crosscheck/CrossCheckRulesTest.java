package io.paysuite.accounting.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.crosscheck.DisagreementKind;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossCheckRulesTest {

    private static final String REFUND_NO = "R2026120612000201000010042";
    private static final String OTHER_PAY_ORDER = "P2026120612000301000010042";

    private static List<DisagreementKind> kinds(TradeStory story) {
        return CrossCheckRules.compare(story.sides()).stream().map(Disagreement::kind).toList();
    }

    @Test
    void aWalletPaymentThatAgreesEverywhereHasNoDisagreement() {
        assertThat(CrossCheckRules.compare(TradeStory.paidByWallet(1000).sides())).isEmpty();
    }

    @Test
    void aChannelPaymentWithAPartialRefundThatAgreesEverywhereHasNoDisagreement() {
        TradeStory story = TradeStory.paidByChannel(1000).trade(TradeStatus.SUCCESS, TradeType.INSTANT, 1000, 300)
                .refund(REFUND_NO, RefundStatus.SUCCESS, 300).refundEntry(REFUND_NO, 300);
        assertThat(CrossCheckRules.compare(story.sides())).isEmpty();
    }

    @Test
    void aFailedRefundWhosePostingWasReversedAgrees() {
        TradeStory story = TradeStory.paidByWallet(1000).refund(REFUND_NO, RefundStatus.FAILED, 300)
                .refundEntry(REFUND_NO, 300).reversalEntry(REFUND_NO, 300);
        assertThat(CrossCheckRules.compare(story.sides())).isEmpty();
    }

    @Test
    void aRefundStillProcessingWithItsPostingAgrees() {
        TradeStory story = TradeStory.paidByWallet(1000).trade(TradeStatus.SUCCESS, TradeType.INSTANT, 1000, 300)
                .refund(REFUND_NO, RefundStatus.PROCESSING, 300).refundEntry(REFUND_NO, 300);
        assertThat(CrossCheckRules.compare(story.sides())).isEmpty();
    }

    @Test
    void aFinishedGuaranteeTradeReleasedOnceAgrees() {
        TradeStory story = new TradeStory().trade(TradeStatus.FINISHED, TradeType.GUARANTEE, 1000, 0)
                .payOrder(TradeStory.PAY_ORDER_NO, PayOrderStatus.SUCCESS, PayMethod.BALANCE, 1000, null)
                .paymentEntry(TradeStory.PAY_ORDER_NO, 1000, true).releaseEntry(1000);
        assertThat(CrossCheckRules.compare(story.sides())).isEmpty();
    }

    @Test
    void aClosedTradeWithAFailedAttemptAndNoEntryAgrees() {
        TradeStory story = new TradeStory().trade(TradeStatus.CLOSED, TradeType.INSTANT, 0, 0)
                .payOrder(TradeStory.PAY_ORDER_NO, PayOrderStatus.FAILED, PayMethod.BALANCE, 1000, null);
        assertThat(CrossCheckRules.compare(story.sides())).isEmpty();
    }

    @Test
    void anAuthorisedPreAuthorisationWhosePaymentEntryFillsTheHoldAgrees() {
        assertThat(CrossCheckRules.compare(TradeStory.authorisedByWallet(1000).sides())).isEmpty();
    }

    @Test
    void aPartlyCapturedPreAuthorisationWhoseHoldIsEmptiedByOneCaptureAgrees() {
        TradeStory story = TradeStory.authorisedByWallet(1000).preAuth(TradeStatus.CAPTURED, 1000, 600).holdEndEntry(1000, 600);
        assertThat(CrossCheckRules.compare(story.sides())).isEmpty();
    }

    @Test
    void aVoidedPreAuthorisationWhoseHoldWentBackToTheBuyerAgrees() {
        TradeStory story = TradeStory.authorisedByWallet(1000).preAuth(TradeStatus.VOIDED, 1000, 0).holdEndEntry(1000, 0);
        assertThat(CrossCheckRules.compare(story.sides())).isEmpty();
    }

    @Test
    void aCardPreAuthorisationCapturedInPartAtItsChannelAgrees() {
        TradeStory story = TradeStory.authorisedByCard(1000).preAuth(TradeStatus.CAPTURED, 1000, 600).cardCaptureEntry(1000, 600);
        assertThat(CrossCheckRules.compare(story.sides())).isEmpty();
    }

    @Test
    void aCardPreAuthorisationCapturedButNotYetCompletedAtItsChannelStillHoldsTheMoney() {
        TradeStory story = TradeStory.authorisedByCard(1000).preAuth(TradeStatus.CAPTURED, 1000, 600);
        assertThat(kinds(story)).containsExactly(DisagreementKind.ESCROW_NOT_RELEASED);
    }

    @Test
    void aCapturedPreAuthorisationWithoutItsCaptureEntryStillHoldsTheMoney() {
        TradeStory story = TradeStory.authorisedByWallet(1000).preAuth(TradeStatus.CAPTURED, 1000, 600);
        assertThat(kinds(story)).containsExactly(DisagreementKind.ESCROW_NOT_RELEASED);
        assertThat(CrossCheckRules.compare(story.sides()).get(0).sides()).contains("the pre-auth hold holds 1000");
    }

    @Test
    void anAuthorisedPreAuthorisationAlreadyCapturedInTheLedgerDisagrees() {
        TradeStory story = TradeStory.authorisedByWallet(1000).holdEndEntry(1000, 1000);
        assertThat(kinds(story)).containsExactly(DisagreementKind.ESCROW_NOT_RELEASED);
    }

    @Test
    void aPreAuthorisationAuthorisedForLessThanTheTradeDisagreesAboutThePayment() {
        TradeStory story = new TradeStory().preAuth(TradeStatus.AUTHORIZED, 1000, 1000)
                .payOrder(TradeStory.PAY_ORDER_NO, PayOrderStatus.SUCCESS, PayMethod.BALANCE, 1000, null)
                .authorisationEntry(TradeStory.PAY_ORDER_NO, 900);
        assertThat(kinds(story)).containsExactly(DisagreementKind.PAYMENT_AMOUNT);
    }

    @Test
    void anUnknownTradeWithoutEntriesIsNothingToCompare() {
        assertThat(CrossCheckRules.compare(new TradeStory().noTrade().sides())).isEmpty();
    }

    /** One story per kind: the smallest departure from an agreeing trade that shows it. */
    private static Map<DisagreementKind, TradeStory> oneStoryPerKind() {
        Map<DisagreementKind, TradeStory> stories = new EnumMap<>(DisagreementKind.class);
        stories.put(DisagreementKind.TRADE_MISSING, TradeStory.paidByWallet(1000).noTrade());
        stories.put(DisagreementKind.PAYMENT_MISSING, new TradeStory().trade(TradeStatus.SUCCESS, TradeType.INSTANT, 1000, 0)
                .payOrder(TradeStory.PAY_ORDER_NO, PayOrderStatus.SUCCESS, PayMethod.BALANCE, 1000, null));
        stories.put(DisagreementKind.PAYMENT_DUPLICATED, TradeStory.paidByWallet(1000).paymentEntry(OTHER_PAY_ORDER, 1000, false));
        stories.put(DisagreementKind.PAYMENT_AMOUNT, new TradeStory().trade(TradeStatus.SUCCESS, TradeType.INSTANT, 1000, 0)
                .payOrder(TradeStory.PAY_ORDER_NO, PayOrderStatus.SUCCESS, PayMethod.BALANCE, 1000, null)
                .paymentEntry(TradeStory.PAY_ORDER_NO, 999, false));
        stories.put(DisagreementKind.PAYMENT_NOT_PAID, new TradeStory().trade(TradeStatus.CLOSED, TradeType.INSTANT, 0, 0)
                .paymentEntry(TradeStory.PAY_ORDER_NO, 1000, false));
        stories.put(DisagreementKind.PAY_ORDER_MISSING, new TradeStory().trade(TradeStatus.SUCCESS, TradeType.INSTANT, 1000, 0)
                .payOrder(TradeStory.PAY_ORDER_NO, PayOrderStatus.PROCESSING, PayMethod.BALANCE, 1000, null)
                .paymentEntry(TradeStory.PAY_ORDER_NO, 1000, false));
        stories.put(DisagreementKind.PAY_ORDER_DUPLICATED, TradeStory.paidByWallet(1000)
                .payOrder(OTHER_PAY_ORDER, PayOrderStatus.SUCCESS, PayMethod.BALANCE, 1000, null));
        stories.put(DisagreementKind.PAY_ORDER_NOT_PAID, new TradeStory().trade(TradeStatus.WAIT_PAY, TradeType.INSTANT, 0, 0)
                .payOrder(TradeStory.PAY_ORDER_NO, PayOrderStatus.SUCCESS, PayMethod.BALANCE, 1000, null));
        stories.put(DisagreementKind.PAY_ORDER_AMOUNT, new TradeStory().trade(TradeStatus.SUCCESS, TradeType.INSTANT, 1000, 0)
                .payOrder(TradeStory.PAY_ORDER_NO, PayOrderStatus.SUCCESS, PayMethod.BALANCE, 900, null)
                .paymentEntry(TradeStory.PAY_ORDER_NO, 1000, false));
        stories.put(DisagreementKind.CHANNEL_ORDER_MISMATCH, TradeStory.paidByChannel(1000)
                .channelOrder(TradeStory.PAY_ORDER_NO, ChannelOrderStatus.PROCESSING, 1000));
        stories.put(DisagreementKind.REFUND_ENTRY_MISSING, TradeStory.paidByWallet(1000)
                .trade(TradeStatus.SUCCESS, TradeType.INSTANT, 1000, 300).refund(REFUND_NO, RefundStatus.SUCCESS, 300));
        stories.put(DisagreementKind.REFUND_AMOUNT, TradeStory.paidByWallet(1000)
                .trade(TradeStatus.SUCCESS, TradeType.INSTANT, 1000, 300).refund(REFUND_NO, RefundStatus.SUCCESS, 300)
                .refundEntry(REFUND_NO, 200));
        stories.put(DisagreementKind.REFUND_NOT_REFUNDED, TradeStory.paidByWallet(1000)
                .trade(TradeStatus.SUCCESS, TradeType.INSTANT, 1000, 300).refundNotFound(REFUND_NO).refundEntry(REFUND_NO, 300));
        stories.put(DisagreementKind.REFUND_EXCESS, TradeStory.paidByWallet(1000)
                .trade(TradeStatus.SUCCESS, TradeType.INSTANT, 1000, 100).refund(REFUND_NO, RefundStatus.PROCESSING, 300)
                .refundEntry(REFUND_NO, 300));
        stories.put(DisagreementKind.ESCROW_NOT_RELEASED, new TradeStory().trade(TradeStatus.FINISHED, TradeType.GUARANTEE, 1000, 0)
                .payOrder(TradeStory.PAY_ORDER_NO, PayOrderStatus.SUCCESS, PayMethod.BALANCE, 1000, null)
                .paymentEntry(TradeStory.PAY_ORDER_NO, 1000, true));
        stories.put(DisagreementKind.RELEASE_NOT_FINISHED, new TradeStory().trade(TradeStatus.SUCCESS, TradeType.GUARANTEE, 1000, 0)
                .payOrder(TradeStory.PAY_ORDER_NO, PayOrderStatus.SUCCESS, PayMethod.BALANCE, 1000, null)
                .paymentEntry(TradeStory.PAY_ORDER_NO, 1000, true).releaseEntry(1000));
        stories.put(DisagreementKind.UNEXPECTED_ENTRY, TradeStory.paidByWallet(1000).adjustmentEntry("ADJ-stray", 1));
        return stories;
    }

    @Test
    void everyKindOfDisagreementIsFoundAndIsTheOnlyOneItsStoryShows() {
        Map<DisagreementKind, TradeStory> stories = oneStoryPerKind();
        assertThat(stories.keySet()).containsExactlyInAnyOrder(DisagreementKind.values());
        stories.forEach((kind, story) -> assertThat(kinds(story)).as(kind.name()).containsExactly(kind));
    }

    @Test
    void aChannelOrderOfAnotherAmountDisagreesEvenWhenSuccessful() {
        assertThat(kinds(TradeStory.paidByChannel(1000).channelOrder(TradeStory.PAY_ORDER_NO, ChannelOrderStatus.SUCCESS, 999)))
                .containsExactly(DisagreementKind.CHANNEL_ORDER_MISMATCH);
    }

    @Test
    void aSuccessfulRefundWhosePostingWasReversedMissesItsEntry() {
        TradeStory story = TradeStory.paidByWallet(1000).trade(TradeStatus.SUCCESS, TradeType.INSTANT, 1000, 300)
                .refund(REFUND_NO, RefundStatus.SUCCESS, 300).refundEntry(REFUND_NO, 300).reversalEntry(REFUND_NO, 300);
        assertThat(kinds(story)).containsExactly(DisagreementKind.REFUND_ENTRY_MISSING);
    }

    @Test
    void aFailedRefundWhosePostingStandsWasNotRefundedAndIsTooMuchForTheTrade() {
        TradeStory story = TradeStory.paidByWallet(1000).refund(REFUND_NO, RefundStatus.FAILED, 300).refundEntry(REFUND_NO, 300);
        assertThat(kinds(story)).containsExactlyInAnyOrder(DisagreementKind.REFUND_NOT_REFUNDED, DisagreementKind.REFUND_EXCESS);
    }

    @Test
    void aPaymentPostedForAnotherPayOrderThanTheSuccessfulOneDisagrees() {
        TradeStory story = new TradeStory().trade(TradeStatus.SUCCESS, TradeType.INSTANT, 1000, 0)
                .payOrder(TradeStory.PAY_ORDER_NO, PayOrderStatus.SUCCESS, PayMethod.BALANCE, 1000, null)
                .paymentEntry(OTHER_PAY_ORDER, 1000, false);
        assertThat(kinds(story)).containsExactly(DisagreementKind.PAYMENT_AMOUNT);
    }

    @Test
    void aGuaranteeTradeReleasedTwiceDisagreesAboutItsEscrow() {
        TradeStory story = new TradeStory().trade(TradeStatus.FINISHED, TradeType.GUARANTEE, 1000, 0)
                .payOrder(TradeStory.PAY_ORDER_NO, PayOrderStatus.SUCCESS, PayMethod.BALANCE, 1000, null)
                .paymentEntry(TradeStory.PAY_ORDER_NO, 1000, true).releaseEntry(500).releaseEntry(500);
        assertThat(kinds(story)).containsExactly(DisagreementKind.ESCROW_NOT_RELEASED);
    }

    @Test
    void aDisagreementNamesWhatEachSideSays() {
        Disagreement missing = CrossCheckRules.compare(new TradeStory().trade(TradeStatus.SUCCESS, TradeType.INSTANT, 1000, 0)
                .payOrder(TradeStory.PAY_ORDER_NO, PayOrderStatus.SUCCESS, PayMethod.BALANCE, 1000, null).sides()).get(0);
        assertThat(missing.sides()).contains("trade: SUCCESS paid 1000 CNY").contains("ledger: no PAYMENT entry");
        assertThat(missing.key()).isEqualTo("PAYMENT_MISSING/" + TradeStory.TRADE_NO);
    }

    @Test
    void onlyOrderNumbersOfKindTAreTrades() {
        assertThat(TradeSides.isTradeNo(TradeStory.TRADE_NO)).isTrue();
        assertThat(TradeSides.isTradeNo(TradeStory.PAY_ORDER_NO)).isFalse();
        assertThat(TradeSides.isTradeNo("T123")).isFalse();
        assertThat(TradeSides.isTradeNo(null)).isFalse();
    }
}
