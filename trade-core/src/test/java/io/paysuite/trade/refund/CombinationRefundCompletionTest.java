package io.paysuite.trade.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.channel.ChannelRefundDTO;
import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.channel.RefundChannelCmd;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.RefundPostingCmd;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.trade.order.Trade;
import io.paysuite.trade.order.TradeChanges;
import io.paysuite.trade.order.TradeEvents;
import io.paysuite.trade.order.TradeLedger;
import io.paysuite.trade.order.TradePromotion;
import io.paysuite.trade.order.TradeRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The refund of a combination payment as trade-core runs it (docs/adr/0008, "Refunds"): the cash share
 * to the ledger and the channel, the coupon and points through pay-core only with the whole refund and
 * only once the cash is back, and a refund left PROCESSING whenever an answer is not known.
 */
class CombinationRefundCompletionTest {

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    static final String TRADE = "T2026120610000003000000519";
    static final String PAY_ORDER = "P2026120610000003000000519";

    final RefundRepository refunds = mock(RefundRepository.class);
    final TradeRepository trades = mock(TradeRepository.class);
    final LedgerService ledger = mock(LedgerService.class);
    final ChannelService channels = mock(ChannelService.class);
    final PayService pay = mock(PayService.class);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final TradeEvents events = new TradeEvents() {
        @Override
        public <T> T publishWith(io.paysuite.trade.order.TradeEventDraft draft, java.util.function.Supplier<T> localWork) {
            return localWork.get();
        }
    };
    final RefundCompletion completion = new RefundCompletion(refunds, trades, new TradeChanges(events, new OrderNo(clock, 3)),
            new TradeLedger(ledger), clock, channels, pay);

    /** 30.01 paid as a 5.00 platform coupon, 10.00 of points and 15.01 through WeChat. */
    void aTradePaidWithACouponPointsAndWechat() {
        Trade trade = new Trade(TRADE, "M1", "o-1", TradeType.INSTANT, TradeStatus.SUCCESS, Money.cny(3_001), Money.cny(3_001),
                Money.cny(0), "s", "U1", null, null, null, NOW, NOW, NOW, NOW, null, 1, PAY_ORDER, "U1", List.of(),
                PayMethod.WECHAT_QR, "WECHAT", new TradePromotion("CP1", "5 off", 500, FundedBy.PLATFORM, 1_000));
        when(trades.find(TRADE)).thenReturn(Optional.of(trade));
        when(trades.addRefunded(anyString(), anyLong(), any())).thenReturn(true);
        when(refunds.finish(anyString(), any(), any(), any())).thenReturn(true);
        when(ledger.postRefund(any())).thenReturn(Result.ok(null));
        when(channels.refund(any())).thenAnswer(call -> {
            RefundChannelCmd cmd = call.getArgument(0);
            return Result.ok(new ChannelRefundDTO(cmd.refundNo(), "C1", null, cmd.refund(),
                    ChannelRefundStatus.SUCCESS, "SUCCESS", "WX1", NOW, NOW));
        });
        when(pay.giveBackParts(anyString(), anyString())).thenReturn(Result.ok(null));
    }

    void refund(String refundNo, long amount, long before) {
        when(refunds.find(refundNo)).thenReturn(Optional.of(new RefundOrder(refundNo, TRADE, "M1", "out-" + refundNo,
                RefundStatus.PROCESSING, Money.cny(amount), Money.cny(3_001), Money.cny(before), false, "U1", "r", null, NOW, NOW,
                null)));
    }

    @Test
    void aPartialRefundReturnsOnlyTheCashShareThroughTheLedgerAndTheChannelAndKeepsTheCouponAndPoints() {
        aTradePaidWithACouponPointsAndWechat();
        refund("R1", 2_000, 0);

        completion.complete("R1");

        ArgumentCaptor<RefundPostingCmd> posted = ArgumentCaptor.forClass(RefundPostingCmd.class);
        verify(ledger).postRefund(posted.capture());
        assertThat(posted.getValue().cash()).isEqualTo(Money.cny(1_000)); // floor(2000 × 1501 / 3001)
        assertThat(posted.getValue().wholeTrade()).isFalse();
        ArgumentCaptor<RefundChannelCmd> toChannel = ArgumentCaptor.forClass(RefundChannelCmd.class);
        verify(channels).refund(toChannel.capture());
        assertThat(toChannel.getValue().refund()).as("WeChat gives back only what it took pro rata").isEqualTo(Money.cny(1_000));
        verify(pay, never()).giveBackParts(anyString(), anyString());
        verify(refunds).finish("R1", RefundStatus.SUCCESS, null, NOW);
    }

    @Test
    void theWholeRefundReturnsTheCashLeftThenTheCouponAndPoints() {
        aTradePaidWithACouponPointsAndWechat();
        refund("R2", 1_001, 2_000);

        completion.complete("R2");

        ArgumentCaptor<RefundPostingCmd> posted = ArgumentCaptor.forClass(RefundPostingCmd.class);
        verify(ledger).postRefund(posted.capture());
        assertThat(posted.getValue().cash()).isEqualTo(Money.cny(501));
        assertThat(posted.getValue().wholeTrade()).isTrue();
        verify(pay).giveBackParts(PAY_ORDER, "R2");
        verify(refunds).finish("R2", RefundStatus.SUCCESS, null, NOW);
    }

    @Test
    void theWholeRefundWaitsWhileAnEarlierRefundOfTheTradeIsUnfinished() {
        aTradePaidWithACouponPointsAndWechat();
        refund("R2", 1_001, 2_000);
        when(refunds.othersProcessing(TRADE, "R2")).thenReturn(true, false);

        completion.complete("R2");

        verify(ledger, never()).postRefund(any());
        verify(pay, never()).giveBackParts(anyString(), anyString());
        verify(refunds, never()).finish(anyString(), any(), any(), any());

        completion.complete("R2"); // the retry, once the earlier refund is final

        verify(ledger).postRefund(any());
        verify(pay).giveBackParts(PAY_ORDER, "R2");
        verify(refunds).finish("R2", RefundStatus.SUCCESS, null, NOW);
    }

    @Test
    void aChannelRefusingTheCashFailsTheRefundAndGivesNothingBack() {
        aTradePaidWithACouponPointsAndWechat();
        doAnswer(call -> {
            RefundChannelCmd cmd = call.getArgument(0);
            return Result.ok(new ChannelRefundDTO(cmd.refundNo(), "C1", null, cmd.refund(),
                    ChannelRefundStatus.FAILED, "REFUSED", null, NOW, NOW));
        }).when(channels).refund(any());
        when(ledger.postRefundReversal(any())).thenReturn(Result.ok(null));
        refund("R3", 3_001, 0);

        completion.complete("R3");

        verify(pay, never()).giveBackParts(anyString(), anyString());
        verify(refunds).finish("R3", RefundStatus.FAILED, ErrorCode.CHANNEL_DECLINED.code(), NOW);
    }

    @Test
    void anUnknownCashAnswerIsNeverCompensatedAndTheGiveBackWaitsForIt() {
        aTradePaidWithACouponPointsAndWechat();
        doThrow(new RuntimeException("timeout")).when(channels).refund(any());
        refund("R4", 3_001, 0);

        completion.complete("R4");

        verify(ledger, never()).postRefundReversal(any());
        verify(pay, never()).giveBackParts(anyString(), anyString());
        verify(refunds, never()).finish(anyString(), any(), any(), any());
    }

    @Test
    void aGiveBackNotAnsweredLeavesTheRefundProcessingForItsRetry() {
        aTradePaidWithACouponPointsAndWechat();
        when(pay.giveBackParts(anyString(), anyString())).thenReturn(Result.fail(ErrorCode.SERVICE_DEGRADED, "not yet"));
        refund("R5", 3_001, 0);

        completion.complete("R5");

        verify(refunds, never()).finish(anyString(), any(), any(), any());
    }
}
