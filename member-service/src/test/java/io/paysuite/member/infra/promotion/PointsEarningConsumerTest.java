package io.paysuite.member.infra.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.event.EventType;
import io.paysuite.api.event.Topics;
import io.paysuite.api.money.Money;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.Handled;
import io.paysuite.member.buyer.BuyerFinder;
import io.paysuite.member.buyer.BuyerRepository;
import io.paysuite.member.promotion.PointsEarningRepository;
import io.paysuite.member.promotion.PointsEarnings;
import io.paysuite.member.promotion.PointsLiability;
import io.paysuite.member.promotion.PointsRepository;
import io.paysuite.member.promotion.PointsRules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/** What the points consumer makes of trade-core's events: who earns on what, and when a refund comes back. */
class PointsEarningConsumerTest {

    private static final String TRADE_NO = "T2026120612000001000010042";
    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

    private final PointsEarnings earnings = mock(PointsEarnings.class);
    private final PointsEarningProperties properties = new PointsEarningProperties(true, "ns:9876", "g", Topics.TRADE_EVENT, 6);

    // the real rule over repositories, ledger and trade-core that record every call
    private final PointsEarningRepository rows = mock(PointsEarningRepository.class);
    private final PointsRepository accounts = mock(PointsRepository.class);
    private final BuyerRepository buyers = mock(BuyerRepository.class);
    private final PointsLiability ledger = mock(PointsLiability.class);
    private final TradeService tradeCore = mock(TradeService.class);
    private final PointsEarnings real = new PointsEarnings(rows, accounts, new PointsRules(1, 100), new BuyerFinder(buyers),
            ledger, new TradeCorePaidTrades(tradeCore), Clock.fixed(AT, ZoneOffset.UTC));

    @Test
    void aPaidTradeEarnsForItsPayerOnTheCashItPaidNotOnThePrice() {
        Handled handled = PointsEarningConsumer.handle(earnings, properties, received(EventType.TRADE_SUCCEEDED,
                paid(TradeType.INSTANT, "U1", 3_000, 1_500)));

        assertThat(handled).isEqualTo(Handled.DONE);
        verify(earnings).earn(new PointsEarnings.PaidTrade(TRADE_NO, "U1", Money.cny(3_000), Money.cny(1_500)));
    }

    @Test
    void aCapturedPreAuthorisationEarnsOnTheCapturedPart() {
        PointsEarningConsumer.handle(earnings, properties, received(EventType.TRADE_CAPTURED,
                paid(TradeType.PREAUTH, "U1", 600, 600)));

        verify(earnings).earn(new PointsEarnings.PaidTrade(TRADE_NO, "U1", Money.cny(600), Money.cny(600)));
    }

    @Test
    void aWalletTopUpEarnsNothingEvenWithAPayer() {
        PointsEarningConsumer.handle(earnings, properties, received(EventType.TRADE_SUCCEEDED,
                paid(TradeType.TOPUP, "U1", 3_000, 3_000)));

        verify(earnings).earn(new PointsEarnings.PaidTrade(TRADE_NO, null, Money.cny(3_000), Money.cny(3_000)));
    }

    @Test
    void aChannelsOwnPayerIsNoBuyerOfOursAndEarnsNothing() {
        PointsEarningConsumer.handle(earnings, properties, received(EventType.TRADE_SUCCEEDED,
                paid(TradeType.INSTANT, "2088102146225135", 3_000, 3_000)));
        PointsEarningConsumer.handle(earnings, properties, received(EventType.TRADE_SUCCEEDED,
                paid(TradeType.INSTANT, "ALIPAY_BUYER", 3_000, 3_000)));

        verify(earnings, times(2)).earn(new PointsEarnings.PaidTrade(TRADE_NO, null, Money.cny(3_000), Money.cny(3_000)));
    }

    @Test
    void anAnonymousOrTopUpTradeSucceededTouchesNoRepositoryNoLedgerAndNoOtherService() {
        assertThat(PointsEarningConsumer.handle(real, properties, received(EventType.TRADE_SUCCEEDED,
                paid(TradeType.INSTANT, "2088102146225135", 3_000, 3_000)))).isEqualTo(Handled.DONE);
        assertThat(PointsEarningConsumer.handle(real, properties, received(EventType.TRADE_SUCCEEDED,
                paid(TradeType.TOPUP, "U1", 3_000, 3_000)))).isEqualTo(Handled.DONE);

        verifyNoInteractions(rows, accounts, buyers, ledger, tradeCore);
    }

    @Test
    void aRefundOfAnAnonymousTradeAnswersNothingEarnedAtOnceInsteadOfComingBack() {
        when(tradeCore.get(any())).thenReturn(Result.ok(paid(TradeType.INSTANT, "2088102146225135", 3_000, 3_000)));

        assertThat(PointsEarningConsumer.handle(real, properties, received(EventType.REFUND_SUCCEEDED, refund())))
                .isEqualTo(Handled.DONE);
        verify(rows, never()).takeBack(any(), anyLong(), any(), any());
        verifyNoInteractions(accounts, ledger);
    }

    @Test
    void aRefundOfABuyersTradeWhosePaymentWasNotSeenYetStillComesBack() {
        when(tradeCore.get(any())).thenReturn(Result.ok(paid(TradeType.INSTANT, "U1", 3_000, 3_000)));

        assertThat(PointsEarningConsumer.handle(real, properties, received(EventType.REFUND_SUCCEEDED, refund())))
                .isEqualTo(Handled.RETRY);
    }

    @Test
    void aRefundBeforeItsPaymentWasSeenComesBackABoundedNumberOfTimesThenIsLetGo() {
        when(earnings.takeBack(any(), any(), any())).thenReturn(PointsEarnings.TakeBack.PAYMENT_NOT_SEEN);
        MessageExt refund = received(EventType.REFUND_SUCCEEDED, refund());

        assertThat(PointsEarningConsumer.handle(earnings, properties, refund)).isEqualTo(Handled.RETRY);
        refund.setReconsumeTimes(6);
        assertThat(PointsEarningConsumer.handle(earnings, properties, refund)).isEqualTo(Handled.DONE);
    }

    @Test
    void aLedgerThatDidNotAnswerBringsTheEventBackButADefiniteRefusalDoesNot() {
        when(earnings.earn(any())).thenThrow(new BizException(ErrorCode.SERVICE_DEGRADED, "ledger"))
                .thenThrow(new BizException(ErrorCode.BUYER_NOT_FOUND, "no buyer"));
        MessageExt paid = received(EventType.TRADE_SUCCEEDED, paid(TradeType.INSTANT, "U1", 100, 100));

        assertThatThrownBy(() -> PointsEarningConsumer.handle(earnings, properties, paid)).isInstanceOf(BizException.class);
        assertThat(PointsEarningConsumer.handle(earnings, properties, paid)).isEqualTo(Handled.DONE);
    }

    private static TradeDTO paid(TradeType type, String payerId, long price, long cash) {
        return new TradeDTO(TRADE_NO, "M1", "out-1", type, TradeStatus.SUCCESS, Money.cny(price), Money.cny(price), Money.cny(0),
                "subject", null, null, "https://m/notify", null, AT.plusSeconds(1800), AT, AT, null, List.of(), List.of(),
                payerId, Money.cny(cash), List.of(), null, null);
    }

    private static RefundDTO refund() {
        return new RefundDTO("R1", "out-r1", TRADE_NO, "M1", RefundStatus.SUCCESS, Money.cny(100), null, null, AT, AT);
    }

    private static <P> MessageExt received(EventType<P> type, P payload) {
        Message sent = EventCodec.message(type.topic(), type, payload);
        MessageExt message = new MessageExt();
        message.setTopic(sent.getTopic());
        message.setTags(sent.getTags());
        message.setBody(sent.getBody());
        return message;
    }
}
