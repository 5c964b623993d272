package io.paysuite.kit.trace;

import io.micrometer.observation.Observation;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Spring Boot's three tracing observation handlers, except that a span which records nothing (an unsampled
 * trace's: nine in ten) is not given the observation's key values as tags.
 *
 * <p>Why: at every stop the handlers merge the observation's low- and high-cardinality key values and set
 * each on the span; on a non-recording span every one of those calls is thrown away, yet each still makes an
 * attribute key. Everything else is theirs, unchanged: the span is started, named, put in scope (its ids in
 * the MDC), injected into or extracted from the carrier ({@code traceparent}) and ended. A recording span is
 * tagged exactly as before.
 *
 * <p>Boot's handler beans are replaced by these at creation (same bean, same order); a handler a service
 * defines itself (another class) is left alone.
 */
final class UnrecordedSpans implements BeanPostProcessor, BeanFactoryAware {

    private BeanFactory beans;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beans = beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean.getClass() == PropagatingSenderTracingObservationHandler.class) {
            return new Sender(((PropagatingSenderTracingObservationHandler<?>) bean).getTracer(), beans.getBean(Propagator.class));
        }
        if (bean.getClass() == PropagatingReceiverTracingObservationHandler.class) {
            return new Receiver(((PropagatingReceiverTracingObservationHandler<?>) bean).getTracer(), beans.getBean(Propagator.class));
        }
        if (bean.getClass() == DefaultTracingObservationHandler.class) {
            return new Local(((DefaultTracingObservationHandler) bean).getTracer());
        }
        return bean;
    }

    static final class Sender extends PropagatingSenderTracingObservationHandler<SenderContext<?>> {

        Sender(Tracer tracer, Propagator propagator) {
            super(tracer, propagator);
        }

        @Override
        public void tagSpan(SenderContext<?> context, Span span) {
            if (!span.isNoop()) {
                super.tagSpan(context, span);
            }
        }
    }

    static final class Receiver extends PropagatingReceiverTracingObservationHandler<ReceiverContext<?>> {

        Receiver(Tracer tracer, Propagator propagator) {
            super(tracer, propagator);
        }

        @Override
        public void tagSpan(ReceiverContext<?> context, Span span) {
            if (!span.isNoop()) {
                super.tagSpan(context, span);
            }
        }
    }

    static final class Local extends DefaultTracingObservationHandler {

        Local(Tracer tracer) {
            super(tracer);
        }

        @Override
        public void tagSpan(Observation.Context context, Span span) {
            if (!span.isNoop()) {
                super.tagSpan(context, span);
            }
        }
    }
}
