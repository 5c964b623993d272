package io.paysuite.accounting.infra.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.accounting.crosscheck.CrossCheckAlarms;
import io.paysuite.accounting.crosscheck.CrossCheckFindings;
import io.paysuite.accounting.crosscheck.InternalReconciliation;
import io.paysuite.accounting.crosscheck.PendingChecks;
import io.paysuite.accounting.crosscheck.TradeRecords;
import io.paysuite.api.event.EventType;
import io.paysuite.api.event.PaySucceeded;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.EventConsumer;
import io.paysuite.kit.mq.Handled;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which of trade-core's events note a trade for internal reconciliation, and that a message is acknowledged
 * to the broker only once its (grouped) note is written.
 */
class CrossCheckConsumersTest {

    private static final String TRADE_NO = "T2026120612000001000010042";
    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

    private final PendingChecks pending = mock(PendingChecks.class);
    private final InternalReconciliation reconciliation = new InternalReconciliation(mock(TradeRecords.class), pending,
            mock(CrossCheckFindings.class), mock(CrossCheckAlarms.class), Clock.fixed(AT, ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {"TRADE_AUTHORIZED", "TRADE_CAPTURED", "TRADE_VOIDED", "TRADE_SUCCEEDED", "TRADE_CLOSED"})
    void aTradeStateEventPreAuthorisationsIncludedNotesItsTradeForACheck(String tag) {
        EventType<TradeDTO> type = EventType.all().stream().filter(t -> t.tag().equals(tag)).map(t -> tradeBodied(t))
                .findFirst().orElseThrow();
        assertThat(CrossCheckConsumers.TRADE_EVENTS).extracting(EventType::tag).contains(tag);

        Handled handled = CrossCheckConsumers.onTradeEvent(reconciliation, received(type, preAuth(TradeStatus.CAPTURED)));

        assertThat(handled).isEqualTo(Handled.DONE);
        verify(pending).note(eq(TRADE_NO), eq(InternalReconciliation.NO_REFUND), any());
    }

    private final CrossCheckMapper mapper = mock(CrossCheckMapper.class);
    private final List<List<PendingRow>> writes = new CopyOnWriteArrayList<>();
    private final ExecutorService consumeThreads = Executors.newCachedThreadPool();

    @AfterEach
    void stopConsumeThreads() {
        consumeThreads.shutdownNow();
    }

    @Test
    void aMessageIsAcknowledgedOnlyOnceTheWriteOfItsNoteHasReturned() throws Exception {
        CountDownLatch writeStarted = new CountDownLatch(1);
        CountDownLatch releaseWrite = new CountDownLatch(1);
        when(mapper.note(anyList())).thenAnswer(call -> {
            writeStarted.countDown();
            releaseWrite.await(5, TimeUnit.SECONDS);
            writes.add(call.getArgument(0));
            return 1;
        });
        CrossCheckProperties properties = properties(Duration.ZERO, 1);
        EventConsumer onPay = new CrossCheckConsumers().crossCheckOnPayEvent(storedReconciliation(properties), properties);

        Future<ConsumeConcurrentlyStatus> consumed = consumeThreads.submit(() -> onPay.consume(List.of(paid(TRADE_NO))));
        assertThat(writeStarted.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(consumed.isDone()).isFalse();

        releaseWrite.countDown();
        assertThat(consumed.get(5, TimeUnit.SECONDS)).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        assertThat(writes).hasSize(1);
    }

    @Test
    void aPaymentsTradeEventAndPayEventInOneWindowAreOneRowAndBothComeBackWhenItsWriteFails() throws Exception {
        when(mapper.note(anyList())).thenAnswer(call -> {
            writes.add(call.getArgument(0));
            throw new IllegalStateException("database away");
        });
        CrossCheckProperties properties = properties(Duration.ofSeconds(30), 2);
        InternalReconciliation stored = storedReconciliation(properties);
        EventConsumer onTrade = new CrossCheckConsumers().crossCheckOnTradeEvent(stored, properties);
        EventConsumer onPay = new CrossCheckConsumers().crossCheckOnPayEvent(stored, properties);

        Future<ConsumeConcurrentlyStatus> trade = consumeThreads.submit(() -> onTrade.consume(
                List.of(received(EventType.TRADE_SUCCEEDED, payment()))));
        Future<ConsumeConcurrentlyStatus> pay = consumeThreads.submit(() -> onPay.consume(List.of(paid(TRADE_NO))));

        assertThat(trade.get(5, TimeUnit.SECONDS)).isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
        assertThat(pay.get(5, TimeUnit.SECONDS)).isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
        assertThat(writes).hasSize(1);
        assertThat(GroupedNotesTest.keys(writes.get(0))).containsExactly(TRADE_NO + "/");
    }

    @Test
    void bothConsumersRunTheThreadsTheNoteWindowNeeds() {
        CrossCheckProperties defaults = properties(null, 0);

        assertThat(defaults.consumeThreads()).isEqualTo(12);
        assertThat(defaults.noteGroup()).isEqualTo(2 * defaults.consumeThreads());
        assertThat(defaults.noteWindow()).isEqualTo(Duration.ofMillis(20));
    }

    private InternalReconciliation storedReconciliation(CrossCheckProperties properties) {
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        return new InternalReconciliation(mock(TradeRecords.class), new MyBatisCrossCheckStore(mapper, clock, properties),
                mock(CrossCheckFindings.class), mock(CrossCheckAlarms.class), clock);
    }

    static CrossCheckProperties properties(Duration noteWindow, int noteGroup) {
        return new CrossCheckProperties(null, null, null, null, null, null, null, null, null, null, 0, noteWindow, noteGroup, 0);
    }

    private static MessageExt paid(String tradeNo) {
        PaySucceeded paid = new PaySucceeded("P" + tradeNo, tradeNo, "Q1", "U1", "M1", PayMethod.BALANCE, PayOrderStatus.SUCCESS,
                Money.cny(1000), AT.minusSeconds(1), AT, "ALIPAY");
        Message sent = EventCodec.message(EventType.PAY_SUCCEEDED.topic(), EventType.PAY_SUCCEEDED, paid);
        MessageExt message = new MessageExt();
        message.setTopic(sent.getTopic());
        message.setTags(sent.getTags());
        message.setBody(sent.getBody());
        return message;
    }

    private static TradeDTO payment() {
        return new TradeDTO(TRADE_NO, "M1", "out-1", TradeType.INSTANT, TradeStatus.SUCCESS, Money.cny(1000), Money.cny(1000),
                Money.cny(0), "subject", "U1", null, "https://m/notify", null, AT.plusSeconds(1800), AT, AT, null);
    }

    @SuppressWarnings("unchecked")
    private static EventType<TradeDTO> tradeBodied(EventType<?> type) {
        assertThat(type.payload()).isEqualTo(TradeDTO.class);
        return (EventType<TradeDTO>) type;
    }

    private static TradeDTO preAuth(TradeStatus status) {
        return new TradeDTO(TRADE_NO, "M1", "out-1", TradeType.PREAUTH, status, Money.cny(1000), Money.cny(600), Money.cny(0),
                "subject", "U1", null, "https://m/notify", null, AT.plusSeconds(1800), AT, AT, null);
    }

    private static MessageExt received(EventType<TradeDTO> type, TradeDTO trade) {
        Message sent = EventCodec.message(type.topic(), type, trade);
        MessageExt message = new MessageExt();
        message.setTopic(sent.getTopic());
        message.setTags(sent.getTags());
        message.setBody(sent.getBody());
        return message;
    }
}
