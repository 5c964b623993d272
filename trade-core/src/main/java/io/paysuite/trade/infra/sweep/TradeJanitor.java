package io.paysuite.trade.infra.sweep;

import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.kit.sweep.Janitor;
import io.paysuite.kit.sweep.Sweep;
import io.paysuite.trade.infra.event.UnpublishedTradeEvents;
import io.paysuite.trade.expiry.TradeExpiry;
import io.paysuite.trade.order.PayingTradeRecovery;
import io.paysuite.trade.refund.RefundCompletion;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * trade-core's janitor: the backstop of its timers and messages. Each round it finds, read only, what
 * has been in flight longer than its schedule allows, and hands it to the path that would have
 * finished it (docs/architecture.md, "Events commit with their state change"):
 * <ul>
 *   <li>trades {@code PAYING}: {@link PayingTradeRecovery} (a lost {@code PAY_SUCCEEDED}, a lost check);</li>
 *   <li>trades {@code WAIT_PAY} past their expiry: {@link TradeExpiry#due}, as their lost expiry timer would;</li>
 *   <li>refunds {@code PROCESSING}: {@link RefundCompletion#complete}, as the {@code REFUND_ACCEPTED} consumer;</li>
 *   <li>escrow releases unanswered: {@link EscrowReleases#redrive}, as the {@code TRADE_FINISHED} consumer;</li>
 *   <li>events never confirmed at the broker: {@link UnpublishedTradeEvents#republish}.</li>
 * </ul>
 * The expired-trade sweep runs on its own faster round ({@link JanitorProperties#expiredEvery()}), the
 * others once a minute: each round is one indexed, covering read per table (V6, V9), usually empty.
 * Every path is a compare-and-set or a call keyed by the business number, taking duplicates already, so
 * several instances sweeping at once are safe (see {@link Sweep}).
 */
@Configuration(proxyBeanMethods = false)
public class TradeJanitor {

    @Bean
    Janitor tradeSweeps(JanitorProperties properties, TradeSweepMapper sweeps, PayingTradeRecovery paying,
                         RefundCompletion refunds, EscrowReleases releases, UnpublishedTradeEvents events, Clock clock,
                         MeterRegistry meters) {
        return new Janitor("trade-core", properties.every(), List.of(
                new Sweep<>(new Sweep.Plan("paying trades", properties.payingAge(), properties.batch()),
                        (before, limit) -> sweeps.payingSince(local(before), limit), paying::recover, clock, meters),
                new Sweep<>(new Sweep.Plan("processing refunds", properties.refundAge(), properties.batch()),
                        (before, limit) -> sweeps.processingRefundsSince(local(before), limit), refunds::complete, clock, meters),
                new Sweep<>(new Sweep.Plan("escrow releases", properties.releaseAge(), properties.batch()),
                        releases::unreleasedSince, releases::redrive, clock, meters),
                new Sweep<>(new Sweep.Plan("unpublished trade events", properties.eventAge(), properties.batch()),
                        events::inFlightSince, events::republish, clock, meters)));
    }

    /**
     * Expired unpaid trades on their own, faster round: a payment-code trade whose expiry timer was lost
     * must still be closed within the minute, while the other sweeps' ages are minutes.
     */
    @Bean
    Janitor tradeExpirySweep(JanitorProperties properties, TradeSweepMapper sweeps, TradeExpiry expiry, Clock clock,
                             MeterRegistry meters) {
        return new Janitor("trade-core-expiry", properties.expiredEvery(), List.of(
                new Sweep<>(new Sweep.Plan("expired unpaid trades", properties.expiredAge(), properties.batch()),
                        (before, limit) -> sweeps.expiredUnpaidSince(local(before), limit), expiry::due, clock, meters)));
    }

    private static LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
