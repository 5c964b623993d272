package io.paysuite.pay.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.channel.ChargeChannelCmd;
import io.paysuite.api.common.Result;
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
import io.paysuite.pay.infra.event.InProcessPaySuccess;
import io.paysuite.pay.order.tool.ChannelTool;
import io.paysuite.pay.order.tool.PaymentTools;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a payment-code payment paid at once costs pay-core — pay order reads and calls to other services — and
 * that a second way to the same result (the delayed check, a channel result) arriving while the payment is being
 * charged repeats none of it.
 */
class PaymentCodePathTest {

    static final String TRADE_NO = "T2026112210000003000000519";
    static final String BUYER = "2088000000000001";

    final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    final CountingPayOrders orders = new CountingPayOrders();
    final InProcessPaySuccess events = new InProcessPaySuccess(orders, clock);
    final ChannelService channels = mock(ChannelService.class);
    final LedgerService ledger = mock(LedgerService.class);
    final TradeService tradeService = mock(TradeService.class);
    final TradePaymentService tradePayments = mock(TradePaymentService.class);
    final MemberService members = mock(MemberService.class);
    final PayOrchestrator orchestrator = new PayOrchestrator(orders, new PayOrderOpener(orders, new OrderNo(clock, 3), clock),
            new PaymentTools(List.of(new ChannelTool(PayMethod.ALIPAY_CODE, channels, ledger))),
            events, payOrderNo -> { }, tradeService, tradePayments, members, clock, io.paysuite.pay.risk.RiskFakes.allowAll(clock));

    /** Runs inside the gateway's charge, while pay-core waits for its answer. */
    final AtomicReference<Runnable> whileCharging = new AtomicReference<>(() -> { });
    final List<Boolean> recoveredWhileCharging = new ArrayList<>();

    @BeforeEach
    void aTradeAtTheTill() {
        TradeDTO trade = new TradeDTO(TRADE_NO, "M100001", "till-1", TradeType.INSTANT, TradeStatus.WAIT_PAY, Money.cny(1000),
                Money.cny(0), Money.cny(0), "subject", null, null, null, null, null, clock.instant(), null, null);
        when(tradeService.get(any())).thenReturn(Result.ok(trade));
        when(tradePayments.beginPay(any())).thenReturn(Result.ok(trade));
        when(ledger.postPayment(any())).thenReturn(Result.ok(null));
        when(channels.charge(any())).thenAnswer(call -> {
            whileCharging.get().run();
            ChargeChannelCmd cmd = call.getArgument(0);
            return Result.ok(new ChannelOrderDTO("C" + cmd.payOrderNo().substring(1), cmd.payOrderNo(), cmd.tradeNo(),
                    ChannelCode.ALIPAY, cmd.method(), cmd.amount(), ChannelOrderStatus.SUCCESS, null, "2026112222001",
                    "10000", clock.instant(), clock.instant()));
        });
    }

    PayCmd barcode(String requestNo) {
        return new PayCmd(TRADE_NO, BUYER, PayMethod.ALIPAY_CODE, null, requestNo, "283456789012345678");
    }

    @Test
    void aPaymentCodePaidAtOnceReadsItsPayOrderOnceAndAnswersItAsStored() {
        PayOrderDTO paid = orchestrator.pay(barcode("REQ-000001"));

        assertThat(orders.reads).as("the request's lookup only: not again before the insert, not after the success")
                .isEqualTo(1);
        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(paid).as("the answer is the row as the success's compare-and-set left it")
                .isEqualTo(orders.find(paid.payOrderNo()).orElseThrow().toDTO());
        assertThat(events.delivered()).hasSize(1);
        verify(tradeService, times(1)).get(any());
        verify(channels, times(1)).charge(any());
        verify(ledger, times(1)).postPayment(any());
    }

    @Test
    void theDelayedCheckOfAPaymentThisProcessFinishedReadsNothing() {
        PayOrderDTO paid = orchestrator.pay(barcode("REQ-000002"));
        int readsAfterPay = orders.reads;

        assertThat(orchestrator.recover(paid.payOrderNo())).as("final: the check is done").isTrue();
        assertThat(orders.reads).as("succeeded here: no read of the pay order").isEqualTo(readsAfterPay);
        verify(tradeService, times(1)).get(any());
        verify(channels, times(1)).charge(any());

        assertThat(new PayOrchestrator(orders, new PayOrderOpener(orders, new OrderNo(clock, 3), clock),
                new PaymentTools(List.of(new ChannelTool(PayMethod.ALIPAY_CODE, channels, ledger))), events, payOrderNo -> { },
                tradeService, tradePayments, members, clock, io.paysuite.pay.risk.RiskFakes.allowAll(clock))
                .recover(paid.payOrderNo())).as("another instance (or this one restarted) reads it, and it is final").isTrue();
        assertThat(orders.reads).isEqualTo(readsAfterPay + 1);
    }

    @Test
    void aChannelResultOrCheckArrivingWhileThePaymentIsChargedHereRepeatsNothing() {
        whileCharging.set(() -> {
            String payOrderNo = orders.onlyOrder().payOrderNo();
            assertThat(orchestrator.charging(payOrderNo)).isTrue();
            recoveredWhileCharging.add(orchestrator.recover(payOrderNo));
        });

        PayOrderDTO paid = orchestrator.pay(barcode("REQ-000002"));

        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(recoveredWhileCharging).as("not final yet for the check, which comes back; nothing done twice")
                .containsExactly(false);
        assertThat(orchestrator.charging(paid.payOrderNo())).isFalse();
        verify(tradeService, times(1)).get(any());
        verify(channels, times(1)).charge(any());
        verify(ledger, times(1)).postPayment(any());
        assertThat(events.delivered()).as("one PAY_SUCCEEDED, one success compare-and-set").hasSize(1);
        assertThat(orders.writes()).extracting(InMemoryPayOrders.Write::to)
                .containsExactly(PayOrderStatus.PROCESSING, PayOrderStatus.SUCCESS);
    }

    @Test
    void aChannelResultAfterTheSuccessHereIsNoReadAndNoCall() {
        PayOrderDTO paid = orchestrator.pay(barcode("REQ-000003"));
        int readsBefore = orders.reads;

        assertThat(orchestrator.recover(paid.payOrderNo())).isTrue();

        assertThat(orders.reads - readsBefore).as("succeeded here: not even the pay order is read").isZero();
        verify(tradeService, times(1)).get(any());
        verify(channels, times(1)).charge(any());
        verify(ledger, times(1)).postPayment(any());
        assertThat(events.delivered()).hasSize(1);
    }

    @Test
    void aCodeTheChannelReversesAfterTheTillWasToldPayingClosesItsTradeAtOnce() {
        when(tradeService.close(any())).thenReturn(Result.ok(null));
        when(tradePayments.abandonPay(any())).thenReturn(Result.ok(null));
        AtomicReference<ChannelOrderStatus> atChannel = new AtomicReference<>(ChannelOrderStatus.PROCESSING);
        org.mockito.Mockito.doAnswer(call -> {
            ChargeChannelCmd cmd = call.getArgument(0);
            return Result.ok(new ChannelOrderDTO("C" + cmd.payOrderNo().substring(1), cmd.payOrderNo(), cmd.tradeNo(),
                    ChannelCode.ALIPAY, cmd.method(), cmd.amount(), atChannel.get(), null, null,
                    atChannel.get() == ChannelOrderStatus.FAILED ? "REVERSED" : "USERPAYING", clock.instant(), clock.instant()));
        }).when(channels).charge(any());
        PayOrderDTO paying = orchestrator.pay(barcode("REQ-000004"));
        assertThat(paying.status()).as("the till hears PAYING").isEqualTo(PayOrderStatus.PROCESSING);

        atChannel.set(ChannelOrderStatus.FAILED); // the buyer never confirmed: reversed at 30 s
        assertThat(orchestrator.recover(paying.payOrderNo())).isTrue();

        assertThat(orders.find(paying.payOrderNo()).orElseThrow().status()).isEqualTo(PayOrderStatus.FAILED);
        verify(tradePayments, times(1)).abandonPay(any());
        verify(tradeService, times(1)).close(new io.paysuite.api.trade.CloseTradeCmd(TRADE_NO, "M100001"));
    }

    @Test
    void aCodeDeclinedAtOnceLeavesItsTradeForAnotherCode() {
        when(tradePayments.abandonPay(any())).thenReturn(Result.ok(null));
        org.mockito.Mockito.doAnswer(call -> {
            ChargeChannelCmd cmd = call.getArgument(0);
            return Result.ok(new ChannelOrderDTO("C" + cmd.payOrderNo().substring(1), cmd.payOrderNo(), cmd.tradeNo(),
                    ChannelCode.ALIPAY, cmd.method(), cmd.amount(), ChannelOrderStatus.FAILED, null, null,
                    "ACQ.PAYMENT_AUTH_CODE_INVALID", clock.instant(), clock.instant()));
        }).when(channels).charge(any());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> orchestrator.pay(barcode("REQ-000005")))
                .hasMessageContaining("ACQ.PAYMENT_AUTH_CODE_INVALID");

        verify(tradeService, times(0)).close(any());
    }

    /** {@link InMemoryPayOrders} counting the reads pay-core makes of pay orders. */
    static final class CountingPayOrders extends InMemoryPayOrders {
        int reads;

        @Override
        public synchronized Optional<PayOrder> find(String payOrderNo) {
            reads++;
            return super.find(payOrderNo);
        }

        @Override
        public synchronized Optional<PayOrder> findByRequest(String tradeNo, String requestNo) {
            reads++;
            return super.findByRequest(tradeNo, requestNo);
        }

        /** The unique key's check inside the fake's insert is the database's, not a read of pay-core's. */
        @Override
        public synchronized boolean insert(PayOrder order) {
            int before = reads;
            boolean inserted = super.insert(order);
            reads = before;
            return inserted;
        }

        PayOrder onlyOrder() {
            List<PayOrder> all = super.findByTrade(TRADE_NO);
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
