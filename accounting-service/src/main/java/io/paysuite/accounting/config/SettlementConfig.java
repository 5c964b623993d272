package io.paysuite.accounting.config;

import io.paysuite.api.ApiVersion;
import io.paysuite.accounting.ledger.Balances;
import io.paysuite.accounting.ledger.EntryRules;
import io.paysuite.accounting.ledger.Journal;
import io.paysuite.accounting.settlement.SettlementBookings;
import io.paysuite.accounting.settlement.SettlementCalendar;
import io.paysuite.accounting.settlement.SettlementEvents;
import io.paysuite.accounting.settlement.SettlementPayouts;
import io.paysuite.accounting.settlement.SettlementReads;
import io.paysuite.accounting.settlement.SettlementRun;
import io.paysuite.accounting.settlement.SettlementStore;
import io.paysuite.accounting.settlement.Settlement;
import io.paysuite.kit.sweep.Sweep;
import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.payout.PayoutService;
import java.time.Clock;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.apache.dubbo.config.spring.reference.ReferenceBeanBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires settlement's plain-Java domain objects and the two services it calls: member-service for the
 * merchant's cycle and settlement account, channel-gateway for payouts (both without a group, like
 * every other reference of them).
 */
@Configuration(proxyBeanMethods = false)
public class SettlementConfig {

    /** Terms and the settlement account (guarded: only accounting-service gets the full number). */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<MerchantService> merchantService() {
        return new ReferenceBeanBuilder().build();
    }

    /** Payouts: a timeout is an unknown answer, followed up by {@code get}. */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, retries = 0, timeout = 10000)
    public ReferenceBean<PayoutService> payoutService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    SettlementCalendar settlementCalendar(SettlementProperties properties) {
        return new SettlementCalendar(properties.zone());
    }

    @Bean
    SettlementBookings settlementBookings(EntryRules rules, Journal journal) {
        return new SettlementBookings(rules, journal);
    }

    @Bean
    SettlementPayouts settlementPayouts(SettlementStore store, SettlementBookings bookings, SettlementEvents events,
                                        MerchantService merchants, PayoutService payouts) {
        return new SettlementPayouts(store, bookings, events, merchants, payouts);
    }

    @Bean
    SettlementRun settlementRun(SettlementStore store, SettlementPayouts settlementPayouts, Balances balances,
                                SettlementCalendar calendar, LedgerProperties ledger, MerchantService merchants, Clock clock) {
        return new SettlementRun(store, settlementPayouts, balances, merchants, calendar, ledger.currencies(), clock);
    }

    /**
     * The janitor of settlements still {@code PROCESSING} (a lost {@code PAYOUT_FINAL}, a crash between the
     * steps of {@link SettlementPayouts#advance}, an unknown payout answer): the kit's {@link Sweep}, driven
     * by the cluster-wide job in {@code infra.settlement.SettlementJobs}; each is driven on through the same
     * idempotent path, its payout asked again, never trusted from a message.
     */
    @Bean
    Sweep<Settlement> settlementSweep(SettlementStore store, SettlementPayouts settlementPayouts, SettlementProperties properties,
                                      Clock clock, MeterRegistry meters) {
        return new Sweep<>(new Sweep.Plan("processing settlements", properties.sweepAfter(), 200), store::processing,
                settlementPayouts::advance, clock, meters);
    }

    @Bean
    SettlementReads settlementReads(SettlementStore store, Balances balances, SettlementProperties properties) {
        return new SettlementReads(store, balances, properties.zone());
    }
}
