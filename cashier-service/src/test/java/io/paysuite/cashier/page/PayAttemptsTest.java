package io.paysuite.cashier.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.RiskContext;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.cashier.api.trade.PayingTrades;
import io.paysuite.cashier.api.trade.TradeWaitProperties;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class PayAttemptsTest {

    private final PayService pay = mock(PayService.class);
    private final TradeService tradeService = mock(TradeService.class);
    private final PayAttempts attempts = new PayAttempts(pay,
            new PayingTrades(tradeService, new TradeWaitProperties(Duration.ofMillis(200), Duration.ofMillis(1))),
            new CashierPageProperties(List.of(PayMethod.BALANCE), Duration.ofMinutes(30), Duration.ofSeconds(2), Duration.ofSeconds(5)));
    private final TradeDTO trade = new TradeDTO("T1", "M1", "O1", TradeType.INSTANT, TradeStatus.WAIT_PAY, Money.cny(1234),
            Money.cny(0), Money.cny(0), "tea", null, null, "https://m/notify", "https://m/return",
            Instant.now().plusSeconds(600), Instant.now(), null, null);

    private PayOutcome payNow() {
        return attempts.pay(trade, "U1", PayMethod.BALANCE, "135790", "CP1234567", null, null, false, "/cashier/tok",
                RiskContext.NONE, null);
    }

    private static Result<PayOrderDTO> order(PayOrderStatus status) {
        return Result.ok(new PayOrderDTO("P1", "T1", "CP1234567", "U1", "M1", PayMethod.BALANCE, status, Money.cny(1234),
                Instant.now(), null));
    }

    @Test
    void aTimeoutIsShownAsInProgressNeverAsAFailure() {
        when(pay.pay(any())).thenThrow(new RpcException(RpcException.TIMEOUT_EXCEPTION, "timeout"));

        assertThat(payNow()).isEqualTo(new PayOutcome.Shown(StatusPage.inProgress("/cashier/tok", 2)));
    }

    @Test
    void aSystemErrorOrAProcessingOrderIsInProgress() {
        when(pay.pay(any())).thenReturn(Result.fail(ErrorCode.SYSTEM_ERROR, "boom"));
        assertThat(payNow()).isInstanceOf(PayOutcome.Shown.class);

        when(pay.pay(any())).thenReturn(order(PayOrderStatus.PROCESSING));
        assertThat(((PayOutcome.Shown) payNow()).page().status()).isEqualTo("PAYING");
    }

    @Test
    void aDegradedPayCoreIsInProgressNeverARefusal() {
        when(pay.pay(any())).thenReturn(Result.fail(ErrorCode.SERVICE_DEGRADED, "shedding load"));

        assertThat(payNow()).isEqualTo(new PayOutcome.Shown(StatusPage.inProgress("/cashier/tok", 2)));
    }

    @Test
    void anotherAttemptUnderWayIsInProgress() {
        when(pay.pay(any())).thenReturn(Result.fail(ErrorCode.TRADE_PAYING, "paying"));

        assertThat(payNow()).isEqualTo(new PayOutcome.Shown(StatusPage.inProgress("/cashier/tok", 2)));
    }

    @Test
    void aSuccessShowsSuccessAndGoesBackToTheMerchantOnceTheTradeIsPaid() {
        when(pay.pay(any())).thenReturn(order(PayOrderStatus.SUCCESS));
        when(tradeService.get(any())).thenReturn(Result.ok(tradeIn(TradeStatus.PAYING)), Result.ok(tradeIn(TradeStatus.SUCCESS)));

        assertThat(payNow()).isEqualTo(new PayOutcome.Shown(StatusPage.paid("https://m/return", 5)));
    }

    @Test
    void aSuccessCarryingTheTradeItPaidShowsSuccessWithoutAskingTradeCore() {
        Instant finished = Instant.parse("2026-11-22T10:00:00.123Z");
        when(pay.pay(any())).thenReturn(Result.ok(paidOrder(finished).withTrade(paidTrade(TradeStatus.SUCCESS, finished))));

        assertThat(payNow()).isEqualTo(new PayOutcome.Shown(StatusPage.paid("https://m/return", 5)));

        verify(tradeService, never()).settled(any(), anyLong());
        verify(tradeService, never()).get(any());
    }

    @Test
    void aSuccessCarryingNoTradeOrOneNotPaidByItStillWaitsForTheTrade() {
        Instant finished = Instant.parse("2026-11-22T10:00:00.123Z");
        for (TradeDTO carried : java.util.Arrays.asList(null, paidTrade(TradeStatus.SUCCESS, finished.minusSeconds(3)),
                tradeIn(TradeStatus.PAYING))) {
            org.mockito.Mockito.clearInvocations(tradeService);
            when(pay.pay(any())).thenReturn(Result.ok(paidOrder(finished).withTrade(carried)));
            when(tradeService.get(any())).thenReturn(Result.ok(tradeIn(TradeStatus.SUCCESS)));

            assertThat(payNow()).isEqualTo(new PayOutcome.Shown(StatusPage.paid("https://m/return", 5)));

            verify(tradeService).settled(any(), anyLong());
        }
    }

    private static PayOrderDTO paidOrder(Instant finished) {
        return new PayOrderDTO("P1", "T1", "CP1234567", "U1", "M1", PayMethod.BALANCE, PayOrderStatus.SUCCESS,
                Money.cny(1234), finished.minusMillis(80), finished);
    }

    private static TradeDTO paidTrade(TradeStatus status, Instant paidAt) {
        return new TradeDTO("T1", "M1", "O1", TradeType.INSTANT, status, Money.cny(1234), Money.cny(1234), Money.cny(0),
                "tea", null, null, "https://m/notify", "https://m/return", paidAt.plusSeconds(600), paidAt.minusSeconds(5),
                paidAt, null);
    }

    @Test
    void aPaidOrderWhoseTradeStillSaysPayingIsInProgressNotSuccessSoTheApiNeverContradictsThePage() {
        when(pay.pay(any())).thenReturn(order(PayOrderStatus.SUCCESS));
        when(tradeService.get(any())).thenReturn(Result.ok(tradeIn(TradeStatus.PAYING)));

        assertThat(payNow()).isEqualTo(new PayOutcome.Shown(StatusPage.inProgress("/cashier/tok", 2)));
    }

    @Test
    void aPaidOrderWhoseTradeCannotBeReadIsInProgress() {
        when(pay.pay(any())).thenReturn(order(PayOrderStatus.SUCCESS));
        when(tradeService.get(any())).thenThrow(new RpcException(RpcException.TIMEOUT_EXCEPTION, "timeout"));

        assertThat(payNow()).isEqualTo(new PayOutcome.Shown(StatusPage.inProgress("/cashier/tok", 2)));
    }

    @Test
    void refusalsOfTheBuyerComeBackToTheForm() {
        when(pay.pay(any())).thenReturn(Result.fail(ErrorCode.INSUFFICIENT_BALANCE, "short"));

        assertThat(payNow()).isEqualTo(new PayOutcome.Refused(PayRefusal.of("error.INSUFFICIENT_BALANCE")));
    }

    @Test
    void aTradeThatCannotBePaidShowsWhereItStands() {
        when(pay.pay(any())).thenReturn(Result.fail(ErrorCode.TRADE_PAID, "paid"));
        assertThat(((PayOutcome.Shown) payNow()).page().status()).isEqualTo("SUCCESS");

        when(pay.pay(any())).thenReturn(Result.fail(ErrorCode.TRADE_CLOSED, "closed"));
        assertThat(payNow()).isEqualTo(new PayOutcome.Shown(StatusPage.closed()));

        when(pay.pay(any())).thenReturn(Result.fail(ErrorCode.TRADE_EXPIRED, "expired"));
        assertThat(payNow()).isEqualTo(new PayOutcome.Shown(StatusPage.expired()));
    }

    private TradeDTO tradeIn(TradeStatus status) {
        return new TradeDTO("T1", "M1", "O1", TradeType.INSTANT, status, Money.cny(1234), Money.cny(0), Money.cny(0), "tea", null,
                null, "https://m/notify", "https://m/return", Instant.now().plusSeconds(600), Instant.now(), null, null);
    }

    private static Result<PayOrderDTO> cardOrder(String tradeNo, PayOrderStatus status) {
        return Result.ok(new PayOrderDTO("P1", tradeNo, "CP1234567", "U1", "M1", PayMethod.BANK_CARD, status, Money.cny(1234),
                Instant.now(), null));
    }

    @Test
    void aRiskStepUpAsksAgainNamingTheRefusedAttemptAndItsConfirmationSaysWhichAttemptItConfirms() {
        when(pay.pay(any())).thenReturn(Result.fail(ErrorCode.RISK_STEP_UP_REQUIRED, "step-up"), order(PayOrderStatus.SUCCESS));

        assertThat(payNow()).isEqualTo(new PayOutcome.StepUp("CP1234567"));
        attempts.pay(trade, "U1", PayMethod.BALANCE, "135790", "CP7654321", null, null, false, "/cashier/tok", RiskContext.NONE,
                "CP1234567");

        ArgumentCaptor<PayCmd> cmd = ArgumentCaptor.forClass(PayCmd.class);
        verify(pay, times(2)).pay(cmd.capture());
        assertThat(cmd.getAllValues()).extracting(PayCmd::stepUpOf).containsExactly(null, "CP1234567");
    }

    @Test
    void anAcceptedCardPaymentIsFollowedOnItsOwnPage() {
        when(pay.pay(any())).thenReturn(cardOrder("T1", PayOrderStatus.PROCESSING));

        assertThat(attempts.pay(trade, "U1", PayMethod.BANK_CARD, "135790", "CP1234567", "TOKEN6200000000000000", null, false,
                "/cashier/tok", RiskContext.NONE, null))
                .isEqualTo(new PayOutcome.Accepted("P1"));
    }

    @Test
    void whileTheTradeIsPayingTheCardPageAsksAgain() {
        assertThat(attempts.follow(tradeIn(TradeStatus.PAYING), "P1", "/cashier/tok/paying/P1"))
                .contains(new PayOutcome.Shown(StatusPage.inProgress("/cashier/tok/paying/P1", 2)));
    }

    @Test
    void aTradePaidByThisAttemptShowsSuccessAndGoesBackToTheMerchant() {
        when(pay.get("P1")).thenReturn(cardOrder("T1", PayOrderStatus.SUCCESS));

        assertThat(attempts.follow(tradeIn(TradeStatus.SUCCESS), "P1", "/cashier/tok/paying/P1"))
                .contains(new PayOutcome.Shown(StatusPage.paid("https://m/return", 5)));
    }

    @Test
    void aDeclinedCardIsToldOnTheFormOnceTheTradeWaitsAgain() {
        when(pay.get("P1")).thenReturn(cardOrder("T1", PayOrderStatus.FAILED));

        assertThat(attempts.follow(tradeIn(TradeStatus.WAIT_PAY), "P1", "/cashier/tok/paying/P1"))
                .contains(new PayOutcome.Refused(PayRefusal.of("error.CARD_DECLINED")));
    }

    @Test
    void aPayOrderThatCannotBeReadIsAskedAgainNeverTakenForAFailure() {
        when(pay.get("P1")).thenThrow(new RpcException(RpcException.TIMEOUT_EXCEPTION, "timeout"));

        assertThat(attempts.follow(tradeIn(TradeStatus.WAIT_PAY), "P1", "/cashier/tok/paying/P1"))
                .contains(new PayOutcome.Shown(StatusPage.inProgress("/cashier/tok/paying/P1", 2)));
        assertThat(attempts.follow(tradeIn(TradeStatus.SUCCESS), "P1", "/cashier/tok/paying/P1")).isEmpty();
    }

    @Test
    void anotherTradesPayOrderSaysNothing() {
        when(pay.get("P1")).thenReturn(cardOrder("T9", PayOrderStatus.FAILED));

        assertThat(attempts.follow(tradeIn(TradeStatus.WAIT_PAY), "P1", "/cashier/tok/paying/P1")).isEqualTo(Optional.empty());
        assertThat(attempts.follow(tradeIn(TradeStatus.CLOSED), "P1", "/cashier/tok/paying/P1")).isEmpty();
    }
}
