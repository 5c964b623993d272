package io.paysuite.kit.trace;

import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves the observations named in {@link ObservationsProperties#untimed()} out of Micrometer's meter
 * handler (Spring Boot's {@code DefaultMeterObservationHandler}, or its tracing-aware wrapper): every
 * other handler, tracing and its MDC and propagation included, still sees them.
 *
 * <p>Why: the meter handler works for every observation, sampled or not — a timer sample at the start, at
 * the stop the tags built from the low-cardinality key values, the timer looked up by them and recorded.
 * Measured with {@code bench.ObservationCost} (src/test) it was about 0.9 KB of the 4.2–5.2 KB an unsampled
 * Dubbo or RocketMQ observation allocated (17–23 %), sampled or not, for {@code rpc_*_duration_seconds} and
 * {@code paysuite_mq_*_seconds} meters no dashboard, alert or document reads.
 *
 * <p>The decision is by the observation's name, taken when the handler is called rather than in
 * {@code supportsContext}: an observation built from a convention (Dubbo's) is named only when it starts,
 * after its handlers were chosen.
 */
final class UntimedObservations implements BeanPostProcessor, EnvironmentAware {

    private Set<String> untimed = Set.of();

    @Override
    public void setEnvironment(Environment environment) {
        // bound by hand: a post-processor is made before the beans that bind configuration properties
        untimed = Set.copyOf(Binder.get(environment).bindOrCreate("paysuite.observations", ObservationsProperties.class)
                .untimed());
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof MeterObservationHandler<?> meters && !untimed.isEmpty()) {
            @SuppressWarnings("unchecked")
            MeterObservationHandler<Observation.Context> all = (MeterObservationHandler<Observation.Context>) meters;
            return new Skipping(all, untimed);
        }
        return bean;
    }

    /** A meter handler that does nothing for the untimed observations and delegates the rest. */
    record Skipping(MeterObservationHandler<Observation.Context> timed, Set<String> untimed)
            implements MeterObservationHandler<Observation.Context> {

        private boolean timed(Observation.Context context) {
            String name = context.getName();
            return name == null || !untimed.contains(name);
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return timed.supportsContext(context);
        }

        @Override
        public void onStart(Observation.Context context) {
            if (timed(context)) {
                timed.onStart(context);
            }
        }

        @Override
        public void onError(Observation.Context context) {
            if (timed(context)) {
                timed.onError(context);
            }
        }

        @Override
        public void onEvent(Observation.Event event, Observation.Context context) {
            if (timed(context)) {
                timed.onEvent(event, context);
            }
        }

        @Override
        public void onScopeOpened(Observation.Context context) {
            if (timed(context)) {
                timed.onScopeOpened(context);
            }
        }

        @Override
        public void onScopeClosed(Observation.Context context) {
            if (timed(context)) {
                timed.onScopeClosed(context);
            }
        }

        @Override
        public void onScopeReset(Observation.Context context) {
            if (timed(context)) {
                timed.onScopeReset(context);
            }
        }

        @Override
        public void onStop(Observation.Context context) {
            if (timed(context)) {
                timed.onStop(context);
            }
        }
    }
}
