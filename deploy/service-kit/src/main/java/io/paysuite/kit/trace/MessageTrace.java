package io.paysuite.kit.trace;

import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Carries the trace across RocketMQ: a message leaves with the sender's W3C {@code traceparent} as a
 * user property, and its consumer handles it in a span of the same trace, so the consumer's log lines
 * carry the id of the request that caused the message. Used by the kit's producers (plain,
 * transactional, timers) and its consumer, so no service touches it.
 *
 * <p>Built on Micrometer Observation's {@link SenderContext}/{@link ReceiverContext}: Spring Boot's
 * propagating tracing handlers inject and extract the headers with the configured propagator (W3C),
 * as they do for HTTP and Dubbo. A message without the property (sent before tracing, or by a timer
 * job outside any request) starts a trace of its own.
 */
public final class MessageTrace {

    /** What a traced send or handling does; may throw what the RocketMQ client throws. */
    @FunctionalInterface
    public interface Step<T, E extends Exception> {
        T run() throws E;
    }

    static final String SEND = "paysuite.mq.send";
    static final String CONSUME = "paysuite.mq.consume";

    private MessageTrace() {
    }

    /** Runs {@code send} in a producer span whose context {@code message} carries as user properties. */
    public static <T, E extends Exception> T sending(Message message, Step<T, E> send) throws E {
        SenderContext<Message> context = new SenderContext<>(MessageTrace::put, Kind.PRODUCER);
        context.setCarrier(message);
        context.setRemoteServiceName("rocketmq");
        return Observation.createNotStarted(SEND, () -> context, CurrentTrace.observations())
                .contextualName("send " + message.getTopic())
                .lowCardinalityKeyValue("topic", message.getTopic())
                .observeChecked(send::run);
    }

    /** RocketMQ refuses a blank property value: an empty header (say {@code tracestate}) is left out. */
    private static void put(Message carrier, String key, String value) {
        if (carrier != null && value != null && !value.isBlank()) {
            carrier.putUserProperty(key, value);
        }
    }

    /** Runs {@code handle} in a consumer span continuing the trace {@code message} carries. */
    public static <T, E extends Exception> T consuming(MessageExt message, Step<T, E> handle) throws E {
        ReceiverContext<MessageExt> context = new ReceiverContext<>((carrier, key) -> carrier.getUserProperty(key),
                Kind.CONSUMER);
        context.setCarrier(message);
        context.setRemoteServiceName("rocketmq");
        return Observation.createNotStarted(CONSUME, () -> context, CurrentTrace.observations())
                .contextualName("consume " + message.getTopic())
                .lowCardinalityKeyValue("topic", message.getTopic())
                .observeChecked(handle::run);
    }
}
