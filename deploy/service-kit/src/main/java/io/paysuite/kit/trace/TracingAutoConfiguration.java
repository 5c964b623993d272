package io.paysuite.kit.trace;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One trace id across the suite: Spring Boot's Micrometer Tracing (HTTP server spans, the
 * {@code traceId}/{@code spanId} MDC keys every log pattern prints) plus the kit's hooks for what Boot
 * does not instrument — Dubbo ({@link DubboObservations}) and RocketMQ ({@link MessageTrace}, bound
 * through {@link CurrentTrace}).
 *
 * <p><b>Why the OpenTelemetry bridge</b> ({@code micrometer-tracing-bridge-otel}) rather than Brave:
 * the issue asks for W3C {@code traceparent}, which is OpenTelemetry's native format, and Spring Boot
 * 3.4 exports to an OTLP collector only through the OpenTelemetry bridge — so turning on export later
 * is one property ({@code management.otlp.tracing.endpoint}), not a library change. Without that
 * property no exporter bean exists and spans end in the log lines only.
 *
 * <p><b>Sampling</b> ({@code management.tracing.sampling.probability}, 0.1 in every service): it decides
 * which traces record their spans, not which carry an id. The OpenTelemetry bridge puts the trace and
 * span id of an unsampled span into the MDC like any other and propagates it ({@code traceparent} with
 * flag {@code 00}, continued by the callee's parent-based sampler), so every log line of every request
 * still names its trace; only nine traces in ten skip recording their spans' attributes and events.
 *
 * <p><b>Timers</b>: Dubbo's and RocketMQ's observations get no timer ({@link UntimedObservations},
 * {@code paysuite.observations.untimed}); HTTP's ({@code http.server.requests}, {@code http.client.requests})
 * and every service's own meters stay. An unsampled span is not tagged with key values it would throw away
 * ({@link UnrecordedSpans}).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryPropagationConfigurations"})
@ConditionalOnClass({Tracer.class, ObservationRegistry.class})
@ConditionalOnBean({Tracer.class, Propagator.class, ObservationRegistry.class})
@ConditionalOnProperty(prefix = "management.tracing", name = "enabled", matchIfMissing = true)
public class TracingAutoConfiguration {

    /** Binds the tracer for the kit's non-bean pieces; unbinds when the context closes. */
    @Bean
    TraceBinding kitTraceBinding(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
        return new TraceBinding(tracer, propagator, observations);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.dubbo.config.spring.context.event.DubboConfigInitEvent")
    static class DubboTracing {

        @Bean
        DubboObservations kitDubboObservations(ObservationRegistry observations) {
            return new DubboObservations(observations);
        }
    }

    /** Static: a post-processor is made before this configuration's other beans. */
    @Bean
    static UnrecordedSpans kitUnrecordedSpans() {
        return new UnrecordedSpans();
    }

    /** Static: a post-processor is made before this configuration's other beans. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.observation.MeterObservationHandler")
    static class ObservationTimers {

        @Bean
        static UntimedObservations kitUntimedObservations() {
            return new UntimedObservations();
        }
    }

    static final class TraceBinding implements DisposableBean {

        TraceBinding(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
            CurrentTrace.bind(tracer, propagator, observations);
        }

        @Override
        public void destroy() {
            CurrentTrace.unbind();
        }
    }
}
