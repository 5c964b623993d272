package io.paysuite.channel.infra.sweep;

import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.channel.charge.ChannelCharges;
import io.paysuite.kit.sweep.Janitor;
import io.paysuite.kit.sweep.Sweep;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * channel-gateway's janitor: a channel order is driven by its {@code FOLLOW_UP} timers (payment codes:
 * queries, then the reversal at 30 s) and pay-core's checks; if the timers are lost, a payment code
 * would never be reversed. Each round it finds, read only, orders not final longer than {@code age} and
 * calls the existing entry point {@link ChannelCharges#followUp} with attempt 0, which queries (or
 * reverses, past the reversal time) and settles by compare-and-set, and schedules no timer of its own,
 * so a sweep never starts a second timer chain. Safe on several instances: the first final answer wins
 * in {@code ChannelSettlement}, an equal repeat is a no-op.
 *
 * <p>Channel refunds need no sweep here: they have no timer of their own; trade-core's refund follow-up
 * (and its janitor's sweep of PROCESSING refunds) asks {@code ChannelService.refund} again.
 */
@Configuration(proxyBeanMethods = false)
public class ChannelJanitor {

    /** Attempt 0: follow up once, schedule nothing (see CodeFollowUps). */
    static final int NO_NEXT_TIMER = 0;

    @Bean
    Janitor channelSweeps(ChannelJanitorProperties properties, ChannelSweepMapper sweeps, ChannelCharges charges, Clock clock,
                           MeterRegistry meters) {
        return new Janitor("channel-gateway", properties.every(), List.of(channelOrders(properties, sweeps, charges, clock, meters)));
    }

    static Sweep<String> channelOrders(ChannelJanitorProperties properties, ChannelSweepMapper sweeps, ChannelCharges charges,
                                       Clock clock, MeterRegistry meters) {
        return new Sweep<>(new Sweep.Plan("channel orders", properties.age(), properties.batch()),
                (before, limit) -> sweeps.inFlightSince(LocalDateTime.ofInstant(before, ZoneOffset.UTC), limit),
                channelOrderNo -> charges.followUp(channelOrderNo, NO_NEXT_TIMER), clock, meters);
    }
}
