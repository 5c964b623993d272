package io.paysuite.channel.charge;

import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.money.Money;
import io.paysuite.channel.adapter.ChannelAdapter;
import io.paysuite.channel.adapter.ChannelAdapters;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.isolation.ChannelGuard;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelOrderRepository;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A channel's notification, its signature already verified by the adapter's controller. It is a reason
 * to ask, not an answer: the order is settled from a query of the channel made now ({@code NOTIFY_QUERY}),
 * so a notification that contradicts the channel's own records — a channel bug, a replay, a key in the
 * wrong hands — can neither fail a paid order nor pay an unpaid one.
 *
 * <p>Except when it only repeats what the order already holds: a final order whose result the notification
 * states again (a success of our amount in our currency under the same channel trade number, or a failure of a
 * failed order) is acknowledged without a query. Nothing can come of that query — a final order never changes,
 * and a notification agreeing with it is no conflict — while it costs a signed request to the channel and the
 * channel's signed answer. It is the common case, not the exception: Alipay and WeChat Pay notify every payment,
 * also one whose synchronous answer (a payment code) or earlier query already settled it. A notification that
 * disagrees with a final order in anything is still checked by a query, and recorded as the conflict it is.
 *
 * <p>A notification may also overtake the answer it repeats. The channel sandbox, like Alipay, sends the notification
 * of a payment-code payment at the moment it answers the charge, so under load about a fifth of them arrived while the
 * order was still open — the charge's answer on the wire, or being settled in another thread of this process — and
 * paid a signed query for what that answer recorded milliseconds later. So a notification of an order whose charge this
 * process is sending ({@link ChargesInFlight}) waits for that charge, at most {@code notifyWaitsForCharge}
 * ({@link FollowUpProperties}), and goes on exactly as it would have had it arrived second: acknowledged if it now
 * repeats a final result, else queried. Only the order of the two arrivals changes, never what a notification is
 * trusted with; no lock or connection is held while it waits.
 *
 * <p>Whether it repeats a final result is first asked of the results this process recorded moments ago
 * ({@link RecentFinals}) — the charge's synchronous answer, nearly always — with the same comparison as against the
 * stored order; only a miss reads the order. A result recorded here is what the order holds for good, so the answer is
 * the one the read would give; a notification that states anything else is not acknowledged from it, but read, compared
 * and queried as before.
 */
@Component
public class ChannelNotifications {

    private static final Logger log = LoggerFactory.getLogger(ChannelNotifications.class);

    private final ChannelOrderRepository orders;
    private final ChannelAdapters adapters;
    private final ChannelSettlement settlement;
    private final ChannelGuard guard;
    private final MeterRegistry meters;
    private final ChargesInFlight inFlight;
    private final Duration waitForCharge;
    private final RecentFinals recentFinals;

    public ChannelNotifications(ChannelOrderRepository orders, ChannelAdapters adapters, ChannelSettlement settlement, ChannelGuard guard,
                                MeterRegistry meters, ChargesInFlight inFlight, FollowUpProperties properties,
                                RecentFinals recentFinals) {
        this.orders = orders;
        this.inFlight = inFlight;
        this.recentFinals = recentFinals;
        this.waitForCharge = properties.notifyWaitsForCharge();
        this.adapters = adapters;
        this.settlement = settlement;
        this.guard = guard;
        this.meters = meters;
    }

    /**
     * Confirms {@code call} by a query and settles from the query. A notification the query contradicts is
     * recorded as a conflict and alarmed. When the channel does not answer the query, nothing is decided:
     * for an open order that is {@link NotificationUnconfirmed}, so the channel sends the notification
     * again, and pay-core's delayed checks ask meanwhile.
     *
     * @throws NotificationUnconfirmed the order is open and the channel did not answer the query
     */
    public void notified(String channelOrderNo, ChannelCall call) {
        if (repeatedRecentFinal(channelOrderNo, call) != null) {
            return;
        }
        ChargesInFlight.Charge charge = inFlight.of(channelOrderNo).orElse(null);
        boolean chargeEnded = charge == null || charge.awaitEnd(waitForCharge);
        if (charge != null && chargeEnded) {
            RecentFinals.Final settledByCharge = repeatedRecentFinal(channelOrderNo, call);
            if (settledByCharge != null) {
                waited(channelOrderNo, settledByCharge.channel(), "repeated");
                return;
            }
        }
        ChannelOrder order = orders.find(channelOrderNo).orElse(null);
        if (order == null) {
            log.warn("CHANNEL_ALARM notification for unknown channel order {}: {}", channelOrderNo, call);
            meters.counter("channel.alarm", "kind", "unknown_order").increment();
            return;
        }
        ChannelAdapter adapter = adapters.of(order);
        if (adapter == null) {
            log.warn("notification for {} whose channel {} / method {} has no adapter here; left to the checks", channelOrderNo,
                    order.channel(), order.method());
            if (!order.status().isFinal()) {
                // not acknowledged: the channel sends it again, perhaps to an instance that can confirm it
                throw new NotificationUnconfirmed(channelOrderNo, "NO_ADAPTER");
            }
            return;
        }
        if (charge != null) {
            waited(channelOrderNo, order.channel(), !chargeEnded ? "timed_out" : repeatsFinal(order, call) ? "repeated" : "queried");
        }
        if (repeatsFinal(order, call)) {
            meters.counter("channel.notify.repeated", "channel", order.channel().name()).increment();
            return;
        }
        ChannelOrder asked = order;
        ChannelCall truth = guard.call(order.channel(), "notify-query", () -> adapter.query(asked));
        boolean definite = truth.outcome() == Outcome.SUCCESS || truth.outcome() == Outcome.FAILURE;
        if (definite && truth.outcome() != call.outcome() || !definite && call.outcome() == Outcome.SUCCESS
                && truth.outcome() != Outcome.UNKNOWN) {
            ChannelOrderStatus claimed = call.outcome() == Outcome.SUCCESS ? ChannelOrderStatus.SUCCESS : ChannelOrderStatus.FAILED;
            settlement.conflict(order, claimed, call, "NOTIFY", "the channel's query says " + truth.outcome() + " (" + truth.rawCode() + ")");
        }
        String notified = call.outcome() == Outcome.SUCCESS ? ChannelSettlement.amountMismatch(order, call) : null;
        if (notified != null) {
            // the notification itself states another (or no) amount or currency: alarmed, though only the query settles
            settlement.conflict(order, ChannelOrderStatus.SUCCESS, call, "NOTIFY", notified);
        }
        if (definite) {
            settlement.settle(order, truth, "NOTIFY_QUERY");
        } else if (truth.outcome() == Outcome.UNKNOWN && !order.status().isFinal()) {
            throw new NotificationUnconfirmed(channelOrderNo, truth.rawCode());
        }
    }

    /**
     * The final result this process recorded moments ago ({@link RecentFinals}) that the notification repeats, counted as
     * {@code channel.notify.repeated} and {@code channel.notify.remembered}: the notification is acknowledged without
     * reading the order. Null when none is remembered or the notification states anything else.
     */
    private RecentFinals.Final repeatedRecentFinal(String channelOrderNo, ChannelCall call) {
        RecentFinals.Final recorded = recentFinals.of(channelOrderNo).orElse(null);
        if (recorded == null || !recorded.repeatedBy(call)) {
            return null;
        }
        meters.counter("channel.notify.repeated", "channel", recorded.channel().name()).increment();
        meters.counter("channel.notify.remembered", "channel", recorded.channel().name()).increment();
        return recorded;
    }

    /**
     * Counts what came of waiting for the order's charge in flight as {@code channel.notify.waited}: {@code repeated} (the
     * charge settled the result the notification states), {@code queried} (the charge ended otherwise) or
     * {@code timed_out} (still charging; queried too).
     */
    private void waited(String channelOrderNo, ChannelCode channel, String outcome) {
        meters.counter("channel.notify.waited", "channel", channel.name(), "outcome", outcome).increment();
        if ("timed_out".equals(outcome)) {
            log.info("notification for {} waited {} for the charge in flight; queried", channelOrderNo, waitForCharge);
        }
    }

    /** The notification states exactly the final result the order holds: nothing a query could decide or reveal. */
    static boolean repeatsFinal(ChannelOrder order, ChannelCall call) {
        return repeatsFinal(order.status(), order.amount(), order.channelTradeNo(), call);
    }

    /** As {@link #repeatsFinal(ChannelOrder, ChannelCall)}, for an order holding {@code status}, {@code amount}, {@code channelTradeNo}. */
    static boolean repeatsFinal(ChannelOrderStatus status, Money amount, String channelTradeNo, ChannelCall call) {
        if (status == ChannelOrderStatus.FAILED) {
            return call.outcome() == Outcome.FAILURE;
        }
        return status == ChannelOrderStatus.SUCCESS && call.outcome() == Outcome.SUCCESS
                && ChannelSettlement.amountMismatch(amount, call) == null
                && channelTradeNo != null && channelTradeNo.equals(call.channelTradeNo());
    }
}
