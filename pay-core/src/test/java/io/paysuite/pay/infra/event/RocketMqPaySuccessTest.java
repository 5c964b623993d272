package io.paysuite.pay.infra.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.event.PaySucceeded;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.OpenPayOrderCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.trade.AbandonPayCmd;
import io.paysuite.api.trade.BeginPayCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradePaymentService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.kit.mq.MessageSender;
import io.paysuite.pay.infra.PayProperties;
import io.paysuite.pay.infra.PayProperties.SuccessDelivery;
import io.paysuite.pay.order.InMemoryPayOrders;
import io.paysuite.pay.order.PayOrder;
import io.paysuite.pay.order.PaySuccess.Succeeded;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RocketMqPaySuccessTest {

    static final String PAY_ORDER_NO = "P2026112210000003000010519";
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    final Clock clock = Clock.fixed(T0.plusSeconds(3), ZoneOffset.UTC);
    final InMemoryPayOrders orders = new InMemoryPayOrders();
    final InProcessPaySuccess events = new InProcessPaySuccess(orders, clock);
    /** The pay orders whose announcement the caller was told the broker stored (the orchestrator's memory). */
    final List<String> announced = new ArrayList<>();
    final Consumer<PayOrder> told = paid -> announced.add(paid.payOrderNo());

    @ParameterizedTest
    @EnumSource(SuccessDelivery.class)
    void theChannelGoesIntoTheSuccessCompareAndSetAndIntoPaySucceeded(SuccessDelivery delivery) {
        InProcessPaySuccess events = new InProcessPaySuccess(orders, clock, delivery);
        PayOrder order = processing();

        Succeeded answered = events.succeed(order, "UNIONPAY", told).orElseThrow();

        PayOrder paid = orders.find(PAY_ORDER_NO).orElseThrow();
        assertThat(answered.order()).as("the row as the compare-and-set left it, known without reading it back")
                .usingRecursiveComparison().ignoringFields("announcedAt").isEqualTo(paid);
        assertThat(paid.markedAnnounced()).as("marked after the send (outbox) or not at all (transactional)")
                .isEqualTo(delivery == SuccessDelivery.OUTBOX);
        assertThat(announced).as("the caller's memory is told").containsExactly(PAY_ORDER_NO);
        assertThat(answered.trade()).as("no hand-over: no trade").isNull();
        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(paid.channel()).isEqualTo("UNIONPAY");
        assertThat(orders.writes()).extracting(InMemoryPayOrders.Write::channel).containsExactly(null, "UNIONPAY");
        assertThat(events.delivered()).hasSize(1);
        Message message = events.delivered().get(0);
        assertThat(message.getTopic()).isEqualTo("PAYSUITE_PAY_EVENT");
        assertThat(message.getTags()).isEqualTo("PAY_SUCCEEDED");
        assertThat(message.getKeys()).isEqualTo(PAY_ORDER_NO + " T2026112210000003000000519");
        JsonNode event = InProcessPaySuccess.body(message);
        assertThat(event.get("channel").asText()).isEqualTo("UNIONPAY");
        assertThat(event.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(Instant.parse(event.get("finished_at").asText())).isEqualTo(paid.finishedAt());
    }

    @ParameterizedTest
    @EnumSource(SuccessDelivery.class)
    void aPayOrderNoLongerProcessingGetsNeitherTheChannelNorAnEvent(SuccessDelivery delivery) {
        InProcessPaySuccess events = new InProcessPaySuccess(orders, clock, delivery);
        PayOrder order = processing();
        orders.transition(PAY_ORDER_NO, PayOrderStatus.PROCESSING, PayOrderStatus.FAILED, "CHANNEL_DECLINED", null, T0);

        assertThat(events.succeed(order, "UNIONPAY", told)).isEmpty();

        assertThat(orders.find(PAY_ORDER_NO).orElseThrow().channel()).isNull();
        assertThat(events.delivered()).isEmpty();
        assertThat(events.sendsTried()).as("a missed compare-and-set sends nothing").isZero();
    }

    @Test
    void outboxDeliverySendsOnlyAfterTheCompareAndSetCommitted() {
        PayOrder order = processing();
        List<PayOrderStatus> rowWhenSent = new ArrayList<>();
        RocketMqPaySuccess success = new RocketMqPaySuccess(PayProperties.defaults(), orders, clock,
                message -> rowWhenSent.add(orders.find(PAY_ORDER_NO).orElseThrow().status()));

        success.succeed(order, "UNIONPAY", told).orElseThrow();

        assertThat(announced).containsExactly(PAY_ORDER_NO);
        assertThat(rowWhenSent).as("one plain send, the row already SUCCESS").containsExactly(PayOrderStatus.SUCCESS);
    }

    @Test
    void tradeCoreIsHandedTheSuccessBeforeTheBrokerAndHearsTheSameEvent() {
        PayOrder order = processing();
        List<String> steps = new ArrayList<>();
        List<Message> sent = new ArrayList<>();
        HandOvers trades = new HandOvers(steps, null);
        RocketMqPaySuccess success = new RocketMqPaySuccess(PayProperties.defaults(), orders, clock, message -> {
            steps.add("broker");
            sent.add(message);
        }, trades);

        success.succeed(order, "UNIONPAY", told).orElseThrow();

        assertThat(announced).containsExactly(PAY_ORDER_NO);
        assertThat(steps).as("trade-core first, so the till's trade is paid before the broker's hop").containsExactly(
                "hand-over " + PayOrderStatus.SUCCESS, "broker");
        PaySucceeded handed = trades.events.get(0);
        JsonNode event = InProcessPaySuccess.body(sent.get(0));
        assertThat(handed.payOrderNo()).isEqualTo(event.get("pay_order_no").asText());
        assertThat(handed.tradeNo()).isEqualTo(event.get("trade_no").asText());
        assertThat(handed.channel()).isEqualTo("UNIONPAY").isEqualTo(event.get("channel").asText());
        assertThat(handed.finishedAt()).isEqualTo(Instant.parse(event.get("finished_at").asText()));
        assertThat(handed.amount()).isEqualTo(Money.cny(1000));
    }

    @Test
    void aHandOverThatFailsOrIsRefusedChangesNothing() {
        for (RuntimeException failure : List.of(new IllegalStateException("trade-core timed out"),
                new RuntimeException("refused"))) {
            InMemoryPayOrders orders = new InMemoryPayOrders();
            List<String> steps = new ArrayList<>();
            HandOvers trades = new HandOvers(steps, failure.getMessage().equals("refused") ? null : failure, orders);
            trades.refuse = failure.getMessage().equals("refused");
            RocketMqPaySuccess success = new RocketMqPaySuccess(PayProperties.defaults(), orders, clock,
                    message -> steps.add("broker"), trades);
            PayOrder created = PayOrder.open(PAY_ORDER_NO, new OpenPayOrderCmd("T2026112210000003000000519", "10000000007",
                    "M100001", PayMethod.BANK_CARD, Money.cny(1000), "REQ-000001"), "digest", T0);
            orders.insert(created);
            orders.transition(PAY_ORDER_NO, PayOrderStatus.CREATED, PayOrderStatus.PROCESSING, null, null, T0);

            Succeeded answered = success.succeed(orders.find(PAY_ORDER_NO).orElseThrow(), "UNIONPAY", told).orElseThrow();

            assertThat(answered.order().status()).isEqualTo(PayOrderStatus.SUCCESS);
            assertThat(answered.trade()).as("nothing recorded to show: the caller asks for the trade").isNull();
            assertThat(announced).as("the message still tells trade-core").containsExactly(PAY_ORDER_NO);
            announced.clear();
            assertThat(steps).containsExactly("hand-over " + PayOrderStatus.SUCCESS, "broker");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TradeStatus.class, names = {"SUCCESS", "FINISHED", "AUTHORIZED", "CAPTURED", "VOIDED"})
    void theAnswerCarriesTheTradeTradeCoreRecordedWhenItIsPaidByThisPayOrder(TradeStatus status) {
        PayOrder order = processing();
        HandOvers trades = new HandOvers(new ArrayList<>(), null);
        trades.recorded = event -> trade(event.tradeNo(), status, event.finishedAt());
        RocketMqPaySuccess success = new RocketMqPaySuccess(PayProperties.defaults(), orders, clock, message -> { },
                trades);

        Succeeded answered = success.succeed(order, "UNIONPAY", told).orElseThrow();

        assertThat(answered.trade()).as("the till shows it without asking trade-core again").isNotNull();
        assertThat(answered.trade().status()).isEqualTo(status);
        assertThat(answered.trade().paidAt()).isEqualTo(answered.order().finishedAt());
    }

    @Test
    void aTradeNotPaidByThisPayOrderIsNotCarried() {
        for (Function<PaySucceeded, TradeDTO> answer : List.<Function<PaySucceeded, TradeDTO>>of(
                event -> null,
                event -> trade(event.tradeNo(), TradeStatus.PAYING, null),
                event -> trade(event.tradeNo(), TradeStatus.CLOSED, null),
                // another pay order's payment (trade-core's alarm: money it did not take answers the trade as it is)
                event -> trade(event.tradeNo(), TradeStatus.SUCCESS, event.finishedAt().minusSeconds(4)),
                event -> trade("T2026112210000003000000999", TradeStatus.SUCCESS, event.finishedAt()))) {
            InMemoryPayOrders orders = new InMemoryPayOrders();
            HandOvers trades = new HandOvers(new ArrayList<>(), null, orders);
            trades.recorded = answer;
            RocketMqPaySuccess success = new RocketMqPaySuccess(PayProperties.defaults(), orders, clock,
                    message -> { }, trades);
            orders.insert(PayOrder.open(PAY_ORDER_NO, new OpenPayOrderCmd("T2026112210000003000000519", "10000000007",
                    "M100001", PayMethod.BANK_CARD, Money.cny(1000), "REQ-000001"), "digest", T0));
            orders.transition(PAY_ORDER_NO, PayOrderStatus.CREATED, PayOrderStatus.PROCESSING, null, null, T0);

            Succeeded answered = success.succeed(orders.find(PAY_ORDER_NO).orElseThrow(), "UNIONPAY", told).orElseThrow();

            assertThat(answered.order().status()).isEqualTo(PayOrderStatus.SUCCESS);
            assertThat(answered.trade()).as("the caller asks trade-core for the trade").isNull();
        }
    }

    @Test
    void theAnswerDoesNotWaitForTheBrokerAndItsStoreMarksAndTellsTheMemory() {
        PayOrder order = processing();
        List<String> steps = new ArrayList<>();
        HoldingSender broker = new HoldingSender(steps);
        HandOvers trades = new HandOvers(steps, null);
        trades.recorded = event -> trade(event.tradeNo(), TradeStatus.SUCCESS, event.finishedAt());
        RocketMqPaySuccess success = new RocketMqPaySuccess(PayProperties.defaults(), orders, clock, broker, trades);

        Succeeded answered = success.succeed(order, "UNIONPAY", told).orElseThrow();

        assertThat(answered.trade()).isNotNull();
        assertThat(steps).as("handed over, then sent; the answer came back with the send in flight")
                .containsExactly("hand-over " + PayOrderStatus.SUCCESS, "broker");
        assertThat(announced).as("not stored yet: nothing told").isEmpty();
        assertThat(orders.markedAnnounced(PAY_ORDER_NO)).isFalse();

        broker.stored.run();

        assertThat(orders.markedAnnounced(PAY_ORDER_NO)).as("stored: a check on either instance sends nothing").isTrue();
        assertThat(announced).as("stored: this process's check reads nothing").containsExactly(PAY_ORDER_NO);
        assertThat(PayProperties.defaults().handOverToTrade()).as("on by default").isTrue();
    }

    @Test
    void aSendTheBrokerDidNotStoreMarksNothingAndTellsNothing() {
        PayOrder order = processing();
        HoldingSender broker = new HoldingSender(new ArrayList<>());
        RocketMqPaySuccess success = new RocketMqPaySuccess(PayProperties.defaults(), orders, clock, broker);

        Succeeded answered = success.succeed(order, "UNIONPAY", told).orElseThrow();
        broker.notStored.accept(new IllegalStateException("send timed out"));

        assertThat(answered.order().status()).as("the money moved: the caller hears SUCCESS").isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(orders.markedAnnounced(PAY_ORDER_NO)).as("its check announces it again").isFalse();
        assertThat(orders.markStatements()).isEmpty();
        assertThat(announced).isEmpty();
    }

    @Test
    void anAnnouncementByTheCheckStillWaitsForTheBroker() {
        events.brokerDown(true);
        events.succeed(processing(), "UNIONPAY", told).orElseThrow();
        HoldingSender broker = new HoldingSender(new ArrayList<>());
        RocketMqPaySuccess success = new RocketMqPaySuccess(PayProperties.defaults(), orders, clock, broker);

        assertThat(success.announce(orders.find(PAY_ORDER_NO).orElseThrow())).isTrue();

        assertThat(broker.sentSynchronously).as("the check must hear a refusal to come back: a synchronous send")
                .isEqualTo(1);
        assertThat(broker.stored).isNull();
    }

    /** A broker client that keeps an asynchronous send's callbacks for the test to run: the broker has not answered. */
    static final class HoldingSender implements MessageSender {
        final List<String> steps;
        Runnable stored;
        Consumer<RuntimeException> notStored;
        int sentSynchronously;

        HoldingSender(List<String> steps) {
            this.steps = steps;
        }

        @Override
        public void send(Message message) {
            sentSynchronously++;
        }

        @Override
        public void sendThen(Message message, Runnable stored, Consumer<RuntimeException> notStored) {
            steps.add("broker");
            this.stored = stored;
            this.notStored = notStored;
        }
    }

    static TradeDTO trade(String tradeNo, TradeStatus status, Instant paidAt) {
        return new TradeDTO(tradeNo, "M100001", "OUT-1", TradeType.INSTANT, status, Money.cny(1000),
                paidAt == null ? null : Money.cny(1000), Money.cny(0), "subject", "10000000007", null, null, null,
                T0.plusSeconds(600), T0, paidAt, null, List.of(), List.of(), "10000000007");
    }

    @Test
    void aMissedCompareAndSetHandsNothingOver() {
        PayOrder order = processing();
        orders.transition(PAY_ORDER_NO, PayOrderStatus.PROCESSING, PayOrderStatus.FAILED, "CHANNEL_DECLINED", null, T0);
        List<String> steps = new ArrayList<>();
        RocketMqPaySuccess success = new RocketMqPaySuccess(PayProperties.defaults(), orders, clock,
                message -> steps.add("broker"), new HandOvers(steps, null));

        assertThat(success.succeed(order, "UNIONPAY", told)).isEmpty();

        assertThat(steps).isEmpty();
    }

    /** trade-core's side of the hand-over, recording what it was told and what the row said then. */
    final class HandOvers implements TradePaymentService {
        final List<String> steps;
        final RuntimeException failure;
        final InMemoryPayOrders rows;
        final List<PaySucceeded> events = new ArrayList<>();
        boolean refuse;
        /** The trade trade-core answers, as it recorded the event; null: an ok answer without a trade. */
        Function<PaySucceeded, TradeDTO> recorded = event -> null;

        HandOvers(List<String> steps, RuntimeException failure) {
            this(steps, failure, orders);
        }

        HandOvers(List<String> steps, RuntimeException failure, InMemoryPayOrders rows) {
            this.steps = steps;
            this.failure = failure;
            this.rows = rows;
        }

        @Override
        public Result<TradeDTO> paid(PaySucceeded event) {
            steps.add("hand-over " + rows.find(event.payOrderNo()).map(PayOrder::status).orElse(null));
            events.add(event);
            if (failure != null) {
                throw failure;
            }
            return refuse ? Result.fail(ErrorCode.SYSTEM_ERROR, "refused") : Result.ok(recorded.apply(event));
        }

        @Override
        public Result<TradeDTO> beginPay(BeginPayCmd cmd) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Result<TradeDTO> abandonPay(AbandonPayCmd cmd) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aSendThatFailsAfterTheCommitLeavesThePaymentSucceededAndUnannounced() {
        PayOrder order = processing();
        events.brokerDown(true);

        Succeeded answered = events.succeed(order, "UNIONPAY", told).orElseThrow();

        assertThat(answered.order().status()).as("the money moved: the caller hears SUCCESS").isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(announced).as("left to the check").isEmpty();
        assertThat(orders.find(PAY_ORDER_NO).orElseThrow().status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(events.sendsTried()).isEqualTo(1);
        assertThat(events.delivered()).isEmpty();
        assertThat(orders.markedAnnounced(PAY_ORDER_NO)).as("not stored: not marked, its check sends it").isFalse();
        assertThat(orders.markStatements()).isEmpty();
    }

    @Test
    void aStoredSendMarksThePayOrderAnnounced() {
        PayOrder order = processing();

        events.succeed(order, "UNIONPAY", told).orElseThrow();

        assertThat(orders.markedAnnounced(PAY_ORDER_NO)).isTrue();
        assertThat(orders.find(PAY_ORDER_NO).orElseThrow().announcedAt()).isEqualTo(clock.instant());
        assertThat(orders.markStatements()).extracting(InMemoryPayOrders.MarkStatement::payOrderNos)
                .containsExactly(List.of(PAY_ORDER_NO));
    }

    @Test
    void aMarkedPayOrderIsNotSentAgain() {
        events.succeed(processing(), "UNIONPAY", told).orElseThrow();

        assertThat(events.announce(orders.find(PAY_ORDER_NO).orElseThrow())).as("the broker has it").isFalse();

        assertThat(events.sendsTried()).isEqualTo(1);
    }

    @Test
    void aResendOfAnUnmarkedPayOrderMarksIt() {
        events.brokerDown(true);
        events.succeed(processing(), "UNIONPAY", told).orElseThrow();
        events.brokerDown(false);

        assertThat(events.announce(orders.find(PAY_ORDER_NO).orElseThrow())).isTrue();

        assertThat(events.delivered()).hasSize(1);
        assertThat(orders.markedAnnounced(PAY_ORDER_NO)).isTrue();
    }

    @Test
    void aResendTheBrokerRefusedMarksNothing() {
        events.brokerDown(true);
        events.succeed(processing(), "UNIONPAY", told).orElseThrow();

        assertThatThrownBy(() -> events.announce(orders.find(PAY_ORDER_NO).orElseThrow()))
                .isInstanceOf(IllegalStateException.class);

        assertThat(orders.markedAnnounced(PAY_ORDER_NO)).isFalse();
    }

    @Test
    void aMarkThatCannotBeWrittenDoesNotFailTheSuccess() {
        orders.marksFail(true);

        Succeeded answered = events.succeed(processing(), "UNIONPAY", told).orElseThrow();

        assertThat(announced).as("the broker has it; only the mark is lost: one resend by the check")
                .containsExactly(PAY_ORDER_NO);
        assertThat(orders.markedAnnounced(PAY_ORDER_NO)).isFalse();
    }

    @Test
    void anAnnouncementFromTheRowIsTheMessageTheSuccessSent() {
        PayOrder order = processing();
        orders.marksFail(true); // the first send's mark is lost: the row says nothing of it
        events.succeed(order, "UNIONPAY", told).orElseThrow();
        orders.marksFail(false);

        assertThat(events.announce(orders.find(PAY_ORDER_NO).orElseThrow())).isTrue();

        assertThat(events.delivered()).hasSize(2);
        assertSameMessage(events.delivered().get(1), events.delivered().get(0));
    }

    @Test
    void aCombinationsAnnouncementFromTheRowCarriesTheSamePartsAndPromotion() {
        PayOrder created = PayOrder.open(PAY_ORDER_NO, new OpenPayOrderCmd("T2026112210000003000000519", "10000000007",
                "M100001", PayMethod.WECHAT_QR, Money.cny(10_000), "REQ-000001"), "digest", T0);
        orders.insert(created);
        orders.plan(PAY_ORDER_NO, "CP0001", true);
        orders.recordCoupon(PAY_ORDER_NO, "10 off", 1_000, FundedBy.MERCHANT);
        orders.recordPoints(PAY_ORDER_NO, 500, 500);
        orders.transition(PAY_ORDER_NO, PayOrderStatus.CREATED, PayOrderStatus.PROCESSING, null, null, T0);
        orders.marksFail(true);
        events.succeed(orders.find(PAY_ORDER_NO).orElseThrow(), "WECHAT", told).orElseThrow();
        orders.marksFail(false);

        events.announce(orders.find(PAY_ORDER_NO).orElseThrow());

        assertSameMessage(events.delivered().get(1), events.delivered().get(0));
        assertThat(InProcessPaySuccess.body(events.delivered().get(1)).toString())
                .contains("COUPON", "POINTS", "10 off", "MERCHANT", "WECHAT");
    }

    @Test
    void aCommitThatThrewIsReadBackAndAnnouncedFromTheRowIfItStuck() {
        PayOrder order = processing();
        List<Message> sent = new ArrayList<>();
        RocketMqPaySuccess success = new RocketMqPaySuccess(PayProperties.defaults(), new InMemoryPayOrders() {
            @Override
            public synchronized boolean transition(String payOrderNo, PayOrderStatus from, PayOrderStatus to, String failCode,
                                                   String channel, Instant at) {
                orders.transition(payOrderNo, from, to, failCode, channel, at);
                throw new IllegalStateException("connection reset during commit");
            }

            @Override
            public synchronized Optional<PayOrder> find(String payOrderNo) {
                return orders.find(payOrderNo);
            }
        }, clock, sent::add);

        Succeeded answered = success.succeed(order, "UNIONPAY", told).orElseThrow();

        assertThat(answered.order()).isEqualTo(orders.find(PAY_ORDER_NO).orElseThrow());
        assertThat(announced).containsExactly(PAY_ORDER_NO);
        assertThat(sent).hasSize(1);
        assertThat(InProcessPaySuccess.body(sent.get(0)).get("channel").asText()).isEqualTo("UNIONPAY");
    }

    @Test
    void aCommitThatThrewOnARowAnotherPathAlreadyAnnouncedSendsNothing() {
        PayOrder order = processing();
        events.succeed(order, "UNIONPAY", told).orElseThrow(); // another path: stored and marked
        List<Message> sent = new ArrayList<>();
        RocketMqPaySuccess success = new RocketMqPaySuccess(PayProperties.defaults(), new InMemoryPayOrders() {
            @Override
            public synchronized boolean transition(String payOrderNo, PayOrderStatus from, PayOrderStatus to, String failCode,
                                                   String channel, Instant at) {
                throw new IllegalStateException("connection reset during commit");
            }

            @Override
            public synchronized Optional<PayOrder> find(String payOrderNo) {
                return orders.find(payOrderNo);
            }
        }, clock, sent::add);

        announced.clear();
        success.succeed(order, "UNIONPAY", told).orElseThrow();

        assertThat(announced).as("marked: told at once").containsExactly(PAY_ORDER_NO);
        assertThat(sent).as("the row's mark: the broker has it").isEmpty();
    }

    @Test
    void aCommitThatThrewAndDidNotStickSendsNothing() {
        PayOrder order = processing();
        List<Message> sent = new ArrayList<>();
        RocketMqPaySuccess success = new RocketMqPaySuccess(PayProperties.defaults(), new InMemoryPayOrders() {
            @Override
            public synchronized boolean transition(String payOrderNo, PayOrderStatus from, PayOrderStatus to, String failCode,
                                                   String channel, Instant at) {
                throw new IllegalStateException("connection reset during commit");
            }

            @Override
            public synchronized Optional<PayOrder> find(String payOrderNo) {
                return orders.find(payOrderNo);
            }
        }, clock, sent::add);

        assertThat(success.succeed(order, "UNIONPAY", told)).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void theSwitchSelectsThePath() {
        PayOrder order = processing();
        InProcessPaySuccess transactional = new InProcessPaySuccess(orders, clock, SuccessDelivery.TRANSACTIONAL);

        transactional.succeed(order, "UNIONPAY", told).orElseThrow();
        assertThat(transactional.announce(orders.find(PAY_ORDER_NO).orElseThrow())).isFalse();

        assertThat(transactional.delivered()).as("the half message, committed").hasSize(1);
        assertThat(transactional.sendsTried()).as("transactional: no plain send, not even to announce again: the broker's"
                + " check-back delivers").isZero();
        assertThat(orders.markStatements()).as("and no marks: the check-back, not the check, delivers").isEmpty();
        assertThat(PayProperties.defaults().successDelivery()).isEqualTo(SuccessDelivery.OUTBOX);
        assertThatThrownBy(() -> new RocketMqPaySuccess(PayProperties.defaults(), orders, clock, (MessageSender) null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyASuccessIsAnnounced() {
        PayOrder order = processing();

        assertThatThrownBy(() -> events.announce(order)).isInstanceOf(IllegalArgumentException.class);
        assertThat(events.sendsTried()).isZero();
    }

    static void assertSameMessage(Message actual, Message expected) {
        assertThat(actual.getTopic()).isEqualTo(expected.getTopic());
        assertThat(actual.getTags()).isEqualTo(expected.getTags());
        assertThat(actual.getKeys()).isEqualTo(expected.getKeys());
        assertThat(new String(actual.getBody())).isEqualTo(new String(expected.getBody()));
        assertThat(actual.getProperties()).isEqualTo(expected.getProperties());
    }

    private PayOrder processing() {
        PayOrder created = PayOrder.open(PAY_ORDER_NO, new OpenPayOrderCmd("T2026112210000003000000519", "10000000007",
                "M100001", PayMethod.BANK_CARD, Money.cny(1000), "REQ-000001"), "digest", T0);
        orders.insert(created);
        orders.transition(PAY_ORDER_NO, PayOrderStatus.CREATED, PayOrderStatus.PROCESSING, null, null, T0);
        return orders.find(PAY_ORDER_NO).orElseThrow();
    }
}
