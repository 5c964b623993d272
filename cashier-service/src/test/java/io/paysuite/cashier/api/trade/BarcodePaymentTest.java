package io.paysuite.cashier.api.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.CloseTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.Test;

class BarcodePaymentTest {

    private static final byte[] BODY = """
            {"auth_code":"134567890123456789","out_trade_no":"O1","subject":"tea",
             "amount":{"total":1234,"currency":"CNY"}}""".getBytes(StandardCharsets.UTF_8);

    private final TradeService trades = mock(TradeService.class);
    private final PayService pay = mock(PayService.class);
    private final PayingTrades paying = new PayingTrades(trades, new TradeWaitProperties(Duration.ofMillis(200), Duration.ofMillis(1)));

    private static TradeDTO trade(TradeStatus status) {
        return new TradeDTO("T1", "M1", "O1", TradeType.INSTANT, status, Money.cny(1234), Money.cny(0), Money.cny(0), "tea",
                null, null, null, null, Instant.now().plusSeconds(600), Instant.now(), null, null,
                List.of(PayMethod.WECHAT_CODE), List.of(), null);
    }

    private BarcodePayment.Started payWhenPayCoreAnswers(Result<?> answer) {
        when(trades.create(any())).thenReturn(Result.ok(trade(TradeStatus.WAIT_PAY)));
        when(pay.pay(any())).thenAnswer(call -> answer);
        when(trades.get(any())).thenReturn(Result.ok(trade(TradeStatus.PAYING)));
        return BarcodePayment.pay("M1", BODY, trades, pay, paying, "10.1.2.3");
    }

    @Test
    void aDegradedPayCoreLeavesTheOutcomeUnknownSoTheTillIsToldTheTradeAsItStands() {
        BarcodePayment.Started started = payWhenPayCoreAnswers(Result.fail(ErrorCode.SERVICE_DEGRADED, "shedding load"));

        assertThat(started.trade().status()).isEqualTo(TradeStatus.PAYING);
    }

    @Test
    void aSystemErrorLeavesTheOutcomeUnknownSoTheTillIsToldTheTradeAsItStands() {
        BarcodePayment.Started started = payWhenPayCoreAnswers(Result.fail(ErrorCode.SYSTEM_ERROR, "boom"));

        assertThat(started.trade().status()).isEqualTo(TradeStatus.PAYING);
    }

    @Test
    void aPaymentThatNeverReachedPayCoreClosesTheTradeSoTheTillIsNeverToldWaitPay() {
        when(trades.create(any())).thenReturn(Result.ok(trade(TradeStatus.WAIT_PAY)));
        when(pay.pay(any())).thenThrow(new RpcException(RpcException.NETWORK_EXCEPTION, "pay-core is gone"));
        when(trades.get(any())).thenReturn(Result.ok(trade(TradeStatus.WAIT_PAY)));
        when(trades.close(any())).thenReturn(Result.ok(trade(TradeStatus.CLOSED)));

        BarcodePayment.Started started = BarcodePayment.pay("M1", BODY, trades, pay, paying, "10.1.2.3");

        assertThat(started.trade().status()).isEqualTo(TradeStatus.CLOSED);
        verify(trades).close(new CloseTradeCmd("T1", "M1"));
    }

    @Test
    void aDegradedPayCoreThatChargedNothingClosesTheTrade() {
        when(trades.close(any())).thenReturn(Result.ok(trade(TradeStatus.CLOSED)));
        when(trades.create(any())).thenReturn(Result.ok(trade(TradeStatus.WAIT_PAY)));
        when(pay.pay(any())).thenAnswer(call -> Result.fail(ErrorCode.SERVICE_DEGRADED, "nothing was charged"));
        when(trades.get(any())).thenReturn(Result.ok(trade(TradeStatus.WAIT_PAY)));

        assertThat(BarcodePayment.pay("M1", BODY, trades, pay, paying, "10.1.2.3").trade().status()).isEqualTo(TradeStatus.CLOSED);
    }

    @Test
    void aCloseThatLosesToPayCoreTakingTheTradeAnswersPaying() {
        when(trades.create(any())).thenReturn(Result.ok(trade(TradeStatus.WAIT_PAY)));
        when(pay.pay(any())).thenThrow(new RpcException(RpcException.TIMEOUT_EXCEPTION, "slow"));
        when(trades.get(any())).thenReturn(Result.ok(trade(TradeStatus.WAIT_PAY)), Result.ok(trade(TradeStatus.PAYING)));
        when(trades.close(any())).thenReturn(Result.fail(ErrorCode.TRADE_PAYING, "being paid"));

        assertThat(BarcodePayment.pay("M1", BODY, trades, pay, paying, "10.1.2.3").trade().status()).isEqualTo(TradeStatus.PAYING);
    }

    @Test
    void aPaidOrderIsAnsweredSuccessOnceTheTradeHasFollowedIt() {
        when(trades.create(any())).thenReturn(Result.ok(trade(TradeStatus.WAIT_PAY)));
        when(pay.pay(any())).thenReturn(Result.ok(new PayOrderDTO("P1", "T1", "BC-T1", "WECHAT_BUYER", "M1", PayMethod.WECHAT_CODE,
                PayOrderStatus.SUCCESS, Money.cny(1234), Instant.now(), Instant.now())));
        when(trades.get(any())).thenReturn(Result.ok(trade(TradeStatus.PAYING)), Result.ok(trade(TradeStatus.PAYING)),
                Result.ok(trade(TradeStatus.SUCCESS)));

        assertThat(BarcodePayment.pay("M1", BODY, trades, pay, paying, "10.1.2.3").trade().status()).isEqualTo(TradeStatus.SUCCESS);
    }

    @Test
    void aPaidOrderCarryingTheTradeItPaidIsAnsweredWithoutAskingTradeCoreAgain() {
        Instant finished = Instant.parse("2026-11-22T10:00:00.123Z");
        TradeDTO recorded = paidTrade(TradeStatus.SUCCESS, finished);
        when(trades.create(any())).thenReturn(Result.ok(trade(TradeStatus.WAIT_PAY)));
        when(pay.pay(any())).thenReturn(Result.ok(paidOrder(finished).withTrade(recorded)));

        assertThat(BarcodePayment.pay("M1", BODY, trades, pay, paying, "10.1.2.3").trade()).isEqualTo(recorded);

        verify(trades, never()).settled(any(), anyLong());
        verify(trades, never()).get(any());
    }

    @Test
    void aPaidOrderCarryingNoTradeOrOneNotPaidByItWaitsForTheTradeAsBefore() {
        Instant finished = Instant.parse("2026-11-22T10:00:00.123Z");
        for (TradeDTO carried : java.util.Arrays.asList(null, paidTrade(TradeStatus.SUCCESS, finished.minusSeconds(2)),
                paidTrade(TradeStatus.CLOSED, null))) {
            org.mockito.Mockito.clearInvocations(trades);
            when(trades.create(any())).thenReturn(Result.ok(trade(TradeStatus.WAIT_PAY)));
            when(pay.pay(any())).thenReturn(Result.ok(paidOrder(finished).withTrade(carried)));
            when(trades.settled(any(), anyLong())).thenReturn(
                    CompletableFuture.completedFuture(Result.ok(trade(TradeStatus.SUCCESS))));

            assertThat(BarcodePayment.pay("M1", BODY, trades, pay, paying, "10.1.2.3").trade().status())
                    .isEqualTo(TradeStatus.SUCCESS);

            verify(trades).settled(any(), anyLong());
        }
    }

    private static PayOrderDTO paidOrder(Instant finished) {
        return new PayOrderDTO("P1", "T1", "BC-T1", "WECHAT_BUYER", "M1", PayMethod.WECHAT_CODE, PayOrderStatus.SUCCESS,
                Money.cny(1234), finished.minusMillis(60), finished);
    }

    private static TradeDTO paidTrade(TradeStatus status, Instant paidAt) {
        return new TradeDTO("T1", "M1", "O1", TradeType.INSTANT, status, Money.cny(1234),
                paidAt == null ? Money.cny(0) : Money.cny(1234), Money.cny(0), "tea", null, null, null, null,
                Instant.now().plusSeconds(600), Instant.now(), paidAt, null, List.of(PayMethod.WECHAT_CODE), List.of(), null);
    }

    @Test
    void aDefiniteRefusalIsAnsweredAsTheRefusal() {
        assertThatThrownBy(() -> payWhenPayCoreAnswers(Result.fail(ErrorCode.CHANNEL_DECLINED, "declined")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CHANNEL_DECLINED));
    }
}
