package io.paysuite.pay.infra.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.pay.order.PayOrder;
import io.paysuite.pay.order.tool.PaymentTool;
import io.paysuite.pay.order.tool.ToolOutcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * {@code paysuite.payment.charge{method, channel, outcome}}: every charge answer of every payment tool, timed, with
 * a percentile histogram so Prometheus computes latency quantiles across instances. Outcome is the tool's
 * ({@code SUCCESS}, {@code FAILED}, {@code PENDING}, {@code UNKNOWN}: an unknown answer is never counted as a
 * failure); channel is the one that took the money on success, {@code BALANCE} for the platform's own tools and
 * {@code NONE} when no channel is known yet. A recovery's repeated charge is counted again: these are answers, the
 * trades' final results are trade-core's.
 *
 * <p>Each {@link PaymentTool} bean is wrapped as it is created, so the tools and the orchestrator stay free of
 * metrics and a new tool is measured without a line here.
 */
@Component
public class MeteredPaymentTools implements BeanPostProcessor {

    public static final String CHARGE = "paysuite.payment.charge";

    private final ObjectProvider<MeterRegistry> meters;

    public MeteredPaymentTools(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof PaymentTool tool && !(bean instanceof Metered)) {
            return new Metered(tool, meters);
        }
        return bean;
    }

    static final class Metered implements PaymentTool {

        private final PaymentTool tool;
        private final ObjectProvider<MeterRegistry> meters;

        Metered(PaymentTool tool, ObjectProvider<MeterRegistry> meters) {
            this.tool = tool;
            this.meters = meters;
        }

        @Override
        public PayMethod method() {
            return tool.method();
        }

        @Override
        public ToolOutcome charge(PayOrder order, TradeDTO trade, String authCode) {
            long started = System.nanoTime();
            ToolOutcome outcome = null;
            try {
                outcome = tool.charge(order, trade, authCode);
                return outcome;
            } finally {
                record(outcome, System.nanoTime() - started);
            }
        }

        private void record(ToolOutcome outcome, long nanos) {
            MeterRegistry registry = meters.getIfAvailable();
            if (registry == null) {
                return;
            }
            // a tool that threw left the outcome unknown (the check finishes the pay order)
            String kind = outcome == null ? ToolOutcome.Kind.UNKNOWN.name() : outcome.kind().name();
            String channel = outcome != null && outcome.channel() != null ? outcome.channel()
                    : outcome != null && outcome.kind() == ToolOutcome.Kind.SUCCESS ? "BALANCE" : "NONE";
            Timer.builder(CHARGE).description("payment tools' charge answers")
                    .tag("method", tool.method().name()).tag("channel", channel).tag("outcome", kind)
                    .publishPercentileHistogram().register(registry)
                    .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
