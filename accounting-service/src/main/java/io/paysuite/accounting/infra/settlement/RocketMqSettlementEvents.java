package io.paysuite.accounting.infra.settlement;

import io.paysuite.accounting.config.SettlementProperties;
import io.paysuite.accounting.settlement.Settlement;
import io.paysuite.accounting.settlement.SettlementEvents;
import io.paysuite.api.event.EventType;
import io.paysuite.api.event.SettlementFinished;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.settlement.SettlementStatus;
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
 * {@link SettlementEvents} as a transactional message of the kit's {@link TransactionalProducer}: the
 * local transaction is the settlement's compare-and-set, so the settlement row is the outbox and the
 * check-back ({@link CheckBack}) counts the message committed when the settlement holds the status it
 * announces. The event id ({@code SETTLEMENT.<status>.<settlement no>}, property {@code eventId}) is
 * what cashier-service deduplicates merchant notifications on.
 */
@Component
public class RocketMqSettlementEvents extends RocketMqAdapter implements SettlementEvents, TransactionListener {

    private static final Logger log = LoggerFactory.getLogger(RocketMqSettlementEvents.class);
    /** The user property cashier-service reads the event id from. */
    static final String EVENT_ID = "eventId";
    static final String STATUS = "settlementStatus";

    private final MyBatisSettlementStore store;
    private final SettlementProperties properties;
    private final CheckBack checkBack;
    private final TransactionalProducer producer;
    private final Clock clock;

    public RocketMqSettlementEvents(MyBatisSettlementStore store, SettlementProperties properties, Clock clock) {
        super(0);
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.checkBack = new CheckBack(EventType.SETTLEMENT_FINISHED.tag(), this::committed, properties.gracePeriod(), clock);
        this.producer = runs(new TransactionalProducer(new TransactionalProducer.Settings(properties.producerGroup(),
                properties.namesrv(), properties.topic(), null, 0), this));
    }

    record Finish(Settlement settlement, SettlementStatus to, PayoutStatus payoutStatus, Instant paidAt) {
    }

    @Override
    public boolean finish(Settlement s, SettlementStatus to, PayoutStatus payoutStatus, Instant paidAt) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Settlement finished = s.finished(to, payoutStatus, paidAt == null ? null : paidAt.truncatedTo(ChronoUnit.MILLIS));
        String eventId = "SETTLEMENT." + to.name() + "." + s.settlementNo();
        Message message = EventCodec.message(properties.topic(), EventType.SETTLEMENT_FINISHED,
                new SettlementFinished(eventId, finished.toDto()));
        message.setKeys(List.of(s.settlementNo(), eventId));
        message.putUserProperty(EVENT_ID, eventId);
        message.putUserProperty(STATUS, to.name());
        LocalTransactionState state;
        try {
            state = producer.send(message, new Finish(s, to, payoutStatus, finished.paidAt())).getLocalTransactionState();
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot send SETTLEMENT_FINISHED of " + s.settlementNo() + "; nothing changed", e);
        }
        log.info("settlement {} -> {} at {}: {}", s.settlementNo(), to, now, state);
        return switch (state) {
            case COMMIT_MESSAGE -> true;
            case ROLLBACK_MESSAGE -> false;
            default -> store.find(s.settlementNo()).map(found -> found.status() == to).orElse(false);
        };
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        Finish finish = (Finish) arg;
        try {
            return store.transition(finish.settlement(), finish.to(), finish.payoutStatus(), finish.paidAt())
                    ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.ROLLBACK_MESSAGE;
        } catch (RuntimeException unknown) {
            log.error("settlement {}: final update outcome unknown, the broker will check back",
                    finish.settlement().settlementNo(), unknown);
            return LocalTransactionState.UNKNOW;
        }
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        return checkBack.answer(message);
    }

    private boolean committed(MessageExt message) {
        String settlementNo = message.getKeys().split(" ")[0];
        String status = message.getUserProperty(STATUS);
        return store.find(settlementNo).map(s -> s.status().name().equals(status)).orElse(false);
    }
}
