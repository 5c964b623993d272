package io.paysuite.trade.infra.listen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.trade.infra.event.TradeEventsProperties;
import io.paysuite.trade.refund.RefundCompletion;
import io.paysuite.trade.refund.RefundCreator;
import io.paysuite.trade.order.TradeConfirmer;
import io.paysuite.trade.order.TradeLedger;
import io.paysuite.trade.order.TradePayments;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * What trade-core does on events, each handler idempotent (delivery is at least once):
 * <ul>
 *   <li>pay-core's {@code PAY_SUCCEEDED} → the trade becomes {@code SUCCESS};</li>
 *   <li>its own {@code TRADE_FINISHED} → the escrow release is posted (again: same key);</li>
 *   <li>its own {@code REFUND_ACCEPTED} → the refund is driven to a final state.</li>
 * </ul>
 * A handler whose outcome is still unknown answers RECONSUME_LATER: the broker redelivers with
 * its backoff (10 s, 30 s, 1 min, 2 min … 2 h, 16 times), which is the retry schedule of an
 * uncertain ledger posting or channel refund — carried by the broker, no table scan. A payment,
 * refund or release still not done after that is tried again every few hours by {@link LateFollowUps},
 * never left in the dead-letter queue. A refund younger than {@link #SYNC_GRACE} is left to the request
 * that accepted it, so the common case posts once.
 */
@Component
public class TradeFollowUps implements SmartLifecycle {

    static final String PAY_TOPIC = "PAYSUITE_PAY_EVENT";
    static final String PAY_SUCCEEDED = "PAY_SUCCEEDED";
    static final Duration SYNC_GRACE = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(TradeFollowUps.class);

    private final TradePayments payments;
    private final TradeLedger ledger;
    private final RefundCompletion refunds;
    private final LateFollowUps late;
    private final ObjectMapper json;
    private final DefaultMQPushConsumer onPay = new DefaultMQPushConsumer("paysuite-trade-on-pay");
    private final DefaultMQPushConsumer onTrade = new DefaultMQPushConsumer("paysuite-trade-followups");
    private volatile boolean running;

    public TradeFollowUps(TradePayments payments, TradeLedger ledger, RefundCompletion refunds, LateFollowUps late,
                          ObjectMapper json, TradeEventsProperties events) throws MQClientException {
        this.payments = payments;
        this.ledger = ledger;
        this.refunds = refunds;
        this.late = late;
        this.json = json;
        for (DefaultMQPushConsumer consumer : List.of(onPay, onTrade)) {
            consumer.setNamesrvAddr(events.namesrv());
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.setPollNameServerInterval(10_000);
            consumer.setConsumeThreadMin(4);
            consumer.setConsumeThreadMax(8);
        }
        onPay.setMaxReconsumeTimes(LateFollowUps.BROKER_RETRIES);
        onPay.subscribe(PAY_TOPIC, PAY_SUCCEEDED);
        onPay.registerMessageListener((MessageListenerConcurrently) (messages, context) -> payments(messages));
        onTrade.setMaxReconsumeTimes(LateFollowUps.BROKER_RETRIES);
        onTrade.subscribe(events.topic(), TradeConfirmer.TRADE_FINISHED + " || " + RefundCreator.REFUND_ACCEPTED + " || " + LateFollowUps.TAG);
        onTrade.registerMessageListener((MessageListenerConcurrently) (messages, context) -> followUps(messages));
    }

    /**
     * {@code PAY_SUCCEEDED} is pay-core's {@code PayOrderDTO} in snake case. It names the method;
     * {@code channel} is the channel that took the money (null for a wallet payment, and in messages
     * of pay-cores older than pay_order.channel, where the method's channel stands in).
     */
    private boolean paid(MessageExt message) throws Exception {
        JsonNode pay = json.readTree(message.getBody());
        JsonNode amount = pay.get("amount");
        payments.recordPaid(pay.get("trade_no").asText(), pay.get("pay_order_no").asText(),
                new Money(amount.get("minor").asLong(), amount.get("currency").asText()), pay.get("buyer_id").asText(),
                pay.hasNonNull("method") ? PayMethod.valueOf(pay.get("method").asText()) : null,
                pay.hasNonNull("channel") ? pay.get("channel").asText() : null,
                Instant.parse(pay.get("finished_at").asText()));
        return true;
    }

    ConsumeConcurrentlyStatus payments(List<MessageExt> messages) {
        return untilDone(messages, this::paid);
    }

    ConsumeConcurrentlyStatus followUps(List<MessageExt> messages) {
        return untilDone(messages, this::followUp);
    }

    /**
     * Each message handled in turn; the first one not finished comes back with the broker's backoff,
     * or, once that is used up, is handed to {@link LateFollowUps}, whose copy comes back to
     * {@link #followUp} (a payment that could not be recorded for hours — trade-core's database down — included).
     */
    private ConsumeConcurrentlyStatus untilDone(List<MessageExt> messages, Handler handler) {
        for (MessageExt message : messages) {
            if (done(message, handler)) {
                continue;
            }
            if (late.brokerRetriesLeft(message) || !late.later(message)) {
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    private boolean followUp(MessageExt message) throws Exception {
        String tag = LateFollowUps.tagOf(message);
        if (PAY_SUCCEEDED.equals(tag)) {
            return paid(message);
        }
        JsonNode body = json.readTree(message.getBody());
        if (TradeConfirmer.TRADE_FINISHED.equals(tag)) {
            TradeConfirmer.Finished finished = json.treeToValue(body, TradeConfirmer.Finished.class);
            return ledger.release(finished).outcome() != io.paysuite.api.common.Outcome.UNKNOWN;
        }
        if (Duration.ofMillis(System.currentTimeMillis() - message.getBornTimestamp()).compareTo(SYNC_GRACE) < 0) {
            return false;
        }
        return refunds.complete(body.get("refund_no").asText()).status() != RefundStatus.PROCESSING;
    }

    private interface Handler {
        /** @return false when the outcome is not known yet and the message must come back later */
        boolean handle(MessageExt message) throws Exception;
    }

    /** Whether the handler finished the message; a failure is logged and counts as not finished. */
    private static boolean done(MessageExt message, Handler handler) {
        try {
            return handler.handle(message);
        } catch (Exception e) {
            log.warn("event {} {} failed, will be redelivered: {}", message.getTags(), message.getKeys(), e.toString());
            return false;
        }
    }

    @Override
    public void start() {
        try {
            onPay.start();
            onTrade.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot start the trade follow-up consumers", e);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        onPay.shutdown();
        onTrade.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
