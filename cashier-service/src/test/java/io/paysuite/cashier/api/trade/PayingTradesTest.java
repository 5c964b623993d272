package io.paysuite.cashier.api.trade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.Test;

class PayingTradesTest {

    private final TradeService trades = mock(TradeService.class);
    private final PayingTrades paying = new PayingTrades(trades, new TradeWaitProperties(Duration.ofMillis(300), Duration.ofMillis(1)));

    private static TradeDTO trade(TradeStatus status) {
        return new TradeDTO("T1", "M1", "O1", TradeType.INSTANT, status, Money.cny(1234), Money.cny(0), Money.cny(0), "tea",
                null, null, null, null, Instant.now().plusSeconds(600), Instant.now(), null, null,
                List.of(PayMethod.ALIPAY_CODE), List.of(), null);
    }

    private static CompletableFuture<Result<TradeDTO>> answered(TradeDTO trade) {
        return CompletableFuture.completedFuture(Result.ok(trade));
    }

    @Test
    void theTillAsksTradeCoreOnceAndReadsNothingItself() {
        when(trades.settled(any(), anyLong())).thenReturn(answered(trade(TradeStatus.SUCCESS)));

        assertThat(paying.settled("T1").status()).isEqualTo(TradeStatus.SUCCESS);
        verify(trades, times(1)).settled(TradeByNoQry.internal("T1"), 300);
        verify(trades, never()).get(any());
    }

    @Test
    void aShortAnswerStillPayingIsAskedAgainForWhatIsLeftOfThePatience() {
        when(trades.settled(any(), anyLong())).thenReturn(answered(trade(TradeStatus.PAYING)), answered(trade(TradeStatus.SUCCESS)));

        assertThat(paying.settled("T1").status()).isEqualTo(TradeStatus.SUCCESS);
        verify(trades, times(2)).settled(any(), anyLong());
    }

    @Test
    void aTradeCoreThatCannotWaitIsReadEveryFewMillisecondsAsBefore() {
        when(trades.settled(any(), anyLong())).thenThrow(new RpcException(RpcException.UNKNOWN_EXCEPTION, "no such method"));
        when(trades.get(any())).thenReturn(Result.ok(trade(TradeStatus.PAYING)), Result.ok(trade(TradeStatus.SUCCESS)));

        assertThat(paying.settled("T1").status()).isEqualTo(TradeStatus.SUCCESS);
    }

    @Test
    void aWaitThatFailsOnTheWayFallsBackToReadingTheTrade() {
        when(trades.settled(any(), anyLong())).thenReturn(CompletableFuture.failedFuture(new RpcException(RpcException.TIMEOUT_EXCEPTION, "slow")));
        when(trades.get(any())).thenReturn(Result.ok(trade(TradeStatus.SUCCESS)));

        assertThat(paying.settled("T1").status()).isEqualTo(TradeStatus.SUCCESS);
    }

    @Test
    void aRefusalOfTheWaitIsThrownLikeARefusedRead() {
        when(trades.settled(any(), anyLong())).thenReturn(CompletableFuture.completedFuture(
                Result.fail(ErrorCode.TRADE_NOT_FOUND, "no trade T1")));

        assertThatThrownBy(() -> paying.settled("T1")).isInstanceOf(BizException.class);
    }
}
