package io.paysuite.pay.infra.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.paysuite.pay.infra.PayProperties;
import io.paysuite.pay.order.PayOrderRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The real {@link RocketMqPaySuccess} with the broker played in process: the half message, the
 * local transaction (the pay order's compare-and-set) and delivery only when it committed. What
 * consumers such as trade-core would receive is in {@link #delivered()}.
 */
public class InProcessPaySuccess extends RocketMqPaySuccess {

    /** As pay-core's application.yml configures Spring's mapper ({@code SNAKE_CASE}, ISO instants). */
    public static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final List<Message> delivered = new ArrayList<>();

    public InProcessPaySuccess(PayOrderRepository orders, Clock clock) {
        super(new PayProperties("127.0.0.1:1", "PAYSUITE_PAY_EVENT", "paysuite-pay-tx", "PAYSUITE_PAY_CHECK",
                Duration.ofSeconds(10), Duration.ofSeconds(60), "PAYSUITE_CHANNEL_EVENT", Duration.ofHours(2), Duration.ofDays(2),
                Duration.ofSeconds(5), Duration.ofSeconds(60)), orders, clock);
    }

    @Override
    TransactionSendResult send(Message message, Attempt attempt) {
        LocalTransactionState state = executeLocalTransaction(message, attempt);
        if (state == LocalTransactionState.COMMIT_MESSAGE) {
            delivered.add(message);
        }
        TransactionSendResult result = new TransactionSendResult();
        result.setSendStatus(SendStatus.SEND_OK);
        result.setLocalTransactionState(state);
        return result;
    }

    public List<Message> delivered() {
        return List.copyOf(delivered);
    }

    /** A delivered message's body as a consumer reads it. */
    public static JsonNode body(Message message) {
        try {
            return JSON.readTree(message.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
