package io.paysuite.pay.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
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
import io.paysuite.api.member.MemberService;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.trade.AbandonPayCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentService;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.pay.infra.event.InProcessPaySuccess;
import io.paysuite.pay.order.InMemoryPayOrders.Write;
import io.paysuite.pay.order.tool.BalanceTool;
import io.paysuite.pay.order.tool.ChannelTool;
import io.paysuite.pay.order.tool.PaymentTools;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pay order's check is stored while the trade is taken — two round trips the till used to wait for one after
 * the other — and still nothing is charged before the broker has the check. A check the broker did not store (or did
 * not confirm within the send timeout) refuses the payment, gives back the trade {@code beginPay} took meanwhile, and
 * charges nothing.
 */
class PayCheckOverlapTest {

    static final String TRADE_NO = "T2026112210000003000000519";
    static final String BUYER = "10000000007";

    final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    final InMemoryPayOrders orders = new InMemoryPayOrders();
    final LedgerService ledger = mock(LedgerService.class);
    final TradeService tradeService = mock(TradeService.class);
    final TradePaymentService tradePayments = mock(TradePaymentService.class);
    final MemberService members = mock(MemberService.class);
    /** What happened, in order, on whichever thread. */
    final List<String> steps = new CopyOnWriteArrayList<>();
    final HeldChecks checks = new HeldChecks();
    final PayOrchestrator orchestrator = new PayOrchestrator(orders, new PayOrderOpener(orders, new OrderNo(clock, 3), clock),
            new PaymentTools(List.of(new BalanceTool(ledger), new ChannelTool(PayMethod.WECHAT_QR, mock(ChannelService.class), ledger))),
            new InProcessPaySuccess(orders, clock), checks, tradeService, tradePayments, members, clock,
            io.paysuite.pay.risk.RiskFakes.allowAll(clock));
    TradeDTO trade;

    /** Checks sent asynchronously, whose broker answers when the test says; at most {@code bound} awaited. */
    final class HeldChecks implements PayChecks {
        Duration bound = Duration.ofSeconds(30);
        volatile PendingCheck pending;

        @Override
        public void schedule(PayOrder order) {
            steps.add("check sent");
            steps.add("check stored"); // synchronously, as before the overlap
        }

        @Override
        public PendingCheck start(PayOrder order) {
            steps.add("check sent");
            pending = PendingCheck.sending(bound);
            return pending;
        }

        /** The broker's answer, a little later, on another thread (the client's callback thread). */
        void storedIn(long millis) {
            PendingCheck check = pending;
            CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS).execute(() -> {
                steps.add("check stored");
                check.stored();
            });
        }

        void notStored() {
            steps.add("check not stored");
            pending.notStored(new IllegalStateException("broker down"));
        }
    }

    @BeforeEach
    void aTradeWaitingForItsBuyer() {
        trade = new TradeDTO(TRADE_NO, "M100001", "order-1", TradeType.INSTANT, TradeStatus.WAIT_PAY, Money.cny(1000),
                Money.cny(0), Money.cny(0), "subject", BUYER, null, null, null, null, clock.instant(), null, null);
        when(tradeService.get(any())).thenReturn(Result.ok(trade));
        when(tradePayments.abandonPay(any())).thenReturn(Result.ok(trade));
        when(members.getBuyer(any())).thenReturn(Result.ok(null));
        when(members.verifyPayPassword(any())).thenReturn(Result.ok(null));
        when(ledger.postPayment(any())).thenAnswer(call -> {
            steps.add("charge");
            return Result.ok(null);
        });
    }

    PayCmd balance(String requestNo) {
        return new PayCmd(TRADE_NO, BUYER, PayMethod.BALANCE, "123456", requestNo);
    }

    /** beginPay takes the trade, and then the broker answers as {@code broker} says. */
    void beginPayTakesTheTradeThen(Runnable broker) {
        when(tradePayments.beginPay(any())).thenAnswer(call -> {
            steps.add("beginPay");
            broker.run();
            return Result.ok(trade);
        });
    }

    PayOrder theOnlyPayOrder() {
        return orders.findByTrade(TRADE_NO).stream().reduce((a, b) -> {
            throw new AssertionError("more than one pay order");
        }).orElseThrow();
    }

    @Test
    void theTradeIsTakenWhileTheCheckIsStoredAndChargedOnlyOnceTheBrokerHasIt() {
        beginPayTakesTheTradeThen(() -> {
            assertThat(orders.writes()).as("nothing moved while the check travels").isEmpty();
            checks.storedIn(100);
        });

        PayOrderDTO paid = orchestrator.pay(balance("REQ-000001"));

        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(steps).containsExactly("check sent", "beginPay", "check stored", "charge");
        verify(tradePayments, never()).abandonPay(any());
    }

    @Test
    void aCheckTheBrokerDidNotStoreGivesBackTheTradeBeginPayTookAndChargesNothing() {
        beginPayTakesTheTradeThen(checks::notStored);

        assertThatThrownBy(() -> orchestrator.pay(balance("REQ-000002")))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.SERVICE_DEGRADED);

        PayOrder failed = theOnlyPayOrder();
        assertThat(failed.status()).isEqualTo(PayOrderStatus.FAILED);
        assertThat(failed.failCode()).isEqualTo(ErrorCode.SERVICE_DEGRADED.code());
        assertThat(orders.writes()).containsExactly(
                new Write(failed.payOrderNo(), PayOrderStatus.CREATED, PayOrderStatus.FAILED, "SERVICE_DEGRADED", null));
        verify(tradePayments).abandonPay(new AbandonPayCmd(TRADE_NO, failed.payOrderNo(), "SERVICE_DEGRADED"));
        verify(ledger, never()).postPayment(any());
        assertThat(steps).containsExactly("check sent", "beginPay", "check not stored");
        // a repeat of the request answers the failed pay order: nothing is taken or charged again
        assertThat(orchestrator.pay(balance("REQ-000002")).status()).isEqualTo(PayOrderStatus.FAILED);
        verify(tradePayments).beginPay(any());
    }

    @Test
    void noAnswerFromTheBrokerWithinTheSendTimeoutCountsAsNotStored() {
        checks.bound = Duration.ofMillis(50);
        beginPayTakesTheTradeThen(() -> { });

        assertThatThrownBy(() -> orchestrator.pay(balance("REQ-000003")))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.SERVICE_DEGRADED);

        PayOrder failed = theOnlyPayOrder();
        assertThat(failed.status()).isEqualTo(PayOrderStatus.FAILED);
        verify(tradePayments).abandonPay(new AbandonPayCmd(TRADE_NO, failed.payOrderNo(), "SERVICE_DEGRADED"));
        verify(ledger, never()).postPayment(any());
        // the broker's late answer changes nothing here; the check, if stored after all, finds the pay order FAILED
        checks.pending.stored();
        assertThat(theOnlyPayOrder().status()).isEqualTo(PayOrderStatus.FAILED);
    }

    @Test
    void aBrokerDownForASynchronousCheckAlsoGivesBackTheTakenTrade() {
        // the default start: a check set synchronously (a lambda) that throws is not stored
        PayOrchestrator synchronous = new PayOrchestrator(orders, new PayOrderOpener(orders, new OrderNo(clock, 3), clock),
                new PaymentTools(List.of(new BalanceTool(ledger))), new InProcessPaySuccess(orders, clock),
                order -> {
                    throw new IllegalStateException("broker down");
                }, tradeService, tradePayments, members, clock, io.paysuite.pay.risk.RiskFakes.allowAll(clock));
        beginPayTakesTheTradeThen(() -> { });

        assertThatThrownBy(() -> synchronous.pay(balance("REQ-000004")))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.SERVICE_DEGRADED);

        verify(tradePayments).abandonPay(new AbandonPayCmd(TRADE_NO, theOnlyPayOrder().payOrderNo(), "SERVICE_DEGRADED"));
        verify(ledger, never()).postPayment(any());
    }

    @Test
    void anAbandonThatFailsLeavesTheTradeToTradeCoresJanitorAndStillChargesNothing() {
        beginPayTakesTheTradeThen(checks::notStored);
        when(tradePayments.abandonPay(any())).thenThrow(new IllegalStateException("trade-core not answering"));

        assertThatThrownBy(() -> orchestrator.pay(balance("REQ-000005")))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.SERVICE_DEGRADED);

        // FAILED is what trade-core's PayingTradeRecovery reads to give a PAYING trade back
        assertThat(theOnlyPayOrder().status()).isEqualTo(PayOrderStatus.FAILED);
        verify(ledger, never()).postPayment(any());
    }

    @Test
    void beginPaysUnknownOutcomeWithAStoredCheckLeavesThePayOrderCreatedForTheCheckOnceTheBrokerHasIt() {
        when(tradePayments.beginPay(any())).thenAnswer(call -> {
            steps.add("beginPay");
            checks.storedIn(100);
            return Result.fail(ErrorCode.SYSTEM_ERROR, "trade-core timed out");
        });

        PayOrderDTO answered = orchestrator.pay(balance("REQ-000006"));
        steps.add("answered");

        assertThat(answered.status()).isEqualTo(PayOrderStatus.CREATED);
        // answered only once the check that finishes it (abandoned, trade given back) is stored
        assertThat(steps).containsExactly("check sent", "beginPay", "check stored", "answered");
        assertThat(orders.writes()).isEmpty();
        verify(tradePayments, never()).abandonPay(any());
        verify(ledger, never()).postPayment(any());
    }

    @Test
    void beginPaysUnknownOutcomeWithoutAStoredCheckFailsThePayOrderAndGivesTheTradeBackIfItWasTaken() {
        when(tradePayments.beginPay(any())).thenAnswer(call -> {
            steps.add("beginPay");
            checks.notStored();
            throw new IllegalStateException("trade-core timed out");
        });

        assertThatThrownBy(() -> orchestrator.pay(balance("REQ-000007")))
                .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.SERVICE_DEGRADED);

        PayOrder failed = theOnlyPayOrder();
        assertThat(failed.status()).isEqualTo(PayOrderStatus.FAILED);
        // abandonPay gives the trade back only if this pay order holds it; a beginPay landing after it leaves the
        // trade PAYING for a FAILED pay order, which trade-core's janitor gives back
        verify(tradePayments).abandonPay(new AbandonPayCmd(TRADE_NO, failed.payOrderNo(), "SERVICE_DEGRADED"));
        verify(ledger, never()).postPayment(any());
    }

    @Test
    void aRefusedBeginPayIsAnsweredWithoutWaitingForTheCheck() {
        when(tradePayments.beginPay(any())).thenAnswer(call -> {
            steps.add("beginPay");
            return Result.fail(ErrorCode.TRADE_PAYING, "another attempt holds the trade");
        });

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> // the check's bound is 30 s
                assertThatThrownBy(() -> orchestrator.pay(balance("REQ-000008")))
                        .isInstanceOf(BizException.class).extracting(e -> ((BizException) e).code()).isEqualTo(ErrorCode.TRADE_PAYING));

        PayOrder failed = theOnlyPayOrder();
        assertThat(failed.status()).isEqualTo(PayOrderStatus.FAILED);
        assertThat(failed.failCode()).isEqualTo(ErrorCode.TRADE_PAYING.code());
        verify(tradePayments, never()).abandonPay(any()); // not this pay order's trade
        verify(ledger, never()).postPayment(any());
    }
}
