package io.paysuite.channel.charge;

import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.money.Money;
import io.paysuite.channel.adapter.ChannelAdapter;
import io.paysuite.channel.adapter.ChannelAdapters;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelOrderRepository;
import io.paysuite.channel.order.ChannelOrderTransitions;
import io.paysuite.channel.order.ChannelResults;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The single write path of a channel order's final result, where the synchronous answer, the channel's
 * notification and a query meet. Only definite answers move the order, by compare-and-set from the state
 * it is in; the first final result wins, and a later contradicting one is recorded as a conflict and
 * alarmed, never applied. A paid amount other than ours is never trusted: it is a conflict, not a success.
 * A settled order is announced to pay-core — unless it is a refusal about to be rerouted, or the answer of
 * the {@code ChannelService.charge} call that settled it ({@link Audience#CALLER}). An order being
 * reversed is decided by the reversal alone. A success after the order failed or closed is a late payment:
 * recorded, and paid back through the channel ({@link LatePayments}).
 */
@Component
public class ChannelSettlement {

    private static final Logger log = LoggerFactory.getLogger(ChannelSettlement.class);

    /** The sources that may decide a {@code REVERSING} order: the reversal's answer, and the query made after it was refused. */
    static final Set<String> REVERSAL_SOURCES = Set.of(CodeFollowUps.REVERSE, CodeFollowUps.REVERSE_QUERY);

    private final ChannelOrderRepository orders;
    private final ChannelAdapters adapters;
    private final ChannelResults results;
    private final LatePayments latePayments;
    private final MeterRegistry meters;
    private final Clock clock;
    private final RecentFinals recentFinals;

    public ChannelSettlement(ChannelOrderRepository orders, ChannelAdapters adapters, ChannelResults results, LatePayments latePayments,
                             MeterRegistry meters, Clock clock, RecentFinals recentFinals) {
        this.orders = orders;
        this.recentFinals = recentFinals;
        this.adapters = adapters;
        this.results = results;
        this.latePayments = latePayments;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Who learns of a result this gateway settled.
     * <ul>
     *   <li>{@link #CALLER}: it was found inside a {@code ChannelService.charge} call (the synchronous answer, or a
     *       query, close or reversal that call made), and that call answers it. The caller is pay-core — its first
     *       charge or its recovery — and it finishes the pay order from the answer in the same flow. Announcing it
     *       as well made pay-core finish the same pay order a second time from the announcement (a second trade
     *       read, charge call, ledger post, {@code PAY_SUCCEEDED} half message and a compare-and-set that loses)
     *       while the first was still posting. Nothing is lost without it: pay-core set the pay order's delayed
     *       check before it called us, so if it dies between our answer and its own commit, or its call timed
     *       out, the check charges again under the same pay order number and gets this same final order (the
     *       announcement was best effort, never the guarantee).</li>
     *   <li>{@link #ANNOUNCE}: found by nobody's call — a notification, a follow-up timer, the janitor, a bill — so
     *       pay-core hears of it through {@code CHANNEL_ORDER_FINAL} sooner than its next check.</li>
     * </ul>
     */
    public enum Audience { CALLER, ANNOUNCE }

    /**
     * Applies a definite answer by compare-and-set from the state the order is in, and announces the result. A
     * final order is never changed: an equal answer is a no-op, a contradicting one a recorded conflict.
     */
    ChannelOrder settle(ChannelOrder order, ChannelCall answer, String source) {
        return settle(order, answer, source, Audience.ANNOUNCE);
    }

    /** As {@link #settle(ChannelOrder, ChannelCall, String)}, telling the result only to {@code audience}. */
    ChannelOrder settle(ChannelOrder order, ChannelCall answer, String source, Audience audience) {
        if (answer.outcome() != Outcome.SUCCESS && answer.outcome() != Outcome.FAILURE) {
            return order;
        }
        ChannelOrderStatus claimed = answer.outcome() == Outcome.SUCCESS ? ChannelOrderStatus.SUCCESS : ChannelOrderStatus.FAILED;
        String unpaid = claimed == ChannelOrderStatus.SUCCESS ? amountMismatch(order, answer) : null;
        if (unpaid != null) {
            // checked closed: a success that does not state our amount in our currency is unknown, never a payment
            conflict(order, claimed, answer, source, unpaid);
            return order;
        }
        ChannelOrder current = order;
        if (current.status() == ChannelOrderStatus.REVERSING && !REVERSAL_SOURCES.contains(source)) {
            // the reversal under way returns money the buyer pays meanwhile: only its answer decides
            log.info("channel order {} is being reversed: {} from {} waits for the reversal's answer", current.channelOrderNo(),
                    claimed, source);
            return current;
        }
        for (int attempt = 0; attempt < 3 && !current.status().isFinal(); attempt++) {
            if (!ChannelOrderTransitions.TABLE.allows(current.status(), claimed)) {
                break;
            }
            Instant at = now();
            if (orders.transition(current.channelOrderNo(), current.status(), claimed, null, answer.channelTradeNo(),
                    answer.rawCode(), source, at)) {
                ChannelOrder done = settled(current, claimed, answer, source, at);
                // remembered at once: the channel's notification of it may be arriving now (RecentFinals)
                recentFinals.recorded(done);
                log.info("channel order {} {} by {} ({}) pay_order_no={}", done.channelOrderNo(), claimed, source,
                        answer.rawCode(), done.payOrderNo());
                meters.counter("channel.order.final", "channel", done.channel().name(), "status", claimed.name(),
                        "source", source).increment();
                announce(done, audience);
                return done;
            }
            current = orders.reread(current);
        }
        if (current.status() != claimed) {
            String detail = "held " + current.status() + " by " + current.finalSource();
            if (claimed == ChannelOrderStatus.SUCCESS && current.status() == ChannelOrderStatus.FAILED) {
                // money moved at the channel for an order that is over: paid back, never silence
                latePayments.paidAfterFinal(current, answer, source, detail, now());
            } else {
                conflict(current, claimed, answer, source, detail);
            }
        }
        return current;
    }

    /** The source name a channel's bill carries into the settle path. */
    public static final String BILL = "BILL";

    /**
     * The channel's bill says {@code order} was paid: a definite answer like a query's, applied through the same
     * settle path (compare-and-set, the first final result wins, pay-core told, a late success paid back). The
     * bill's amount is checked against ours like any answer's, never trusted.
     */
    public ChannelOrder settleByBill(ChannelOrder order, String channelTradeNo, long paidMinor, String currency) {
        return settle(order, new ChannelCall(Outcome.SUCCESS, BILL, "listed as paid in the channel's bill", channelTradeNo, null,
                paidMinor, currency), BILL);
    }

    /**
     * Why a success does not settle {@code order}: its amount or currency missing, unreadable or different from
     * ours; null when both are ours.
     */
    static String amountMismatch(ChannelOrder order, ChannelCall answer) {
        return amountMismatch(order.amount(), answer);
    }

    /** As {@link #amountMismatch(ChannelOrder, ChannelCall)}, against {@code ours}. */
    static String amountMismatch(Money ours, ChannelCall answer) {
        if (answer.paidMinor() == null || answer.paidCurrency() == null) {
            return "channel's success states no readable amount and currency (" + answer.paidMinor() + " " + answer.paidCurrency()
                    + "), ours is " + ours.minor() + " " + ours.currency();
        }
        if (answer.paidMinor() != ours.minor() || !answer.paidCurrency().equals(ours.currency())) {
            return "channel says paid " + answer.paidMinor() + " " + answer.paidCurrency() + ", ours is " + ours.minor()
                    + " " + ours.currency();
        }
        return null;
    }

    /** Records and alarms an answer that contradicts what the order holds (or what the channel's own query says). */
    void conflict(ChannelOrder order, ChannelOrderStatus claimed, ChannelCall answer, String source, String detail) {
        log.error("CHANNEL_ALARM contradicting result for channel order {} (pay order {}): {} says {} ({}), {}",
                order.channelOrderNo(), order.payOrderNo(), source, claimed, answer.rawCode(), detail);
        meters.counter("channel.alarm", "kind", "conflict").increment();
        orders.recordConflict(order.channelOrderNo(), order.status(), claimed, answer.rawCode(), source, detail, now());
    }

    /**
     * The order as the won compare-and-set left it — what {@code ChannelOrderMapper.transition} writes: the new status,
     * the answer's channel trade number and raw code where it carries them, the source, and {@code finished_at}. Built
     * here instead of read back: the row is ours from the moment the compare-and-set won, and a final order never
     * changes again (one {@code channel_order} select less per settled order).
     */
    static ChannelOrder settled(ChannelOrder o, ChannelOrderStatus to, ChannelCall answer, String source, Instant at) {
        return new ChannelOrder(o.channelOrderNo(), o.payOrderNo(), o.tradeNo(), o.merchantId(), o.channel(), o.method(), o.amount(),
                o.subject(), to, o.codeUrl(), answer.channelTradeNo() != null ? answer.channelTradeNo() : o.channelTradeNo(),
                answer.rawCode() != null ? answer.rawCode() : o.rawCode(), source != null ? source : o.finalSource(), o.expiresAt(),
                o.createdAt(), to.isFinal() ? at : o.finishedAt(), o.attempt(), o.reroutedTo(), o.authorisation());
    }

    /** Tells pay-core the order is final — unless it is a refusal about to be rerouted: the reroute's own end is announced. */
    void announce(ChannelOrder done) {
        announce(done, Audience.ANNOUNCE);
    }

    /** As {@link #announce(ChannelOrder)}, for {@code audience}: a result answered to its caller is not announced. */
    void announce(ChannelOrder done, Audience audience) {
        if (audience == Audience.ANNOUNCE && !awaitsReroute(done)) {
            results.finished(done);
        }
    }

    /**
     * A definite refusal, from the synchronous answer to the charge itself (so the channel never accepted
     * the order), that the channel's adapter calls the channel's own, and not yet decided as final.
     */
    boolean awaitsReroute(ChannelOrder order) {
        if (order.status() != ChannelOrderStatus.FAILED || !"SYNC".equals(order.finalSource())
                || ChannelOrder.NO_REROUTE.equals(order.reroutedTo())) {
            return false;
        }
        ChannelAdapter adapter = adapters.of(order);
        // without the channel's adapter here we cannot tell whose refusal it was: not an answer, so not final
        return adapter == null || adapter.refusedByChannel(order.rawCode());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
