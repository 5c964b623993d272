package io.paysuite.pay.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.paysuite.pay.infra.PayProperties;
import io.paysuite.pay.infra.event.InProcessPaySuccess;
import io.paysuite.pay.order.PaymentCodePathTest.CountingPayOrders;
import io.paysuite.pay.order.tool.ChannelTool;
import io.paysuite.pay.order.tool.PaymentTools;
import io.paysuite.pay.risk.RiskFakes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code PAY_SUCCEEDED} sent after the success committed (outbox delivery): a send that fails does not fail the
 * payment, and the pay order's check — the outbox's relay — sends it again from the row unless this process saw the
 * broker take it or the row is marked announced (the check may run on the other instance: two share its group).
 */
class PaySuccessAnnouncementTest {

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
    final PayOrchestrator orchestrator = instance();
    /** Runs inside the gateway's charge, while pay-core waits for its answer. */
    final AtomicReference<Runnable> whileCharging = new AtomicReference<>(() -> { });
    final AtomicReference<ChannelOrderStatus> atChannel = new AtomicReference<>(ChannelOrderStatus.SUCCESS);

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
            ChannelOrderStatus status = atChannel.get();
            return Result.ok(new ChannelOrderDTO("C" + cmd.payOrderNo().substring(1), cmd.payOrderNo(), cmd.tradeNo(),
                    ChannelCode.ALIPAY, cmd.method(), cmd.amount(), status, null, null, status.name(), clock.instant(),
                    clock.instant()));
        });
    }

    /** A pay-core process over the same stores and services; a new one is a restarted (or another) instance. */
    PayOrchestrator instance() {
        return instance(events);
    }

    PayOrchestrator instance(InProcessPaySuccess events) {
        return new PayOrchestrator(orders, new PayOrderOpener(orders, new OrderNo(clock, 3), clock),
                new PaymentTools(List.of(new ChannelTool(PayMethod.ALIPAY_CODE, channels, ledger))), events,
                payOrderNo -> { }, tradeService, tradePayments, members, clock, RiskFakes.allowAll(clock));
    }

    PayCmd barcode(String requestNo) {
        return new PayCmd(TRADE_NO, BUYER, PayMethod.ALIPAY_CODE, null, requestNo, "283456789012345678");
    }

    @Test
    void theSuccessCommitsThenItsAnnouncementIsSentOnce() {
        PayOrderDTO paid = orchestrator.pay(barcode("REQ-000001"));

        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(events.sendsTried()).isEqualTo(1);
        JsonNode event = InProcessPaySuccess.body(events.delivered().get(0));
        PayOrder row = orders.find(paid.payOrderNo()).orElseThrow();
        assertThat(event.get("pay_order_no").asText()).isEqualTo(row.payOrderNo());
        assertThat(event.get("channel").asText()).isEqualTo(row.channel()).isEqualTo("ALIPAY");
        assertThat(Instant.parse(event.get("finished_at").asText())).isEqualTo(row.finishedAt());
    }

    @Test
    void theAnswerCarriesTheHandedOverTradeAndTheMemoryHearsWhenTheBrokerStoresLater() {
        TradeDTO recorded = new TradeDTO(TRADE_NO, "M100001", "till-1", TradeType.INSTANT, TradeStatus.SUCCESS,
                Money.cny(1000), Money.cny(1000), Money.cny(0), "subject", null, null, null, null, null, clock.instant(),
                clock.instant(), null);
        List<Runnable> brokerAnswers = new ArrayList<>();
        PaySuccess handingOver = new PaySuccess() {
            @Override
            public Optional<Succeeded> succeed(PayOrder order, String channel, Consumer<PayOrder> announced) {
                // the broker answers after pay-core answered: the stored callback is held until the test runs it
                return events.succeed(order, channel, paid -> brokerAnswers.add(() -> announced.accept(paid)))
                        .map(won -> new Succeeded(won.order(), recorded));
            }

            @Override
            public boolean announce(PayOrder paid) {
                return events.announce(paid);
            }
        };
        PayOrchestrator orchestrator = new PayOrchestrator(orders, new PayOrderOpener(orders, new OrderNo(clock, 3), clock),
                new PaymentTools(List.of(new ChannelTool(PayMethod.ALIPAY_CODE, channels, ledger))), handingOver,
                payOrderNo -> { }, tradeService, tradePayments, members, clock, RiskFakes.allowAll(clock));

        PayOrderDTO paid = orchestrator.pay(barcode("REQ-000009"));

        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(paid.trade()).as("the till shows trade-core's record without asking for it").isEqualTo(recorded);
        assertThat(brokerAnswers).hasSize(1);

        brokerAnswers.get(0).run();
        int readsBefore = orders.reads;
        assertThat(orchestrator.recover(paid.payOrderNo())).isTrue();
        assertThat(orders.reads).as("told by the broker's answer: the check reads nothing").isEqualTo(readsBefore);
    }

    @Test
    void aSendThatFailsAfterTheCommitAnswersSuccessAndTheCheckSendsItThenRemembers() {
        events.brokerDown(true);

        PayOrderDTO paid = orchestrator.pay(barcode("REQ-000002"));

        assertThat(paid.status()).as("the money moved: the caller hears SUCCESS").isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(events.delivered()).isEmpty();

        events.brokerDown(false);
        int readsBefore = orders.reads;
        assertThat(orchestrator.recover(paid.payOrderNo())).as("the check is done once it is sent").isTrue();
        assertThat(orders.reads - readsBefore).as("not remembered as announced: the row is read").isEqualTo(1);
        assertThat(events.delivered()).hasSize(1);
        assertThat(InProcessPaySuccess.body(events.delivered().get(0)).get("channel").asText()).isEqualTo("ALIPAY");

        int sends = events.sendsTried();
        readsBefore = orders.reads;
        assertThat(orchestrator.recover(paid.payOrderNo())).isTrue();
        assertThat(orders.reads).as("announced now: a repeat check reads nothing").isEqualTo(readsBefore);
        assertThat(events.sendsTried()).as("and sends nothing").isEqualTo(sends);
        assertThat(orders.markedAnnounced(paid.payOrderNo())).as("the check's resend marked the row").isTrue();
        assertThat(instance().recover(paid.payOrderNo())).isTrue();
        assertThat(events.sendsTried()).as("nor does the other instance's check").isEqualTo(sends);
        verify(channels, times(1)).charge(any());
        verify(ledger, times(1)).postPayment(any());
    }

    @Test
    void aCheckWhileTheBrokerIsStillDownComesBackAndSendsLater() {
        events.brokerDown(true);
        PayOrderDTO paid = orchestrator.pay(barcode("REQ-000003"));

        assertThatThrownBy(() -> orchestrator.recover(paid.payOrderNo())).as("the check cannot finish: it comes back")
                .isInstanceOf(IllegalStateException.class);
        assertThat(events.delivered()).isEmpty();

        events.brokerDown(false);
        assertThat(orchestrator.recover(paid.payOrderNo())).isTrue();
        assertThat(events.delivered()).hasSize(1);
    }

    @Test
    void theCheckOfAnAnnouncedPaymentReadsAndSendsNothing() {
        PayOrderDTO paid = orchestrator.pay(barcode("REQ-000004"));
        int reads = orders.reads;

        assertThat(orchestrator.recover(paid.payOrderNo())).isTrue();

        assertThat(orders.reads).isEqualTo(reads);
        assertThat(events.sendsTried()).isEqualTo(1);
    }

    @Test
    void theCheckOnTheOtherInstanceOfAMarkedSuccessSendsNothing() {
        PayOrderDTO paid = orchestrator.pay(barcode("REQ-000010"));
        assertThat(orders.markedAnnounced(paid.payOrderNo())).isTrue();
        PayOrchestrator other = instance(); // shares the check's consumer group: its memory knows nothing of the send
        int reads = orders.reads;

        assertThat(other.recover(paid.payOrderNo())).isTrue();

        assertThat(events.sendsTried()).as("the row's mark says the broker has it").isEqualTo(1);
        assertThat(orders.reads - reads).as("one read of the row").isEqualTo(1);
        reads = orders.reads;
        assertThat(other.recover(paid.payOrderNo())).isTrue();
        assertThat(orders.reads).as("remembered there now: its next check reads nothing").isEqualTo(reads);
        assertThat(events.sendsTried()).isEqualTo(1);
    }

    @Test
    void theCheckOnTheOtherInstanceOfAnUnmarkedSuccessResendsAndMarks() {
        orders.marksFail(true); // the sending instance died before its marks' flush
        PayOrderDTO paid = orchestrator.pay(barcode("REQ-000011"));
        orders.marksFail(false);
        assertThat(orders.markedAnnounced(paid.payOrderNo())).isFalse();

        assertThat(instance().recover(paid.payOrderNo())).isTrue();

        assertThat(events.sendsTried()).as("one resend: a mark lost costs one duplicate").isEqualTo(2);
        assertThat(orders.markedAnnounced(paid.payOrderNo())).isTrue();
        assertThat(instance().recover(paid.payOrderNo())).isTrue();
        assertThat(events.sendsTried()).as("a third instance reads the mark the resend wrote").isEqualTo(2);
    }

    @Test
    void inTransactionalDeliveryNoInstancesCheckSendsOrMarks() {
        InProcessPaySuccess transactional = new InProcessPaySuccess(orders, clock,
                PayProperties.SuccessDelivery.TRANSACTIONAL);
        PayOrderDTO paid = instance(transactional).pay(barcode("REQ-000012"));

        assertThat(instance(transactional).recover(paid.payOrderNo())).isTrue();

        assertThat(transactional.delivered()).as("the committed half message only: the check-back delivers").hasSize(1);
        assertThat(transactional.sendsTried()).isZero();
        assertThat(orders.markStatements()).isEmpty();
    }

    @Test
    void aRestartedProcessesCheckOfAnUnmarkedSuccessSendsExactlyTheOriginalMessage() {
        orders.marksFail(true); // a crash took the mark with it
        PayOrderDTO paid = orchestrator.pay(barcode("REQ-000005"));
        orders.marksFail(false);
        Message first = events.delivered().get(0);

        assertThat(instance().recover(paid.payOrderNo())).as("another instance, or this one restarted").isTrue();

        assertThat(events.delivered()).hasSize(2);
        Message again = events.delivered().get(1);
        assertThat(again.getTopic()).isEqualTo(first.getTopic());
        assertThat(again.getTags()).isEqualTo(first.getTags());
        assertThat(again.getKeys()).isEqualTo(first.getKeys());
        assertThat(new String(again.getBody())).as("every field rebuilt from the row").isEqualTo(new String(first.getBody()));
    }

    @Test
    void aCheckDuringTheSendAfterTheCommitLeavesTheAnnouncementToThatSend() {
        List<Boolean> checked = new ArrayList<>();
        events.whileSending(() -> {
            events.whileSending(() -> { });
            checked.add(orchestrator.recover(orders.onlyOrder().payOrderNo()));
        });

        PayOrderDTO paid = orchestrator.pay(barcode("REQ-000006"));

        assertThat(checked).as("SUCCESS but being announced here: not done, the check comes back").containsExactly(false);
        assertThat(events.sendsTried()).as("one send, the charge's").isEqualTo(1);
        assertThat(orchestrator.recover(paid.payOrderNo())).isTrue();
        assertThat(events.sendsTried()).isEqualTo(1);
    }

    @Test
    void aCheckBeforeTheSuccessCommittedBehavesAsBeforeAndSendsNothing() {
        List<Boolean> checked = new ArrayList<>();
        whileCharging.set(() -> checked.add(orchestrator.recover(orders.onlyOrder().payOrderNo())));

        orchestrator.pay(barcode("REQ-000007"));

        assertThat(checked).containsExactly(false);
        assertThat(events.sendsTried()).isEqualTo(1);
    }

    @Test
    void aCheckThatLosesTheSuccessToAnotherPathThatNeverAnnouncedItSendsIt() {
        atChannel.set(ChannelOrderStatus.PROCESSING); // the buyer confirms in the app: the till hears PAYING
        PayOrderDTO paying = orchestrator.pay(barcode("REQ-000008"));
        assertThat(paying.status()).isEqualTo(PayOrderStatus.PROCESSING);
        atChannel.set(ChannelOrderStatus.SUCCESS);
        // another instance's channel result wins the compare-and-set while this check charges, then dies unsent
        whileCharging.set(() -> orders.transition(paying.payOrderNo(), PayOrderStatus.PROCESSING, PayOrderStatus.SUCCESS,
                null, "ALIPAY", clock.instant()));

        assertThat(orchestrator.recover(paying.payOrderNo())).isTrue();

        assertThat(events.delivered()).as("this check's success lost its compare-and-set and announced the row's")
                .hasSize(1);
        assertThat(InProcessPaySuccess.body(events.delivered().get(0)).get("pay_order_no").asText())
                .isEqualTo(paying.payOrderNo());
    }

    @Test
    void aMissedCompareAndSetSendsNothing() {
        atChannel.set(ChannelOrderStatus.PROCESSING);
        PayOrderDTO paying = orchestrator.pay(barcode("REQ-000009"));
        atChannel.set(ChannelOrderStatus.SUCCESS);
        when(tradePayments.abandonPay(any())).thenReturn(Result.ok(null));
        // a definite failure got there first (the channel reversed it); the late success answer loses
        whileCharging.set(() -> orders.transition(paying.payOrderNo(), PayOrderStatus.PROCESSING, PayOrderStatus.FAILED,
                "REVERSED", null, clock.instant()));

        assertThat(orchestrator.recover(paying.payOrderNo())).isTrue();

        assertThat(events.sendsTried()).isZero();
    }
}
