package io.paysuite.kit.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcInvocation;
import org.apache.dubbo.tracing.DefaultDubboClientObservationConvention;
import org.apache.dubbo.tracing.DubboObservationDocumentation;
import org.apache.dubbo.tracing.context.DubboClientContext;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryEventPublisherBeansApplicationListener;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class UntimedObservationsTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final Ended ended = new Ended();

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withPropertyValues("management.tracing.sampling.probability=0.0")
            .withBean(SpanProcessor.class, () -> ended)
            .withInitializer(app -> {
                OpenTelemetryEventPublisherBeansApplicationListener.addWrapper();
                app.addApplicationListener(new OpenTelemetryEventPublisherBeansApplicationListener());
            })
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                    OpenTelemetryAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class, TracingAutoConfiguration.class));

    @Test
    void anUnsampledPaymentsDubboCallAndMessagesCarryItsTraceIdButGetNoTimers() {
        service.run(app -> {
            ObservationRegistry observations = CurrentTrace.observations();
            Message sent = new Message("paysuite-pay-events", "PAY_SUCCEEDED", "P1", "{}".getBytes(StandardCharsets.UTF_8));
            RpcInvocation call = invocation();
            String traceId;
            Observation request = Observation.start("http.server.requests", observations);
            try (Observation.Scope ignored = request.openScope()) {
                traceId = CurrentTrace.traceId();
                dubboCall(observations, call, () -> assertThat(MDC.get("traceId")).isEqualTo(CurrentTrace.traceId()));
                MessageTrace.sending(sent, () -> assertThat(MDC.get("traceId")).isEqualTo(CurrentTrace.traceId()));
            } finally {
                request.stop();
            }

            assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
            assertThat(call.getAttachment("traceparent")).as("Dubbo propagates, flagged unsampled")
                    .startsWith("00-" + traceId + "-").endsWith("-00");
            assertThat(sent.getUserProperty("traceparent")).startsWith("00-" + traceId + "-").endsWith("-00");
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            assertThat(meters.find("rpc.client.duration").timer()).as("Dubbo's timer is left out").isNull();
            assertThat(meters.find(MessageTrace.SEND).timer()).isNull();
            assertThat(meters.find("http.server.requests").timer()).as("HTTP's timer stays").isNotNull()
                    .extracting(t -> t.count()).isEqualTo(1L);
            assertThat(ended.spans).as("unsampled: nothing recorded").isEmpty();
        });
    }

    @Test
    void aMessageDeliveredUnsampledIsHandledInItsSendersTraceWithoutATimer() {
        service.run(app -> {
            MessageExt delivered = new MessageExt();
            delivered.setTopic("paysuite-pay-events");
            delivered.putUserProperty("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-00");

            String logged = MessageTrace.consuming(delivered, () -> MDC.get("traceId"));

            assertThat(logged).isEqualTo(TRACE_ID);
            assertThat(app.getBean(MeterRegistry.class).find(MessageTrace.CONSUME).timer()).isNull();
        });
    }

    @Test
    void sampledCallsRecordTheirSpansAsBefore() {
        service.withPropertyValues("management.tracing.sampling.probability=1.0").run(app -> {
            ObservationRegistry observations = CurrentTrace.observations();
            Observation request = Observation.start("http.server.requests", observations);
            try (Observation.Scope ignored = request.openScope()) {
                dubboCall(observations, invocation(), () -> {
                });
                MessageTrace.sending(new Message("paysuite-pay-events", "PAY_SUCCEEDED", "P1", new byte[0]), () -> null);
            } finally {
                request.stop();
            }

            assertThat(ended.spans).extracting(ReadableSpan::getName)
                    .containsExactly("io.paysuite.api.trade.TradeService/create", "send paysuite-pay-events", "http.server.requests");
            assertThat(ended.spans.get(0).getAttribute(io.opentelemetry.api.common.AttributeKey.stringKey("rpc.method")))
                    .as("the spans keep their key values").isEqualTo("create");
        });
    }

    @Test
    void withNothingUntimedDubbosAndRocketMqsTimersComeBack() {
        service.withPropertyValues("paysuite.observations.untimed=").run(app -> {
            ObservationRegistry observations = CurrentTrace.observations();
            dubboCall(observations, invocation(), () -> {
            });
            MessageTrace.sending(new Message("paysuite-pay-events", "PAY_SUCCEEDED", "P1", new byte[0]), () -> null);

            MeterRegistry meters = app.getBean(MeterRegistry.class);
            assertThat(meters.find("rpc.client.duration").timer()).isNotNull();
            assertThat(meters.find(MessageTrace.SEND).timer()).isNotNull();
        });
    }

    /** What Dubbo's {@code ObservationSenderFilter} does around a call. */
    private static void dubboCall(ObservationRegistry observations, RpcInvocation invocation, Runnable remote) {
        DubboClientContext context = new DubboClientContext(new TradeServiceInvoker(), invocation);
        Observation call = DubboObservationDocumentation.CLIENT.observation(null,
                DefaultDubboClientObservationConvention.getInstance(), () -> context, observations).start();
        call.scoped(remote);
        call.stop();
    }

    private static RpcInvocation invocation() {
        return new RpcInvocation("create", "io.paysuite.api.trade.TradeService", "io.paysuite.api.trade.TradeService",
                new Class<?>[] {String.class}, new Object[] {"T1"});
    }

    private static final class Ended implements SpanProcessor {

        final List<ReadableSpan> spans = new CopyOnWriteArrayList<>();

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            spans.add(span);
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }

    private static final class TradeServiceInvoker implements Invoker<Object> {

        private final URL url = URL.valueOf("dubbo://127.0.0.1:20881/io.paysuite.api.trade.TradeService");

        @Override
        public Class<Object> getInterface() {
            return Object.class;
        }

        @Override
        public Result invoke(Invocation invocation) {
            return null;
        }

        @Override
        public URL getUrl() {
            return url;
        }

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public void destroy() {
        }
    }
}
