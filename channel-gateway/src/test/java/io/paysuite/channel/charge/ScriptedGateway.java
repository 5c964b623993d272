package io.paysuite.channel.charge;

import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.money.Money;
import io.paysuite.channel.adapter.ChannelAdapter;
import io.paysuite.channel.adapter.ChannelAdapters;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.health.ChannelStats;
import io.paysuite.channel.infra.InMemoryChannelRefundMapper;
import io.paysuite.channel.infra.MyBatisChannelRefundRepository;
import io.paysuite.channel.isolation.ChannelGuard;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelOrderRepository;
import io.paysuite.channel.order.ChannelResults;
import io.paysuite.channel.order.FollowUps;
import io.paysuite.channel.order.LatePaymentLedger;
import io.paysuite.channel.refund.ChannelRefundRepository;
import io.paysuite.channel.refund.ChannelRefunds;
import io.paysuite.channel.refund.RefundAdapter;
import io.paysuite.channel.routing.ChannelRouter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The charge pieces wired as Spring wires them, over a repository and scripted channels (no network, no database): an
 * Alipay refund channel and a ledger that records posting keys, for the pay-back of late successes.
 */
record ScriptedGateway(ChannelCharges charges, ChannelNotifications notifications, RefundScript refundChannel,
                       ChannelRefundRepository refunds, LedgerScript ledger) {

    static ScriptedGateway over(ChannelOrderRepository repo, List<? extends ChannelAdapter> channels, ChannelResults results,
                                MeterRegistry meters, Clock clock, FollowUps followUps, ChannelRouter router) {
        FollowUpProperties properties = properties(Duration.ofSeconds(2));
        return over(repo, channels, results, meters, clock, followUps, router, properties, new ChargesInFlight(properties));
    }

    /** The defaults of {@link FollowUpProperties}, but for how long a notification waits for a charge in flight. */
    static FollowUpProperties properties(Duration notifyWaitsForCharge) {
        return new FollowUpProperties(Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(30), notifyWaitsForCharge,
                1000);
    }

    /** As {@link #over(ChannelOrderRepository, List, ChannelResults, MeterRegistry, Clock, FollowUps, ChannelRouter)}, with these. */
    static ScriptedGateway over(ChannelOrderRepository repo, List<? extends ChannelAdapter> channels, ChannelResults results,
                                MeterRegistry meters, Clock clock, FollowUps followUps, ChannelRouter router,
                                FollowUpProperties properties, ChargesInFlight inFlight) {
        ChannelAdapters adapters = new ChannelAdapters(List.copyOf(channels));
        ChannelGuard guard = new ChannelGuard(new ChannelStats(meters, clock));
        RefundScript refundChannel = new RefundScript();
        ChannelRefundRepository refunds = new MyBatisChannelRefundRepository(new InMemoryChannelRefundMapper());
        LedgerScript ledger = new LedgerScript();
        LatePayments late = new LatePayments(repo, new ChannelRefunds(refunds, repo, List.of(refundChannel), guard, clock), ledger,
                followUps, meters);
        // one per gateway, as one per process: another ScriptedGateway over the same repository is another instance
        RecentFinals recentFinals = new RecentFinals(new RecentFinalsProperties(10_000, Duration.ofMinutes(5)), clock);
        ChannelSettlement settlement = new ChannelSettlement(repo, adapters, results, late, meters, clock, recentFinals);
        ChannelCharges charges = new ChannelCharges(repo, adapters, settlement, new QrFollowUps(repo, settlement, guard, properties, clock),
                new CodeFollowUps(repo, settlement, guard, followUps, properties, inFlight, clock), router, late, meters, clock,
                io.paysuite.channel.adapter.LoadTestChannels.none());
        return new ScriptedGateway(charges, new ChannelNotifications(repo, adapters, settlement, guard, meters, inFlight,
                properties, recentFinals), refundChannel, refunds, ledger);
    }

    static final class RefundScript implements RefundAdapter {
        final List<String> calls = new ArrayList<>();
        ChannelCall refundAnswer = ChannelCall.unknown("IO", "not scripted");
        ChannelCall queryAnswer = ChannelCall.unknown("IO", "not scripted");

        @Override
        public ChannelCode channel() {
            return ChannelCode.ALIPAY;
        }

        @Override
        public ChannelCall refund(ChannelOrder paid, String refundNo, long refundMinor, String reason) {
            calls.add("refund " + refundNo + " " + refundMinor + " " + paid.channelTradeNo());
            return refundAnswer;
        }

        @Override
        public ChannelCall queryRefund(ChannelOrder paid, String refundNo) {
            calls.add("query " + refundNo);
            return queryAnswer;
        }
    }

    static final class LedgerScript implements LatePaymentLedger {
        final List<String> posted = new ArrayList<>();

        @Override
        public boolean latePayment(ChannelOrder order, Money paid) {
            return post("LATE" + order.channelOrderNo());
        }

        @Override
        public boolean paidBack(ChannelOrder order, Money paid) {
            return post("PAYBACK" + order.channelOrderNo());
        }

        /** Idempotent on the posting key, as the ledger is. */
        private boolean post(String key) {
            if (!posted.contains(key)) {
                posted.add(key);
            }
            return true;
        }
    }
}
