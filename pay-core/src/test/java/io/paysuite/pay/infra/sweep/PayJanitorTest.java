package io.paysuite.pay.infra.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ledger.LedgerService;
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
import io.paysuite.kit.sweep.Sweep;
import io.paysuite.pay.infra.event.InProcessPaySuccess;
import io.paysuite.pay.order.InMemoryPayOrders;
import io.paysuite.pay.order.PayOrchestrator;
import io.paysuite.pay.order.PayOrder;
import io.paysuite.pay.order.PayOrderOpener;
import io.paysuite.pay.order.tool.BalanceTool;
import io.paysuite.pay.order.tool.ChannelTool;
import io.paysuite.pay.order.tool.PaymentTools;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pay order whose {@code CHECK} timer was lost is found by the janitor once it is older than its
 * schedule allows and finished through {@link PayOrchestrator#recover}, as the check would have.
 */
class PayJanitorTest {

    static final String TRADE_NO = "T2026112210000003000000519";
    static final String BUYER = "10000000007";
    static final Instant OPENED = Instant.parse("2026-11-22T10:00:00Z");

    final Clock clock = Clock.fixed(OPENED, ZoneOffset.UTC);
    final InMemoryPayOrders orders = new InMemoryPayOrders();
    final InProcessPaySuccess events = new InProcessPaySuccess(orders, clock);
    final LedgerService ledger = mock(LedgerService.class);
    final TradeService tradeService = mock(TradeService.class);
    final TradePaymentService tradePayments = mock(TradePaymentService.class);
    final MemberService members = mock(MemberService.class);
    /** The check timers of this test are lost: scheduling them does nothing. */
    final PayOrchestrator orchestrator = new PayOrchestrator(orders, new PayOrderOpener(orders, new OrderNo(clock, 3), clock),
            new PaymentTools(List.of(new BalanceTool(ledger), new ChannelTool(PayMethod.WECHAT_QR, mock(ChannelService.class), ledger))),
            events, payOrderNo -> { }, tradeService, tradePayments, members, clock, io.paysuite.pay.risk.RiskFakes.allowAll(clock));
    final PayJanitorProperties properties = new PayJanitorProperties(Duration.ofMinutes(1), Duration.ofMinutes(5), 100);
    /** What PaySweepMapper answers, over the in-memory pay orders. */
    final PaySweepMapper sweeps = (before, limit) -> orders.findByTrade(TRADE_NO).stream()
            .filter(order -> EnumSet.of(PayOrderStatus.CREATED, PayOrderStatus.PROCESSING).contains(order.status()))
            .filter(order -> LocalDateTime.ofInstant(order.createdAt(), ZoneOffset.UTC).isBefore(before))
            .map(PayOrder::payOrderNo).limit(limit).toList();

    Sweep<String> sweepAt(Instant now) {
        return PayJanitor.payOrders(properties, sweeps, orchestrator, Clock.fixed(now, ZoneOffset.UTC), new SimpleMeterRegistry());
    }

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
    void aPaymentLeftProcessingWithItsCheckLostIsFinishedByTheJanitor() {
        when(ledger.postPayment(any())).thenReturn(Result.fail(ErrorCode.SYSTEM_ERROR, "timeout"));
        PayOrderDTO unknown = orchestrator.pay(new PayCmd(TRADE_NO, BUYER, PayMethod.BALANCE, "123456", "REQ-000001"));
        assertThat(unknown.status()).isEqualTo(PayOrderStatus.PROCESSING);
        when(ledger.postPayment(any())).thenReturn(Result.ok(null)); // the ledger answers the first posting now

        assertThat(sweepAt(OPENED.plus(Duration.ofMinutes(1))).run().found()).as("younger than its schedule").isZero();
        Sweep.Report report = sweepAt(OPENED.plus(Duration.ofMinutes(6))).run();

        assertThat(report).isEqualTo(new Sweep.Report("pay orders", 1, 0));
        assertThat(orders.find(unknown.payOrderNo()).orElseThrow().status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(events.delivered()).hasSize(1);
        assertThat(sweepAt(OPENED.plus(Duration.ofMinutes(7))).run().found()).as("final: not found again").isZero();
    }

    @Test
    void anAttemptLeftCreatedWithItsCheckLostIsAbandonedAndItsTradeGivenBack() {
        when(tradePayments.beginPay(any())).thenThrow(new IllegalStateException("trade-core timed out"));
        PayOrderDTO created = orchestrator.pay(new PayCmd(TRADE_NO, BUYER, PayMethod.BALANCE, "123456", "REQ-000002"));
        assertThat(created.status()).isEqualTo(PayOrderStatus.CREATED);

        sweepAt(OPENED.plus(Duration.ofMinutes(6))).run();

        assertThat(orders.find(created.payOrderNo()).orElseThrow().status()).isEqualTo(PayOrderStatus.FAILED);
        verify(tradePayments).abandonPay(any());
    }
}
