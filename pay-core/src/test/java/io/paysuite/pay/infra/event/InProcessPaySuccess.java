package io.paysuite.pay.infra.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.paysuite.pay.infra.PayProperties;
import io.paysuite.kit.mq.MessageSender;
import io.paysuite.pay.order.PayOrderRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The real {@link RocketMqPaySuccess} with the broker played in process. Outbox delivery (the default): the
 * compare-and-set, then the plain send to a broker that stores it, or refuses while {@link #brokerDown}.
 * Transactional: the half message, the local transaction (the pay order's compare-and-set) and delivery only when it
 * committed. What consumers such as trade-core would receive is in {@link #delivered()}.
 */
public class InProcessPaySuccess extends RocketMqPaySuccess {

    /** As pay-core's application.yml configures Spring's mapper ({@code SNAKE_CASE}, ISO instants). */
    public static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final Broker broker;

    public InProcessPaySuccess(PayOrderRepository orders, Clock clock) {
        this(orders, clock, PayProperties.SuccessDelivery.OUTBOX);
    }

    public InProcessPaySuccess(PayOrderRepository orders, Clock clock, PayProperties.SuccessDelivery delivery) {
        this(orders, clock, delivery, new Broker());
    }

    private InProcessPaySuccess(PayOrderRepository orders, Clock clock, PayProperties.SuccessDelivery delivery,
                                Broker broker) {
        super(PayProperties.defaults().withSuccessDelivery(delivery), orders, clock,
                delivery == PayProperties.SuccessDelivery.OUTBOX ? broker : null);
        this.broker = broker;
    }

    @Override
    TransactionSendResult send(Message message, Attempt attempt) {
        LocalTransactionState state = executeLocalTransaction(message, attempt);
        if (state == LocalTransactionState.COMMIT_MESSAGE) {
            broker.store(message);
        }
        TransactionSendResult result = new TransactionSendResult();
        result.setSendStatus(SendStatus.SEND_OK);
        result.setLocalTransactionState(state);
        return result;
    }

    public List<Message> delivered() {
        return broker.delivered();
    }

    /** While down, every plain send throws as the kit's producer does when the broker did not store a message. */
    public void brokerDown(boolean down) {
        broker.down = down;
    }

    /** Runs inside every plain send, before the broker answers (another path arriving meanwhile). */
    public void whileSending(Runnable meanwhile) {
        broker.meanwhile = meanwhile;
    }

    /** Plain sends tried, stored or not. */
    public int sendsTried() {
        return broker.tried();
    }

    /** A delivered message's body as a consumer reads it. */
    public static JsonNode body(Message message) {
        try {
            return JSON.readTree(message.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker as the kit's {@link MessageSender} sees it. */
    static final class Broker implements MessageSender {
        private final List<Message> delivered = new ArrayList<>();
        volatile boolean down;
        volatile Runnable meanwhile = () -> { };
        int tried;

        @Override
        public void send(Message message) {
            synchronized (this) {
                tried++;
            }
            meanwhile.run();
            if (down) {
                throw new IllegalStateException("cannot send " + message.getTags() + " " + message.getKeys() + " to "
                        + message.getTopic());
            }
            store(message);
        }

        synchronized int tried() {
            return tried;
        }

        synchronized void store(Message message) {
            delivered.add(message);
        }

        synchronized List<Message> delivered() {
            return List.copyOf(delivered);
        }
    }
}
