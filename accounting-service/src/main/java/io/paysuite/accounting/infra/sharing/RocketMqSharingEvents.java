package io.paysuite.accounting.infra.sharing;

import io.paysuite.accounting.config.SharingProperties;
import io.paysuite.accounting.sharing.SharingEvents;
import io.paysuite.accounting.sharing.SharingOrder;
import io.paysuite.api.event.EventType;
import io.paysuite.api.event.ProfitSharingFinished;
import io.paysuite.api.sharing.SharingOrderStatus;
import io.paysuite.api.sharing.SharingReceiverResult;
import io.paysuite.kit.mq.CheckBack;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.RocketMqAdapter;
import io.paysuite.kit.mq.TransactionalProducer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link SharingEvents} as a transactional message of the kit's {@link TransactionalProducer}, as
 * settlement's events are sent: the local transaction is the order's compare-and-set, so the order row
 * is the outbox and the check-back ({@link CheckBack}) counts the message committed when the order is
 * {@code FINISHED}. The event id ({@code PROFIT_SHARING.FINISHED.<order no>}, property {@code eventId})
 * is what cashier-service deduplicates the merchant's notification on.
 */
@Component
public class RocketMqSharingEvents extends RocketMqAdapter implements SharingEvents, TransactionListener {

    private static final Logger log = LoggerFactory.getLogger(RocketMqSharingEvents.class);
    static final String EVENT_ID = "eventId";

    private final MyBatisSharingStore store;
    private final CheckBack checkBack;
    private final TransactionalProducer producer;
    private final String topic;
    private final Clock clock;

    public RocketMqSharingEvents(MyBatisSharingStore store, SharingProperties properties, Clock clock) {
        super(0);
        this.store = store;
        this.clock = clock;
        this.topic = properties.topic();
        this.checkBack = new CheckBack(EventType.PROFIT_SHARING_FINISHED.tag(), this::committed, properties.gracePeriod(), clock);
        this.producer = runs(new TransactionalProducer(new TransactionalProducer.Settings(properties.producerGroup(),
                properties.namesrv(), properties.topic(), null, 0), this));
    }

    record Finish(SharingOrder order, SharingReceiverResult result, Instant at) {
    }

    @Override
    public boolean finish(SharingOrder order, SharingReceiverResult result) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String eventId = "PROFIT_SHARING.FINISHED." + order.orderNo();
        Message message = EventCodec.message(topic, EventType.PROFIT_SHARING_FINISHED,
                new ProfitSharingFinished(eventId, order.finished(result, at).toDto()));
        message.setKeys(List.of(order.orderNo(), order.tradeNo(), eventId));
        message.putUserProperty(EVENT_ID, eventId);
        LocalTransactionState state;
        try {
            state = producer.send(message, new Finish(order, result, at)).getLocalTransactionState();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot send PROFIT_SHARING_FINISHED of " + order.orderNo() + "; nothing changed", e);
        }
        log.info("profit sharing order {} of trade {} -> FINISHED ({}): {}", order.orderNo(), order.tradeNo(), result, state);
        return switch (state) {
            case COMMIT_MESSAGE -> true;
            case ROLLBACK_MESSAGE -> false;
            default -> store.find(order.orderNo()).map(found -> found.status() == SharingOrderStatus.FINISHED).orElse(false);
        };
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        Finish finish = (Finish) arg;
        try {
            return store.finish(finish.order(), finish.result(), finish.at())
                    ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.ROLLBACK_MESSAGE;
        } catch (RuntimeException unknown) {
            log.error("profit sharing order {}: final update outcome unknown, the broker will check back",
                    finish.order().orderNo(), unknown);
            return LocalTransactionState.UNKNOW;
        }
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        return checkBack.answer(message);
    }

    private boolean committed(MessageExt message) {
        String orderNo = message.getKeys().split(" ")[0];
        return store.find(orderNo).map(o -> o.status() == SharingOrderStatus.FINISHED).orElse(false);
    }
}
