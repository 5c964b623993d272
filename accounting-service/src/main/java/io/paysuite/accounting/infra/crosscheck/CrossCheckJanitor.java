package io.paysuite.accounting.infra.crosscheck;

import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.accounting.crosscheck.CrossCheckFindings;
import io.paysuite.accounting.crosscheck.InternalReconciliation;
import io.paysuite.accounting.crosscheck.PendingChecks;
import io.paysuite.kit.sweep.Janitor;
import io.paysuite.kit.sweep.Sweep;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Internal reconciliation's safety net, the kit's {@link Janitor} (safe on several instances: each
 * note is an idempotent insert, each check is claimed by compare-and-set in {@link DueChecks}), with
 * two sweeps every half of the shorter of {@code sweep-after} and {@code recheck-open-after} (15 s by
 * default; never more often than {@code sweep-every}): a lost event is then noticed 45–60 s after its
 * entry and an open finding rechecked every 30–45 s, as promised, for a third of the reads a 5-s pace cost:
 * <ul>
 *   <li>{@code crosscheck-entries}: trades with a journal entry no check covered are noted — the event
 *       that should have noted them was lost;</li>
 *   <li>{@code crosscheck-open}: trades with an OPEN finding not looked at for {@code recheck-open-after}
 *       are noted, so a repaired one clears.</li>
 * </ul>
 * Chosen over a ShedLock job: a sweep needs no cluster-wide lock when every step is a compare-and-set,
 * and the shedlock table is not this package's to create.
 */
@ConditionalOnProperty(prefix = "paysuite.crosscheck", name = "enabled", matchIfMissing = true)
@Configuration(proxyBeanMethods = false)
public class CrossCheckJanitor {

    @Bean
    Janitor crossCheckJanitorRounds(InternalReconciliation reconciliation, PendingChecks pending, CrossCheckFindings findings,
                                    CrossCheckProperties properties, Clock clock, MeterRegistry meters) {
        Sweep<String> entries = new Sweep<>(new Sweep.Plan("crosscheck-entries", properties.sweepAfter(), properties.batch()),
                pending::uncheckedTrades, tradeNo -> reconciliation.noted(tradeNo, null), clock, meters);
        Sweep<String> open = new Sweep<>(new Sweep.Plan("crosscheck-open", properties.recheckOpenAfter(), properties.batch()),
                findings::openCheckedBefore, tradeNo -> reconciliation.noted(tradeNo, null), clock, meters);
        return new Janitor("crosscheck", every(properties), List.of(entries, open));
    }

    /** Each sweep looks at rows at least its age old: running it much more often than that age re-reads the same window. */
    static Duration every(CrossCheckProperties properties) {
        Duration half = (properties.sweepAfter().compareTo(properties.recheckOpenAfter()) < 0
                ? properties.sweepAfter() : properties.recheckOpenAfter()).dividedBy(2);
        Duration floor = positive(properties.sweepEvery());
        return half.compareTo(floor) > 0 ? half : floor;
    }

    private static Duration positive(Duration every) {
        return every.isNegative() || every.isZero() ? Duration.ofSeconds(5) : every;
    }
}
