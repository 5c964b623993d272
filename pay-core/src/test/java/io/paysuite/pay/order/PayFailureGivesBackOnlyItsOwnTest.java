package io.paysuite.pay.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentService;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.pay.infra.event.InProcessPaySuccess;
import io.paysuite.pay.order.tool.BalanceTool;
import io.paysuite.pay.order.tool.ChannelTool;
import io.paysuite.pay.order.tool.PaymentTools;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pay order gives its trade back ({@code abandonPay}) only when its own compare-and-set to
 * {@code FAILED} won: if a concurrent check made it {@code SUCCESS} first, the money is posted and
 * the trade must follow {@code PAY_SUCCEEDED}, not go back to {@code WAIT_PAY}.
 */
class PayFailureGivesBackOnlyItsOwnTest {

    static final String TRADE_NO = "T2026112210000003000000519";
    static final String BUYER = "10000000007";

    final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    final InMemoryPayOrders orders = new InMemoryPayOrders();
    final InProcessPaySuccess events = new InProcessPaySuccess(orders, clock);
    final LedgerService ledger = mock(LedgerService.class);
    final TradeService tradeService = mock(TradeService.class);
    final TradePaymentService tradePayments = mock(TradePaymentService.class);
    final MemberService members = mock(MemberService.class);
    final PayOrchestrator orchestrator = new PayOrchestrator(orders, new PayOrderOpener(orders, new OrderNo(clock, 3), clock),
            new PaymentTools(List.of(new BalanceTool(ledger), new ChannelTool(PayMethod.WECHAT_QR, mock(ChannelService.class), ledger))),
            events, payOrderNo -> { }, tradeService, tradePayments, members, clock, io.paysuite.pay.risk.RiskFakes.allowAll(clock));

    @BeforeEach
    void aTradeWaitingForItsBuyer() {
        TradeDTO trade = new TradeDTO(TRADE_NO, "M100001", "order-1", TradeType.INSTANT, TradeStatus.WAIT_PAY, Money.cny(1000),
                Money.cny(0), Money.cny(0), "subject", BUYER, null, null, null, null, clock.instant(), null, null);
        when(tradeService.get(any())).thenReturn(Result.ok(trade));
        when(tradePayments.beginPay(any())).thenReturn(Result.ok(trade));
        when(tradePayments.abandonPay(any())).thenReturn(Result.ok(trade));
        when(members.getBuyer(any())).thenReturn(Result.ok(null));
        when(members.verifyPayPassword(any())).thenReturn(Result.ok(null));
    }

    @Test
    void aRefusalThatLosesToAConcurrentSuccessLeavesTheTradeToFollowThePayment() {
        when(ledger.postPayment(any())).thenAnswer(call -> {
            // while this attempt waits for its answer, the delayed check posted and made the pay order SUCCESS
            String payOrderNo = call.<PaymentPostingCmd>getArgument(0).payOrderNo();
            events.succeed(orders.find(payOrderNo).orElseThrow(), null, paid -> { });
            return Result.fail(ErrorCode.INSUFFICIENT_BALANCE, "refused");
        });

        PayOrderDTO answered = orchestrator.pay(new PayCmd(TRADE_NO, BUYER, PayMethod.BALANCE, "123456", "REQ-000001"));

        assertThat(answered.status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(orders.find(answered.payOrderNo()).orElseThrow().status()).isEqualTo(PayOrderStatus.SUCCESS);
        verify(tradePayments, never()).abandonPay(any());
        assertThat(events.delivered()).hasSize(1);
    }

    @Test
    void aRefusalWhoseFailWinsGivesTheTradeBack() {
        when(ledger.postPayment(any())).thenReturn(Result.fail(ErrorCode.INSUFFICIENT_BALANCE, "refused"));

        assertThatThrownBy(() -> orchestrator.pay(new PayCmd(TRADE_NO, BUYER, PayMethod.BALANCE, "123456", "REQ-000002")))
                .isInstanceOf(BizException.class);

        verify(tradePayments).abandonPay(any());
        assertThat(orders.findByTrade(TRADE_NO)).singleElement()
                .extracting(PayOrder::status).isEqualTo(PayOrderStatus.FAILED);
    }
}
