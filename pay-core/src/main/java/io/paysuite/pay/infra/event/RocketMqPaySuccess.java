package io.paysuite.pay.infra.event;

import io.paysuite.api.event.EventType;
import io.paysuite.api.event.PaySucceeded;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.kit.mq.CheckBack;
import io.paysuite.kit.mq.EventCodec;
import io.paysuite.kit.mq.RocketMqAdapter;
import io.paysuite.kit.mq.TransactionalProducer;
import io.paysuite.pay.infra.PayProperties;
import io.paysuite.pay.order.PayOrder;
import io.paysuite.pay.order.PayOrderRepository;
import io.paysuite.pay.order.PaySuccess;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link PaySuccess} as a transactional message of the kit's {@link TransactionalProducer}. The local
 * transaction is the single compare-and-set UPDATE of the pay order, so the pay order row itself is
 * the outbox: the check-back ({@link CheckBack}) counts it committed when the pay order is SUCCESS.
 * (trade-core keeps an event table instead because its events carry payloads that are not a row's
 * current state.) Consumers deduplicate on the pay order number.
 */
@Component
public class RocketMqPaySuccess extends RocketMqAdapter implements PaySuccess, TransactionListener {

    private static final Logger log = LoggerFactory.getLogger(RocketMqPaySuccess.class);

    private final PayProperties properties;
    private final PayOrderRepository orders;
    private final Clock clock;
    private final CheckBack checkBack;
    private final TransactionalProducer producer;

    public RocketMqPaySuccess(PayProperties properties, PayOrderRepository orders, Clock clock) {
        super(0); // started early, stopped late: after Dubbo stops handing us calls, before the DataSource closes
        this.properties = properties;
        this.orders = orders;
        this.clock = clock;
        this.checkBack = new CheckBack(EventType.PAY_SUCCEEDED.tag(), this::succeeded, properties.gracePeriod(), clock);
        this.producer = runs(new TransactionalProducer(new TransactionalProducer.Settings(properties.producerGroup(),
                properties.namesrv(), properties.topic(), null, 0), this));
    }

    /** What the local transaction writes: the channel goes into the same compare-and-set as SUCCESS. */
    record Attempt(PayOrder order, String channel, Instant at) {
    }

    @Override
    public Optional<PayOrder> succeed(PayOrder order, String channel) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Message message = EventCodec.message(properties.topic(), EventType.PAY_SUCCEEDED, successOf(order, channel, at));
        message.setKeys(List.of(order.payOrderNo(), order.tradeNo()));
        TransactionSendResult sent;
        try {
            sent = send(message, new Attempt(order, channel, at));
        } catch (MQClientException e) {
            throw new IllegalStateException("cannot send PAY_SUCCEEDED of " + order.payOrderNo() + "; nothing changed", e);
        }
        return switch (sent.getLocalTransactionState()) {
            case COMMIT_MESSAGE -> Optional.of(order.after(PayOrderStatus.SUCCESS, null, channel, at));
            case ROLLBACK_MESSAGE -> Optional.empty();
            // the update's commit threw: whether it stuck is read back, and the broker asks later
            default -> orders.find(order.payOrderNo()).filter(o -> o.status() == PayOrderStatus.SUCCESS);
        };
    }

    /** The pay order as the compare-and-set leaves it. */
    private static PaySucceeded successOf(PayOrder order, String channel, Instant at) {
        return new PaySucceeded(order.payOrderNo(), order.tradeNo(), order.requestNo(), order.buyerId(), order.merchantId(),
                order.method(), PayOrderStatus.SUCCESS, order.amount(), order.createdAt(), at, channel,
                order.parts().tradePayments(order.method(), order.amount(), channel),
                order.parts().promotionDetail(order.amount().currency()));
    }

    /**
     * Half message, local transaction ({@link #executeLocalTransaction}), then commit or rollback:
     * the broker's part, apart so that unit tests can play the broker without one.
     */
    TransactionSendResult send(Message message, Attempt attempt) throws MQClientException {
        return producer.send(message, attempt);
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        Attempt attempt = (Attempt) arg;
        try {
            return orders.transition(attempt.order().payOrderNo(), PayOrderStatus.PROCESSING, PayOrderStatus.SUCCESS,
                    null, attempt.channel(), attempt.at())
                    ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.ROLLBACK_MESSAGE;
        } catch (RuntimeException unknown) {
            log.error("pay order {}: success update outcome unknown, the broker will check back",
                    attempt.order().payOrderNo(), unknown);
            return LocalTransactionState.UNKNOW;
        }
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        return checkBack.answer(message);
    }

    /** Whether the success of the message's pay order (its first key) committed. */
    private boolean succeeded(MessageExt message) {
        String payOrderNo = message.getKeys().split(" ")[0];
        return orders.find(payOrderNo).map(PayOrder::status).orElse(null) == PayOrderStatus.SUCCESS;
    }

}
