package io.paysuite.kit.trace;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trace the current thread works in, for the pieces that are not Spring beans: the kit's RocketMQ
 * clients (built with {@code new} by each service), the channel adapters' HTTP clients and the
 * cashier's request ids. {@link TracingAutoConfiguration} binds the application's Micrometer
 * {@link Tracer}, {@link Propagator} and {@link ObservationRegistry} here once at start; until then
 * (and in unit tests) everything is a no-op: no trace id, no headers, a no-op registry.
 *
 * <p>The ids are Micrometer Tracing's (W3C trace context, made by the OpenTelemetry SDK), never made
 * here; this class only reads and injects them.
 */
public final class CurrentTrace {

    private static volatile Binding binding;

    private record Binding(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
    }

    private CurrentTrace() {
    }

    static void bind(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
        binding = new Binding(tracer, propagator, observations);
    }

    static void unbind() {
        binding = null;
    }

    /** The 32-hex-digit W3C trace id of the current span, or null when this thread is not in a trace. */
    public static String traceId() {
        Span span = currentSpan();
        return span == null ? null : span.context().traceId();
    }

    /**
     * The propagation headers ({@code traceparent}, and {@code tracestate} or baggage when present) of
     * the current span, for an outgoing HTTP call; empty when this thread is not in a trace. The callee
     * sees the current span as its parent: no client span is made, which keeps a channel call as cheap
     * as before (the span is only logged, never exported by default).
     */
    public static Map<String, String> httpHeaders() {
        Binding b = binding;
        Span span = currentSpan();
        if (b == null || span == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>(4);
        b.propagator().inject(span.context(), headers, Map::put);
        return headers;
    }

    /** {@code request} with {@link #httpHeaders()}, for the JDK HTTP clients of the channel adapters. */
    public static HttpRequest.Builder traced(HttpRequest.Builder request) {
        httpHeaders().forEach(request::header);
        return request;
    }

    /** The application's observation registry, or the no-op one before tracing is bound. */
    public static ObservationRegistry observations() {
        Binding b = binding;
        return b == null ? ObservationRegistry.NOOP : b.observations();
    }

    private static Span currentSpan() {
        Binding b = binding;
        return b == null ? null : b.tracer().currentSpan();
    }
}
