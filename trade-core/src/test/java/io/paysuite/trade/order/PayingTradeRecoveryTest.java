package io.paysuite.trade.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.trade.TradePaymentDTO;
import io.paysuite.api.trade.TradePromotionDTO;
import io.paysuite.api.trade.BeginPayCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A trade left PAYING because what should have moved it on was lost — pay-core's PAY_SUCCEEDED dropped
 * by the broker, or the check that gives a failed attempt's trade back lost with its timer — is
 * finished by the janitor from the pay order as pay-core has it, through the same recordPaid and
 * abandonPay the message and the check would have run.
 */
class PayingTradeRecoveryTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final String PAY_ORDER = "P2026112210000003000010001";

    final InMemoryTrades store = new InMemoryTrades();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final TradeEvents events = new TradeEvents() {
        @Override
        public <T> T publishWith(TradeEventDraft draft, Supplier<T> localWork) {
            return localWork.get();
        }
    };
    final OrderNo orderNo = new OrderNo(clock, 3);
    final TradeCreator creator = new TradeCreator(store, store, events, orderNo, clock,
            new TradeProperties(Duration.ofMinutes(30), Duration.ofDays(15), false));
    final TradeFinder finder = new TradeFinder(store, store);
    final TradeChanges changes = new TradeChanges(events, orderNo);
    final TradePayments payments = new TradePayments(store, finder, new TradeCloser(finder, store, changes, clock), changes, clock);
    final PayService payService = mock(PayService.class);
    final PayingTradeRecovery recovery = new PayingTradeRecovery(finder, payments, payService);

    TradeDTO paying() {
        TradeDTO trade = creator.create(TradeCreatorTest.withMethods(TradeCreatorTest.cmd("ORDER-1", null, 1000), List.of()));
        payments.beginPay(new BeginPayCmd(trade.tradeNo(), PAY_ORDER, "10000000007"));
        return trade;
    }

    void payOrderIs(TradeDTO trade, PayOrderStatus status, Money amount) {
        when(payService.get(PAY_ORDER)).thenReturn(Result.ok(new PayOrderDTO(PAY_ORDER, trade.tradeNo(), "REQ-1", "10000000007",
                trade.merchantId(), PayMethod.WECHAT_QR, status, amount, NOW, status.isFinal() ? NOW.plusSeconds(5) : null,
                status == PayOrderStatus.SUCCESS ? "WECHAT" : null)));
    }

    TradeStatus statusOf(TradeDTO trade) {
        return finder.get(TradeByNoQry.internal(trade.tradeNo())).status();
    }

    @Test
    void aTradeWhosePaySucceededWasLostIsRecordedPaidFromThePayOrder() {
        TradeDTO trade = paying();
        payOrderIs(trade, PayOrderStatus.SUCCESS, Money.cny(1000));

        recovery.recover(trade.tradeNo());

        TradeDTO paid = finder.get(TradeByNoQry.internal(trade.tradeNo()));
        assertThat(paid.status()).isEqualTo(TradeStatus.SUCCESS);
        assertThat(paid.paidAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void aCombinationTradeFinishedFromThePayOrderShowsItsPartsLikeOneFinishedByTheEvent() {
        TradeDTO trade = paying();
        when(payService.get(PAY_ORDER)).thenReturn(Result.ok(new PayOrderDTO(PAY_ORDER, trade.tradeNo(), "REQ-1", "10000000007",
                trade.merchantId(), PayMethod.WECHAT_QR, PayOrderStatus.SUCCESS, Money.cny(1000), NOW, NOW.plusSeconds(5), "WECHAT",
                List.of(new TradePaymentDTO(PayMethod.COUPON, Money.cny(150), TradePaymentDTO.WALLET_CHANNEL),
                        new TradePaymentDTO(PayMethod.POINTS, Money.cny(50), TradePaymentDTO.WALLET_CHANNEL),
                        new TradePaymentDTO(PayMethod.WECHAT_QR, Money.cny(800), "WECHAT")),
                List.of(new TradePromotionDTO("CP1", "1.50 off", Money.cny(150), FundedBy.MERCHANT)))));

        recovery.recover(trade.tradeNo());

        TradeDTO paid = finder.get(TradeByNoQry.internal(trade.tradeNo()));
        assertThat(paid.status()).isEqualTo(TradeStatus.SUCCESS);
        assertThat(paid.buyerPaidAmount()).isEqualTo(Money.cny(800));
        assertThat(paid.payments()).extracting(TradePaymentDTO::method, p -> p.amount().minor())
                .containsExactly(tuple(PayMethod.COUPON, 150L), tuple(PayMethod.POINTS, 50L), tuple(PayMethod.WECHAT_QR, 800L));
        assertThat(paid.promotionDetail()).extracting(TradePromotionDTO::couponId, TradePromotionDTO::fundedBy)
                .containsExactly(tuple("CP1", FundedBy.MERCHANT));
    }

    @Test
    void aTradeHeldByAFailedPayOrderIsGivenBack() {
        TradeDTO trade = paying();
        payOrderIs(trade, PayOrderStatus.FAILED, Money.cny(1000));

        recovery.recover(trade.tradeNo());

        assertThat(statusOf(trade)).isEqualTo(TradeStatus.WAIT_PAY);
    }

    @Test
    void aTradeWhosePayOrderIsStillInFlightIsLeftToPayCore() {
        TradeDTO trade = paying();
        payOrderIs(trade, PayOrderStatus.PROCESSING, Money.cny(1000));

        recovery.recover(trade.tradeNo());

        assertThat(statusOf(trade)).isEqualTo(TradeStatus.PAYING);
    }

    @Test
    void anUnknownAnswerFromPayCoreChangesNothingAndIsTriedAgain() {
        TradeDTO trade = paying();
        when(payService.get(PAY_ORDER)).thenReturn(Result.fail(ErrorCode.SYSTEM_ERROR, "timeout"));

        assertThatThrownBy(() -> recovery.recover(trade.tradeNo())).isInstanceOf(IllegalStateException.class);

        assertThat(statusOf(trade)).isEqualTo(TradeStatus.PAYING);
    }

    @Test
    void anAmountThatIsNotTheTradesIsNeverApplied() {
        TradeDTO trade = paying();
        payOrderIs(trade, PayOrderStatus.SUCCESS, Money.cny(999));

        recovery.recover(trade.tradeNo());

        assertThat(statusOf(trade)).isEqualTo(TradeStatus.PAYING);
    }

    @Test
    void aTradeNoLongerPayingIsLeftAlone() {
        TradeDTO trade = paying();
        payOrderIs(trade, PayOrderStatus.SUCCESS, Money.cny(1000));
        recovery.recover(trade.tradeNo());

        payOrderIs(trade, PayOrderStatus.FAILED, Money.cny(1000)); // cannot happen; proves the trade is not read from pay-core alone
        recovery.recover(trade.tradeNo());

        assertThat(statusOf(trade)).isEqualTo(TradeStatus.SUCCESS);
    }
}
