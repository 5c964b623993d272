package io.paysuite.member.infra.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.member.promotion.PointsEarnings;
import java.time.Instant;
import java.util.List;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.Test;

/** What a refund without an earning row learns from trade-core: a paid trade as its event told it, or nothing known. */
class TradeCorePaidTradesTest {

    private static final String TRADE_NO = "T2026120612000001000010042";
    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

    private final TradeService trades = mock(TradeService.class);
    private final TradeCorePaidTrades paidTrades = new TradeCorePaidTrades(trades);

    @Test
    void aPaidTradeIsReadAsItsEventWouldBeByItsNumberAsAnInternalCaller() {
        when(trades.get(any())).thenReturn(Result.ok(trade(TradeType.INSTANT, "U1", AT, Money.cny(1_500))));

        assertThat(paidTrades.find(TRADE_NO)).contains(
                new PointsEarnings.PaidTrade(TRADE_NO, "U1", Money.cny(3_000), Money.cny(1_500)));
        verify(trades).get(TradeByNoQry.internal(TRADE_NO));
    }

    @Test
    void aChannelsPayerOrATopUpNamesNoBuyerAndCannotEarn() {
        PointsEarnings.PaidTrade anonymous = TradeCorePaidTrades.of(trade(TradeType.INSTANT, "2088102146225135", AT, null));
        PointsEarnings.PaidTrade topUp = TradeCorePaidTrades.of(trade(TradeType.TOPUP, "U1", AT, null));

        assertThat(anonymous).isEqualTo(new PointsEarnings.PaidTrade(TRADE_NO, null, Money.cny(3_000), Money.cny(3_000)));
        assertThat(anonymous.canEarn()).isFalse();
        assertThat(topUp.buyerId()).isNull();
        assertThat(topUp.canEarn()).isFalse();
    }

    @Test
    void noAnswerNoSuchTradeOrAnUnpaidOneIsNotKnownRatherThanNothingEarned() {
        when(trades.get(any())).thenThrow(new RpcException(RpcException.TIMEOUT_EXCEPTION, "timeout"))
                .thenReturn(Result.fail(ErrorCode.SYSTEM_ERROR, "down"))
                .thenReturn(Result.fail(ErrorCode.TRADE_NOT_FOUND, "none"))
                .thenReturn(Result.ok(trade(TradeType.INSTANT, null, null, null)));

        for (int call = 0; call < 4; call++) {
            assertThat(paidTrades.find(TRADE_NO)).as("answer %d", call).isEmpty();
        }
    }

    private static TradeDTO trade(TradeType type, String payerId, Instant paidAt, Money buyerPaid) {
        return new TradeDTO(TRADE_NO, "M1", "out-1", type, paidAt == null ? TradeStatus.WAIT_PAY : TradeStatus.SUCCESS,
                Money.cny(3_000), Money.cny(3_000), Money.cny(0), "subject", null, null, "https://m/notify", null,
                AT.plusSeconds(1800), AT, paidAt, null, List.of(), List.of(), payerId, buyerPaid, List.of(), null, null);
    }
}
