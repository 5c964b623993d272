package io.paysuite.kit.trace.bench;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.paysuite.kit.trace.CurrentTrace;
import io.paysuite.kit.trace.MessageTrace;
import io.paysuite.kit.trace.TracingAutoConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcInvocation;
import org.apache.dubbo.tracing.DefaultDubboClientObservationConvention;
import org.apache.dubbo.tracing.DefaultDubboServerObservationConvention;
import org.apache.dubbo.tracing.DubboObservationDocumentation;
import org.apache.dubbo.tracing.context.DubboClientContext;
import org.apache.dubbo.tracing.context.DubboServerContext;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryEventPublisherBeansApplicationListener;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What one observation costs a service, per kind, through the registry the services build (Spring Boot's
 * observation, metrics with the Prometheus registry, and tracing auto-configuration, the kit's on top, with
 * the services' settings), once with nothing sampled and once with everything sampled. A {@code main}, not a
 * test: timings vary with the box, so they are printed for a person to compare, never asserted.
 *
 * <p>Run after {@code mvn -o -pl deploy/service-kit test-compile}, with the test class path:
 * {@code java -cp target/test-classes:target/classes:<test class path> io.paysuite.kit.trace.bench.ObservationCost [rounds] [sampled|unsampled|both|untraced|none]}
 * ({@code untraced}: metrics alone, tracing switched off, which leaves RocketMQ unobserved; {@code none}: the
 * no-op registry, what the calls' own objects cost); one mode per JVM compares best, as the
 * first mode run otherwise pays for the JIT's warm-up.
 *
 * <p>HTTP is approximated by a receiver observation named {@code http.server.requests} with Boot's key names
 * (the kit has no servlet stack); Dubbo uses Dubbo's own contexts and conventions as its filters do; RocketMQ
 * goes through {@link MessageTrace} itself. JDBC is not observed in the suite, so it is not here.
 */
public final class ObservationCost {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private ObservationCost() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        OpenTelemetryEventPublisherBeansApplicationListener.addWrapper();
        ApplicationContextRunner services = new ApplicationContextRunner()
                .withPropertyValues("management.observations.long-task-timer.enabled=false",
                        "management.metrics.tags.application=bench", "spring.application.name=bench")
                .withInitializer(app -> app.addApplicationListener(new OpenTelemetryEventPublisherBeansApplicationListener()))
                .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class, PrometheusMetricsExportAutoConfiguration.class,
                        OpenTelemetryAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
                        MicrometerTracingAutoConfiguration.class, TracingAutoConfiguration.class));
        String only = args.length > 1 ? args[1] : "both";
        if (only.equals("none")) {
            // the calls' own objects (invocations, messages) and the no-op registry: what is not the observations'
            measure(ObservationRegistry.NOOP, false, rounds);
            return;
        }
        for (boolean sampled : new boolean[] {false, true}) {
            if (only.equals("untraced") ? sampled : !only.equals("both") && only.equals("sampled") != sampled) {
                continue;
            }
            services.withPropertyValues("management.tracing.sampling.probability=" + (sampled ? "1.0" : "0.0"))
                    .withPropertyValues("management.tracing.enabled=" + !only.equals("untraced"))
                    .run(app -> measure(app.getBean(ObservationRegistry.class), sampled, rounds));
        }
    }

    private static void measure(ObservationRegistry registry, boolean sampled, int rounds) {
        String flags = sampled ? "01" : "00";
        Invoker<?> tradeService = new TradeServiceInvoker();
        Map<String, Runnable> kinds = new LinkedHashMap<>();
        kinds.put("http.server (root)", () -> httpServer(registry));
        kinds.put("dubbo server", () -> dubboServer(registry, tradeService, flags));
        kinds.put("dubbo client", () -> inRequest(registry, () -> dubboClient(registry, tradeService)));
        kinds.put("mq send", () -> inRequest(registry, ObservationCost::send));
        kinds.put("mq consume", () -> consume(flags));
        kinds.put("(request alone)", () -> inRequest(registry, () -> {
        }));
        System.out.printf("%n%s (%,d rounds, best of 5 batches; allocation is the steadier figure on a shared box)%n", sampled ? "SAMPLED (probability 1.0)"
                : "UNSAMPLED (probability 0.0)", rounds);
        kinds.forEach((name, op) -> {
            double nanos = nanosPerOp(op, rounds);
            System.out.printf("  %-20s %8.0f ns/op %8.0f bytes/op%n", name, nanos, bytesPerOp(op));
        });
    }

    private static double nanosPerOp(Runnable op, int rounds) {
        for (int i = 0; i < rounds; i++) {
            op.run();
        }
        double best = Double.MAX_VALUE;
        for (int batch = 0; batch < 5; batch++) {
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                op.run();
            }
            best = Math.min(best, (System.nanoTime() - start) / (double) rounds);
        }
        return best;
    }

    private static double bytesPerOp(Runnable op) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        int n = 10_000;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < n; i++) {
            op.run();
        }
        return (threads.getCurrentThreadAllocatedBytes() - before) / (double) n;
    }

    /** A server request as Boot's servlet filter observes it: no incoming trace, so a root span. */
    private static void httpServer(ObservationRegistry registry) {
        Map<String, String> headers = Map.of("content-type", "application/json");
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get, Kind.SERVER);
        context.setCarrier(headers);
        Observation request = Observation.createNotStarted("http.server.requests", () -> context, registry)
                .contextualName("http post /api/v1/trades/barcode")
                .lowCardinalityKeyValue("method", "POST").lowCardinalityKeyValue("uri", "/api/v1/trades/barcode")
                .lowCardinalityKeyValue("status", "201").lowCardinalityKeyValue("outcome", "SUCCESS")
                .lowCardinalityKeyValue("exception", "none")
                .highCardinalityKeyValue("http.url", "/api/v1/trades/barcode").start();
        try (Observation.Scope ignored = request.openScope()) {
            CurrentTrace.traceId();
        } finally {
            request.stop();
        }
    }

    /** What Dubbo's {@code ObservationReceiverFilter} does with a call carrying a {@code traceparent}. */
    private static void dubboServer(ObservationRegistry registry, Invoker<?> invoker, String flags) {
        RpcInvocation invocation = invocation();
        invocation.setAttachment("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-" + flags);
        DubboServerContext context = new DubboServerContext(invoker, invocation);
        Observation call = DubboObservationDocumentation.SERVER.observation(null,
                DefaultDubboServerObservationConvention.getInstance(), () -> context, registry).start();
        try (Observation.Scope ignored = call.openScope()) {
            CurrentTrace.traceId();
        } finally {
            call.stop();
        }
    }

    /** What Dubbo's {@code ObservationSenderFilter} does around a call. */
    private static void dubboClient(ObservationRegistry registry, Invoker<?> invoker) {
        RpcInvocation invocation = invocation();
        DubboClientContext context = new DubboClientContext(invoker, invocation);
        Observation call = DubboObservationDocumentation.CLIENT.observation(null,
                DefaultDubboClientObservationConvention.getInstance(), () -> context, registry).start();
        call.scoped(() -> invocation.getAttachment("traceparent"));
        call.stop();
    }

    private static void send() {
        Message message = new Message("paysuite-pay-events", "PAY_SUCCEEDED", "P1", "{}".getBytes(StandardCharsets.UTF_8));
        MessageTrace.sending(message, () -> null);
    }

    private static void consume(String flags) {
        MessageExt message = new MessageExt();
        message.setTopic("paysuite-pay-events");
        message.putUserProperty("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-" + flags);
        MessageTrace.consuming(message, CurrentTrace::traceId);
    }

    /** Runs {@code inside} in a server request's scope, as a service's outgoing calls run. */
    private static void inRequest(ObservationRegistry registry, Runnable inside) {
        ReceiverContext<Object> context = new ReceiverContext<>((carrier, key) -> null, Kind.SERVER);
        context.setCarrier(new Object());
        Observation request = Observation.createNotStarted("bench.request", () -> context, registry).start();
        try (Observation.Scope ignored = request.openScope()) {
            inside.run();
        } finally {
            request.stop();
        }
    }

    private static RpcInvocation invocation() {
        return new RpcInvocation("create", "io.paysuite.api.trade.TradeService", "io.paysuite.api.trade.TradeService",
                new Class<?>[] {String.class}, new Object[] {"T1"});
    }

    private static final class TradeServiceInvoker implements Invoker<Object> {

        private final URL url = URL.valueOf("dubbo://127.0.0.1:20881/io.paysuite.api.trade.TradeService?application=bench");

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
