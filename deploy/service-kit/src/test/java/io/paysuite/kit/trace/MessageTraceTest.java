package io.paysuite.kit.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.nio.charset.StandardCharsets;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageTraceTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private Tracer tracer;

    @BeforeEach
    void bindATracerAsSpringBootWould() {
        io.opentelemetry.api.trace.Tracer otel = provider.get("test");
        tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {
        });
        OtelPropagator propagator = new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                new DefaultTracingObservationHandler(tracer)));
        CurrentTrace.bind(tracer, propagator, registry);
    }

    @AfterEach
    void unbind() {
        CurrentTrace.unbind();
        provider.close();
    }

    @Test
    void aMessageSentInsideATraceCarriesItsTraceparentAsAUserProperty() {
        Message message = new Message("paysuite-trade-events", "TRADE_FINISHED", "T1", "{}".getBytes(StandardCharsets.UTF_8));
        Span request = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            String sent = MessageTrace.sending(message, () -> "sent");
            assertThat(sent).isEqualTo("sent");
        } finally {
            request.end();
        }
        assertThat(message.getUserProperty("traceparent")).startsWith("00-" + request.context().traceId() + "-");
    }

    @Test
    void theConsumerHandlesTheMessageInTheSendersTrace() {
        MessageExt message = new MessageExt();
        message.setTopic("paysuite-trade-events");
        message.putUserProperty("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");

        String seen = MessageTrace.consuming(message, CurrentTrace::traceId);

        assertThat(seen).isEqualTo(TRACE_ID);
        assertThat(CurrentTrace.traceId()).as("the span ends with the handling").isNull();
    }

    @Test
    void aMessageWithoutATraceStartsOneOfItsOwn() {
        MessageExt message = new MessageExt();
        message.setTopic("paysuite-trade-expiry");

        String seen = MessageTrace.consuming(message, CurrentTrace::traceId);

        assertThat(seen).hasSize(32).isNotEqualTo("00000000000000000000000000000000");
    }

    @Test
    void anOutgoingHttpCallGetsTheCurrentTraceparentHeader() {
        Span request = tracer.nextSpan().name("charge").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            assertThat(CurrentTrace.httpHeaders()).containsKey("traceparent");
            assertThat(CurrentTrace.httpHeaders().get("traceparent")).contains(request.context().traceId());
            assertThat(CurrentTrace.traceId()).isEqualTo(request.context().traceId());
        } finally {
            request.end();
        }
    }

    @Test
    void withoutTracingBoundNothingIsAddedAndNothingBreaks() throws Exception {
        CurrentTrace.unbind();
        Message message = new Message("paysuite-trade-events", "TRADE_FINISHED", "T1", new byte[0]);

        MessageTrace.sending(message, () -> "sent");

        assertThat(message.getUserProperty("traceparent")).isNull();
        assertThat(CurrentTrace.traceId()).isNull();
        assertThat(CurrentTrace.httpHeaders()).isEmpty();
    }
}
