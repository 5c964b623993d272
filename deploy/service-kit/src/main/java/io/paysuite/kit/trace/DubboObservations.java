package io.paysuite.kit.trace;

import io.micrometer.observation.ObservationRegistry;
import org.apache.dubbo.config.spring.context.event.DubboConfigInitEvent;
import org.apache.dubbo.config.spring.util.DubboBeanUtils;
import org.apache.dubbo.rpc.model.ApplicationModel;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Hands the application's {@link ObservationRegistry} to Dubbo before it exports or refers anything,
 * which switches on Dubbo's own observation filters ({@code ObservationSenderFilter} on consumers,
 * {@code ObservationReceiverFilter} on providers, both in the {@code dubbo} jar): every Dubbo call gets
 * a client and a server span, and the W3C {@code traceparent} travels as an invocation attachment.
 *
 * <p>Why not Dubbo's Spring Boot tracing auto-configuration ({@code dubbo.tracing.enabled=true})? It
 * brings a second set of tracer, sampler and exporter settings ({@code dubbo.tracing.*}) beside Spring
 * Boot's {@code management.tracing.*}; registering Boot's registry is the one step of it we need, and
 * keeps one place to configure sampling and export for HTTP, Dubbo and RocketMQ alike.
 */
final class DubboObservations implements ApplicationListener<DubboConfigInitEvent>, Ordered {

    private final ObservationRegistry registry;

    DubboObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(DubboConfigInitEvent event) {
        registerIn(DubboBeanUtils.getApplicationModel(event.getApplicationContext().getAutowireCapableBeanFactory()));
    }

    /** Dubbo's observation filters read the registry from the application model when they are created. */
    void registerIn(ApplicationModel model) {
        if (model.getBeanFactory().getBean(ObservationRegistry.class) == null) {
            model.getBeanFactory().registerBean(registry);
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
