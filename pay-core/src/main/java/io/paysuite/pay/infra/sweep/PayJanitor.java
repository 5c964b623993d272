package io.paysuite.pay.infra.sweep;

import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.kit.sweep.Janitor;
import io.paysuite.kit.sweep.Sweep;
import io.paysuite.pay.order.PayOrchestrator;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * pay-core's janitor: a pay order is finished by its {@code CHECK} timer; if that timer is lost (a
 * broker store lost, a message dropped) nothing would look at the pay order again. Each round the
 * janitor finds, read only, pay orders {@code CREATED} or {@code PROCESSING} longer than
 * {@code age} and runs {@link PayOrchestrator#recover} — what the check runs: a compare-and-set from
 * {@code CREATED}, or a charge again under the pay order's own key, which the ledger and the gateway
 * answer with the first result. Several instances sweeping at once, or a sweep racing a live check, do
 * what a duplicate check does: nothing more. A pay order whose {@code PAY_SUCCEEDED} was not sent after
 * its success is already {@code SUCCESS} and not swept here: its check sends the announcement again
 * ({@link PayOrchestrator#recover}), and trade-core's janitor, which reads a trade left {@code PAYING} from
 * pay-core, finishes the trade if that check was lost too.
 */
@Configuration(proxyBeanMethods = false)
public class PayJanitor {

    @Bean
    Janitor paySweeps(PayJanitorProperties properties, PaySweepMapper sweeps, PayOrchestrator orchestrator, Clock clock,
                       MeterRegistry meters) {
        return new Janitor("pay-core", properties.every(), List.of(payOrders(properties, sweeps, orchestrator, clock, meters)));
    }

    static Sweep<String> payOrders(PayJanitorProperties properties, PaySweepMapper sweeps, PayOrchestrator orchestrator,
                                   Clock clock, MeterRegistry meters) {
        return new Sweep<>(new Sweep.Plan("pay orders", properties.age(), properties.batch()),
                (before, limit) -> sweeps.inFlightSince(LocalDateTime.ofInstant(before, ZoneOffset.UTC), limit),
                orchestrator::recover, clock, meters);
    }
}
