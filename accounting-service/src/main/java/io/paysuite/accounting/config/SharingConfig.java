package io.paysuite.accounting.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.accounting.ledger.EntryRules;
import io.paysuite.accounting.ledger.Journal;
import io.paysuite.accounting.sharing.ProfitSharing;
import io.paysuite.accounting.sharing.SharingEvents;
import io.paysuite.accounting.sharing.SharingOrder;
import io.paysuite.accounting.sharing.SharingStore;
import io.paysuite.kit.sweep.Sweep;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires profit sharing's plain-Java domain object and the sweep of its orders left {@code PROCESSING}. */
@Configuration(proxyBeanMethods = false)
public class SharingConfig {

    @Bean
    ProfitSharing profitSharing(EntryRules rules, Journal journal, SharingStore sharingStore, SharingEvents sharingEvents,
                                Clock clock) {
        return new ProfitSharing(rules, journal, sharingStore, sharingEvents, clock);
    }

    /** Orders an unknown outcome left {@code PROCESSING}, driven on through the same idempotent posting. */
    @Bean
    Sweep<SharingOrder> sharingSweep(SharingStore sharingStore, ProfitSharing profitSharing, SharingProperties properties,
                                     Clock clock, MeterRegistry meters) {
        return new Sweep<>(new Sweep.Plan("processing profit sharing orders", properties.sweepAfter(), 200),
                sharingStore::processing, profitSharing::driveOn, clock, meters);
    }
}
