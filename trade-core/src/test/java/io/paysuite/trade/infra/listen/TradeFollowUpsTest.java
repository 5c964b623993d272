package io.paysuite.trade.infra.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.event.EventType;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.kit.mq.EventConsumer;
import io.paysuite.kit.mq.LateFollowUps;
import io.paysuite.trade.infra.event.TradeEventsProperties;
import io.paysuite.trade.infra.sweep.EscrowReleases;
import io.paysuite.trade.order.TradePayments;
import io.paysuite.trade.refund.RefundCompletion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/**
 * A refund whose outcome stays unknown (a channel refund PROCESSING for days) without a broker: the
 * broker's backoff while it lasts, then a late copy every {@code late-every} carrying the first try's
 * time and the original tag — never the dead-letter queue, where it would stay PROCESSING for good.
 */
class TradeFollowUpsTest {

    static final String REFUND = "R2026112914000001000010004";

    final RefundCompletion completion = mock(RefundCompletion.class);
    final List<Message> sent = new ArrayList<>();
    boolean brokerDown;
    final FollowUpProperties properties = new FollowUpProperties(Duration.ofHours(2), Duration.ofDays(2));
    final PayEventsTopic payEvents = new PayEventsTopic("PAYSUITE_PAY_EVENT");
    final LateFollowUps late = TradeConsumers.late(properties, TradeEventsProperties.defaults(), copy -> {
        if (brokerDown) {
            throw new IllegalStateException("broker down");
        }
        sent.add(copy);
    });
    final EventConsumer followUps = TradeConsumers.onTrade(
            new TradeFollowUps(mock(TradePayments.class), mock(EscrowReleases.class), completion,
                    mock(io.paysuite.trade.preauth.PreAuthorisations.class)), late,
            TradeEventsProperties.defaults());

    static MessageExt refundAccepted(int reconsumeTimes, long bornAgoMillis) {
        MessageExt message = new MessageExt();
        message.setTopic("PAYSUITE_TRADE_EVENT");
        message.setTags(EventType.REFUND_ACCEPTED.tag());
        message.setKeys(List.of("T2026112914000001000010004", "E1"));
        message.setBody(("{\"refund_no\":\"" + REFUND + "\"}").getBytes(StandardCharsets.UTF_8));
        message.setReconsumeTimes(reconsumeTimes);
        message.setBornTimestamp(System.currentTimeMillis() - bornAgoMillis);
        return message;
    }

    void refundIs(RefundStatus status) {
        when(completion.complete(REFUND)).thenReturn(new RefundDTO(REFUND, "OR1", "T1", "M1", status, Money.cny(100), "r", null,
                Instant.now(), null));
    }

    @Test
    void whileTheBrokersBackoffLastsAnUnfinishedRefundUsesIt() {
        refundIs(RefundStatus.PROCESSING);

        assertThat(followUps.consume(List.of(refundAccepted(LateFollowUps.BROKER_RETRIES - 2, 3_600_000))))
                .isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
        assertThat(sent).isEmpty();
    }

    @Test
    void beforeTheBrokersLastRetryAnUnfinishedRefundIsSentAgainLaterInsteadOfToTheDeadLetterQueue() {
        refundIs(RefundStatus.PROCESSING);
        MessageExt last = refundAccepted(LateFollowUps.BROKER_RETRIES - 1, 5 * 3_600_000L);
        long before = System.currentTimeMillis();

        assertThat(followUps.consume(List.of(last))).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);

        assertThat(sent).hasSize(1);
        Message copy = sent.get(0);
        assertThat(copy.getTags()).as("a tag only trade-core's follow-ups take: merchants are not notified twice")
                .isEqualTo(TradeConsumers.LATE_TAG);
        assertThat(copy.getUserProperty(LateFollowUps.ORIGINAL_TAG)).isEqualTo(EventType.REFUND_ACCEPTED.tag());
        assertThat(copy.getUserProperty(TradeConsumers.FIRST_TRIED_AT)).isEqualTo(Long.toString(last.getBornTimestamp()));
        assertThat(new String(copy.getBody(), StandardCharsets.UTF_8)).contains(REFUND);
        assertThat(copy.getDeliverTimeMs() - before).isBetween(Duration.ofHours(2).toMillis() - 1_000, Duration.ofHours(2).toMillis() + 60_000);
    }

    @Test
    void aLateCopyIsHandledAsTheRefundItCarriesAndEndsOnceTheRefundIsFinal() {
        refundIs(RefundStatus.PROCESSING);
        MessageExt lateCopy = refundAccepted(0, 2 * 3_600_000L);
        lateCopy.setTags(TradeConsumers.LATE_TAG);
        lateCopy.putUserProperty(LateFollowUps.ORIGINAL_TAG, EventType.REFUND_ACCEPTED.tag());
        lateCopy.putUserProperty(TradeConsumers.FIRST_TRIED_AT, "1764400000000");

        assertThat(followUps.consume(List.of(lateCopy))).as("a late copy never restarts the broker's backoff")
                .isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getUserProperty(TradeConsumers.FIRST_TRIED_AT)).isEqualTo("1764400000000");

        refundIs(RefundStatus.SUCCESS);
        assertThat(followUps.consume(List.of(lateCopy))).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        assertThat(sent).as("a finished refund is not followed up again").hasSize(1);
    }

    @Test
    void aPaymentThatCannotBeRecordedForHoursComesBackAsALateCopyAndIsRecordedFromIt() throws Exception {
        TradePayments payments = mock(TradePayments.class);
        TradeFollowUps handlers = new TradeFollowUps(payments, mock(EscrowReleases.class), completion,
                    mock(io.paysuite.trade.preauth.PreAuthorisations.class));
        EventConsumer onPay = TradeConsumers.onPay(handlers, late, payEvents, TradeEventsProperties.defaults());
        EventConsumer onTrade = TradeConsumers.onTrade(handlers, late, TradeEventsProperties.defaults());
        MessageExt paid = new MessageExt();
        paid.setTopic(payEvents.topic());
        paid.setTags(EventType.PAY_SUCCEEDED.tag());
        paid.setKeys("P2026112914000001000010004");
        paid.setBody(("{\"trade_no\":\"T1\",\"pay_order_no\":\"P2026112914000001000010004\",\"buyer_id\":\"B1\","
                + "\"amount\":{\"minor\":100,\"currency\":\"CNY\"},\"method\":\"BALANCE\",\"finished_at\":\"2026-11-29T14:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8));
        paid.setReconsumeTimes(LateFollowUps.BROKER_RETRIES - 1);
        paid.setBornTimestamp(System.currentTimeMillis() - 5 * 3_600_000L);
        doThrow(new IllegalStateException("trade database down")).when(payments)
                .recordPaid("T1", "P2026112914000001000010004", Money.cny(100), "B1", PayMethod.BALANCE, null,
                        Instant.parse("2026-11-29T14:00:00Z"));

        assertThat(onPay.consume(List.of(paid))).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getUserProperty(LateFollowUps.ORIGINAL_TAG)).isEqualTo(EventType.PAY_SUCCEEDED.tag());

        reset(payments);
        MessageExt copy = new MessageExt();
        copy.setTags(sent.get(0).getTags());
        copy.setBody(sent.get(0).getBody());
        copy.setBornTimestamp(System.currentTimeMillis());
        for (String property : List.of(LateFollowUps.ORIGINAL_TAG, TradeConsumers.FIRST_TRIED_AT)) {
            copy.putUserProperty(property, sent.get(0).getUserProperty(property));
        }
        assertThat(onTrade.consume(List.of(copy))).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        verify(payments).recordPaid("T1", "P2026112914000001000010004", Money.cny(100), "B1",
                PayMethod.BALANCE, null, Instant.parse("2026-11-29T14:00:00Z"));
    }

    @Test
    void aLateCopyTheBrokerDoesNotStoreLeavesTheBrokersLastRetry() {
        refundIs(RefundStatus.PROCESSING);
        brokerDown = true;

        assertThat(followUps.consume(List.of(refundAccepted(LateFollowUps.BROKER_RETRIES - 1, 5 * 3_600_000L))))
                .isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
    }
}
