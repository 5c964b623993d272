package io.paysuite.kit.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class UnrecordedSpansTest {

    @Test
    void aSpanThatRecordsNothingIsNotGivenTheKeyValues() {
        Span unsampled = mock(Span.class);
        when(unsampled.isNoop()).thenReturn(true);
        Observation.Context context = new Observation.Context();
        context.addLowCardinalityKeyValue(io.micrometer.common.KeyValue.of("topic", "paysuite-pay-events"));

        new UnrecordedSpans.Local(mock(Tracer.class)).tagSpan(context, unsampled);

        verify(unsampled).isNoop();
        verifyNoMoreInteractions(unsampled);
    }

    @Test
    void aRecordingSpanIsTaggedAsBefore() {
        Span sampled = mock(Span.class);
        SenderContext<Object> context = new SenderContext<>((carrier, key, value) -> {
        }, Kind.PRODUCER);
        context.addLowCardinalityKeyValue(io.micrometer.common.KeyValue.of("topic", "paysuite-pay-events"));
        context.addHighCardinalityKeyValue(io.micrometer.common.KeyValue.of("key", "P1"));

        new UnrecordedSpans.Sender(mock(Tracer.class), mock(Propagator.class)).tagSpan(context, sampled);

        verify(sampled).tag("topic", "paysuite-pay-events");
        verify(sampled).tag("key", "P1");
    }

    @Test
    void springBootsTracingHandlersAreTheKitsOnes() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, OpenTelemetryAutoConfiguration.class,
                        OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
                        TracingAutoConfiguration.class))
                .run(app -> assertThat(app.getBeansOfType(TracingObservationHandler.class).values())
                        .extracting(Object::getClass)
                        .containsExactlyInAnyOrder(UnrecordedSpans.Sender.class, UnrecordedSpans.Receiver.class,
                                UnrecordedSpans.Local.class));
    }
}
