package io.paysuite.kit.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryEventPublisherBeansApplicationListener;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TracingAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withPropertyValues("management.tracing.sampling.probability=1.0")
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, OpenTelemetryAutoConfiguration.class,
                    OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
                    OtlpTracingAutoConfiguration.class, TracingAutoConfiguration.class));

    @Test
    void withSpringBootsTracingTheKitBindsItsHooksAndExportsNothing() {
        context.run(app -> {
            assertThat(app).hasSingleBean(TracingAutoConfiguration.TraceBinding.class);
            assertThat(app).hasSingleBean(DubboObservations.class);
            assertThat(app).doesNotHaveBean(SpanExporter.class);
            assertThat(CurrentTrace.observations()).isNotSameAs(io.micrometer.observation.ObservationRegistry.NOOP);
        });
        assertThat(CurrentTrace.observations()).as("unbound when the context closes")
                .isSameAs(io.micrometer.observation.ObservationRegistry.NOOP);
    }

    @Test
    void anOtlpEndpointIsTheOneSwitchThatTurnsExportOn() {
        context.withPropertyValues("management.otlp.tracing.endpoint=http://127.0.0.1:4318/v1/traces")
                .run(app -> assertThat(app).hasSingleBean(SpanExporter.class));
    }

    @Test
    void withTracingTurnedOffTheKitStaysOut() {
        context.withPropertyValues("management.tracing.enabled=false")
                .run(app -> assertThat(app).doesNotHaveBean(TracingAutoConfiguration.TraceBinding.class));
    }

    @Test
    void anUnsampledRequestStillHasItsTraceIdInTheLogLinesAndInWhatItSends() {
        // what SpringApplication does through spring.factories: the OpenTelemetry context storage publishes scope
        // events to the bridge's MDC listener (the runner starts no SpringApplication)
        OpenTelemetryEventPublisherBeansApplicationListener.addWrapper();
        context.withPropertyValues("management.tracing.sampling.probability=0.0")
                .withInitializer(app -> app.addApplicationListener(new OpenTelemetryEventPublisherBeansApplicationListener()))
                .run(app -> {
            io.micrometer.observation.Observation request = io.micrometer.observation.Observation
                    .start("http.server.requests", CurrentTrace.observations());
            try (io.micrometer.observation.Observation.Scope scope = request.openScope()) {
                String traceId = CurrentTrace.traceId();
                assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
                assertThat(org.slf4j.MDC.get("traceId")).as("what logging.pattern.correlation prints").isEqualTo(traceId);
                assertThat(CurrentTrace.httpHeaders().get("traceparent")).as("propagated, flagged unsampled")
                        .startsWith("00-" + traceId + "-").endsWith("-00");
            } finally {
                request.stop();
            }
        });
    }
}
