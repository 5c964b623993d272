package io.paysuite.channel.charge;

import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.channel.adapter.ChannelAdapter;
import io.paysuite.channel.adapter.ChannelAdapters;
import io.paysuite.channel.health.ChannelStats;
import io.paysuite.channel.isolation.ChannelGuard;
import io.paysuite.channel.order.ChannelOrderRepository;
import io.paysuite.channel.order.ChannelResults;
import io.paysuite.channel.order.FollowUps;
import io.paysuite.channel.routing.ChannelRouter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The charge pieces wired as Spring wires them, over a repository and scripted channels (no network, no database). */
record ScriptedGateway(ChannelCharges charges, ChannelNotifications notifications) {

    static ScriptedGateway over(ChannelOrderRepository repo, List<? extends ChannelAdapter> channels, ChannelResults results,
                                MeterRegistry meters, Clock clock, FollowUps followUps, ChannelRouter router) {
        ChannelAdapters adapters = new ChannelAdapters(List.copyOf(channels));
        FollowUpProperties properties = new FollowUpProperties(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(30));
        ChannelGuard guard = new ChannelGuard(new ChannelStats(meters, clock));
        ChannelSettlement settlement = new ChannelSettlement(repo, adapters, results, meters, clock);
        ChannelCharges charges = new ChannelCharges(repo, adapters, settlement, new QrFollowUps(repo, settlement, guard, properties, clock),
                new CodeFollowUps(repo, settlement, guard, followUps, properties, clock), router, meters, clock);
        return new ScriptedGateway(charges, new ChannelNotifications(repo, adapters, settlement, guard, meters));
    }
}
