package io.paysuite.channel.infra.payout;

import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.channel.payout.PayoutProperties;
import io.paysuite.channel.payout.Payouts;
import io.paysuite.kit.access.InternalCallers;
import io.paysuite.kit.access.InternalCallsProperties;
import io.paysuite.kit.sweep.Janitor;
import io.paysuite.kit.sweep.Sweep;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payouts' infrastructure: the repository with its account seal, and the janitor that backs up
 * the follow-up timers. Each round the janitor finds, read only, payouts still {@code PROCESSING}
 * longer than {@code sweep-age} and calls the existing entry point {@link Payouts#followUp} with
 * attempt 0, which queries and finishes by compare-and-set and sets no timer of its own — so a sweep
 * never starts a second timer chain, and two instances sweeping the same payout do what one
 * duplicate timer would. A payout the bank takes days over (Alipay {@code DEALING}) is asked once a
 * round after its timers are used up.
 */
@Configuration(proxyBeanMethods = false)
public class PayoutConfig {

    @Bean
    PayoutAccountSeal payoutAccountSeal(InternalCallsProperties internalCalls) {
        return internalCalls.secretFile() == null ? PayoutAccountSeal.unavailable()
                : new PayoutAccountSeal(InternalCallers.readSecret(internalCalls.secretFile()));
    }

    @Bean
    MyBatisPayoutRepository payoutRepository(PayoutMapper mapper, PayoutAccountSeal seal) {
        return new MyBatisPayoutRepository(mapper, seal);
    }

    @Bean
    Janitor payoutSweeps(PayoutProperties properties, PayoutMapper mapper, Payouts payouts, Clock clock, MeterRegistry meters) {
        return new Janitor("channel-gateway-payouts", properties.sweepEvery(), List.of(payouts(properties, mapper, payouts, clock, meters)));
    }

    static Sweep<String> payouts(PayoutProperties properties, PayoutMapper mapper, Payouts payouts, Clock clock, MeterRegistry meters) {
        return new Sweep<>(new Sweep.Plan("payouts", properties.sweepAge(), properties.sweepBatch()),
                (before, limit) -> mapper.inFlightSince(LocalDateTime.ofInstant(before, ZoneOffset.UTC), limit),
                payoutNo -> payouts.followUp(payoutNo, 0), clock, meters);
    }
}
