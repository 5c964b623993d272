package io.paysuite.channel.recon;

import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.api.channel.RefundChannelCmd;
import io.paysuite.api.error.BizException;
import io.paysuite.api.money.Money;
import io.paysuite.api.recon.DifferenceStatus;
import io.paysuite.api.recon.ResolutionAction;
import io.paysuite.api.recon.ResolutionDTO;
import io.paysuite.channel.adapter.ChannelAdapter;
import io.paysuite.channel.adapter.ChannelAdapters;
import io.paysuite.channel.adapter.AuthorisingAdapter;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.charge.ChannelSettlement;
import io.paysuite.channel.charge.LatePayments;
import io.paysuite.channel.isolation.ChannelGuard;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.payout.Payout;
import io.paysuite.channel.payout.Payouts;
import io.paysuite.channel.order.ChannelOrderRepository;
import io.paysuite.channel.preauth.Completion;
import io.paysuite.channel.preauth.Completions;
import io.paysuite.channel.reconcile.SucceededRefunds;
import io.paysuite.channel.refund.ChannelRefund;
import io.paysuite.channel.refund.ChannelRefunds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the system decides about an open difference by itself — always through the normal paths, never a parallel
 * one:
 * <ul>
 *   <li>a payment the bill lists that our order does not hold as paid → the bill is the channel's definite answer,
 *       applied through {@link ChannelSettlement#settleByBill} (the settle path a query or a notification takes, so
 *       pay-core, trade-core and the ledger follow; on an order already failed it is a late success, paid back);</li>
 *   <li>a payment only at the channel, no order of ours → the buyer is paid back through the channel as a late
 *       success is ({@link LatePayments#payBackUnowned}) — except a pre-authorisation's completion ({@code K…}): its
 *       money belongs to a captured trade whose completion the gateway records when the channel confirms it, so it
 *       waits for that record until the bill day has closed, then goes to the operators' queue, never paid back;</li>
 *   <li>a payment or refund only here, once the bill day has closed → the channel is asked (a completion by its own
 *       query, {@link AuthorisingAdapter#queryEnd}); its confirmation resolves it (the bill of another day lists it), its
 *       denial escalates;</li>
 *   <li>a refund the bill lists that ours holds as under way → the refund's own follow-up (a repeat asks the channel);</li>
 *   <li>an amount that differs, a day's fee that differs from our agreed rates, a refund only at the channel, anything
 *       contradicting a final record of ours →
 *       escalated to the operators' queue with an alarm: amounts from a channel are never trusted.</li>
 * </ul>
 * An unknown answer decides nothing (uncertain is not failed): the difference stays open with a note and the next
 * run asks again.
 */
@Component
public class DifferenceDecisions {

    /** How one look at an open difference ended. */
    public enum Decision {
        RESOLVED,
        ESCALATED,
        WAITING
    }

    private static final Logger log = LoggerFactory.getLogger(DifferenceDecisions.class);

    private final ReconciliationRepository repository;
    private final ChannelOrderRepository orders;
    private final SucceededRefunds refundRecords;
    private final ChannelSettlement settlement;
    private final LatePayments latePayments;
    private final ChannelRefunds refunds;
    private final ChannelAdapters adapters;
    private final ChannelGuard guard;
    private final Payouts payouts;
    private final Completions completions;
    private final ReconciliationProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    public DifferenceDecisions(ReconciliationRepository repository, ChannelOrderRepository orders, SucceededRefunds refundRecords,
                               ChannelSettlement settlement, LatePayments latePayments, ChannelRefunds refunds, ChannelAdapters adapters,
                               ChannelGuard guard, Payouts payouts, Completions completions, ReconciliationProperties properties,
                               MeterRegistry meters, Clock clock) {
        this.repository = repository;
        this.orders = orders;
        this.refundRecords = refundRecords;
        this.settlement = settlement;
        this.latePayments = latePayments;
        this.refunds = refunds;
        this.adapters = adapters;
        this.guard = guard;
        this.payouts = payouts;
        this.completions = completions;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    /** Decides what it can about {@code d}, an OPEN difference. */
    public Decision decide(ReconDifference d) {
        if (d.status() != DifferenceStatus.OPEN) {
            return Decision.WAITING;
        }
        try {
            return switch (d.kind()) {
                case PAYMENT -> payment(d);
                case REFUND -> refund(d);
                case PAYOUT -> payout(d);
                case FEE -> fee(d);
            };
        } catch (RuntimeException unanswered) {
            // a channel or database that did not answer decides nothing: the next run looks again
            log.warn("reconciliation difference {} not decided now: {}", d.id(), unanswered.toString());
            return waiting(d, "not decided: " + unanswered.getMessage());
        }
    }

    private Decision payment(ReconDifference d) {
        Found f = d.found();
        return switch (f.type()) {
            case AMOUNT_MISMATCH -> escalate(d, "the bill says " + f.channelAmount() + ", ours is " + f.ourAmount()
                    + ": a channel's amount is never trusted");
            case CHANNEL_ONLY -> Completion.isCompletionNumber(f.channelNo()) ? unrecordedCompletion(d) : payBack(d);
            case STATUS_MISMATCH -> settleByBill(d);
            case PLATFORM_ONLY -> askAboutPayment(d);
            case FEE_MISMATCH -> fee(d);
        };
    }

    /**
     * The day's fees differ from our agreed rates: no path of ours can decide whether the channel overcharged or our rate
     * is out of date, so it is the operators' (clearing booked the bill's fee meanwhile, what the channel kept).
     */
    private Decision fee(ReconDifference d) {
        Found f = d.found();
        return escalate(d, "the bill charges fees of " + f.channelAmount() + ", our agreed rates give " + f.ourAmount()
                + ": a channel's fee is never trusted");
    }

    /**
     * The channel lists a pre-authorisation's completion the gateway has no record of. Its money is a captured trade's:
     * the record follows when trade-core hears the completion confirmed (it asks until it does), so this waits for it;
     * a bill day closed without it is for the operators, never a pay-back.
     */
    private Decision unrecordedCompletion(ReconDifference d) {
        if (!dayClosed(d)) {
            return waiting(d, "a pre-authorisation's completion not recorded here yet: recorded once trade-core hears it confirmed");
        }
        return escalate(d, "the bill lists completion " + d.found().channelNo() + " (" + d.found().channelAmount()
                + ") that no capture of ours recorded: the money is a pre-authorised trade's, never paid back by the system");
    }

    private Decision settleByBill(ReconDifference d) {
        Found f = d.found();
        Optional<ChannelOrder> stored = orders.find(f.ourNo());
        if (stored.isEmpty()) {
            return escalate(d, "our channel order " + f.ourNo() + " is gone");
        }
        ChannelOrder after = settlement.settleByBill(stored.get(), f.channelTradeNo(), f.channelAmount(), d.currency());
        if (after.status() == ChannelOrderStatus.SUCCESS) {
            return resolve(d, ResolutionAction.AUTO_SETTLED, "the bill lists it as paid",
                    "channel order " + after.channelOrderNo() + " settled SUCCESS through the settle path (was " + f.ourStatus()
                            + "); pay order " + after.payOrderNo() + " follows", null);
        }
        if (after.status() == ChannelOrderStatus.FAILED) {
            String payBack = LatePayments.refundNo(after.channelOrderNo());
            Optional<ChannelRefund> refund = refunds.find(payBack, after);
            if (refund.isPresent()) {
                return resolve(d, ResolutionAction.AUTO_REFUNDED, "the bill lists as paid an order that was already " + f.ourStatus(),
                        "a late success: the order keeps its first result, the buyer is paid back as refund " + payBack + " ("
                                + refund.get().status() + ")", "LATE-" + after.channelOrderNo());
            }
            return escalate(d, "the bill says paid " + f.channelAmount() + ", our order " + after.channelOrderNo()
                    + " is FAILED and the settle path did not accept it (amount or currency differs)");
        }
        if (after.status() == ChannelOrderStatus.REVERSING) {
            return waiting(d, "our order is being reversed: the reversal's answer decides");
        }
        return escalate(d, "the bill says paid " + f.channelAmount() + " but the settle path kept the order " + after.status()
                + " (the amount differs from ours " + f.ourAmount() + ")");
    }

    /**
     * Pays the buyer back for {@code d}, a payment only at the channel, through the late-payment pay-back (the system's
     * decision and an operator's {@code REFUND} alike). @return the pay-back refund as it stands
     */
    public Optional<ChannelRefund> payBackUnowned(ReconDifference d) {
        Found f = d.found();
        return latePayments.payBackUnowned(d.channel(), f.channelNo(), f.channelTradeNo(), Money.of(f.channelAmount(), d.currency()),
                now());
    }

    private Decision payBack(ReconDifference d) {
        Found f = d.found();
        Optional<ChannelRefund> refund = payBackUnowned(d);
        String refundNo = LatePayments.refundNo(f.channelNo());
        ChannelRefundStatus status = refund.map(ChannelRefund::status).orElse(null);
        if (status == ChannelRefundStatus.SUCCESS) {
            return resolve(d, ResolutionAction.AUTO_REFUNDED, "a payment at the channel that no order of ours owns",
                    "the buyer was paid back through " + d.channel() + " as refund " + refundNo, "PAYBACK-" + f.channelNo());
        }
        if (status == ChannelRefundStatus.FAILED) {
            return escalate(d, d.channel() + " refused the pay-back refund " + refundNo + " (" + refund.get().rawCode()
                    + "): the buyer's money stays at the channel");
        }
        return waiting(d, "pay-back refund " + refundNo + " under way (" + (status == null ? "not sent" : status) + ")");
    }

    private Decision askAboutPayment(ReconDifference d) {
        if (!dayClosed(d)) {
            return waiting(d, "the bill day has not closed: the channel may list it yet");
        }
        Optional<Completion> completion = completions.find(d.found().ourNo());
        if (completion.isPresent()) {
            return askAboutCompletion(d, completion.get());
        }
        Optional<ChannelOrder> stored = orders.find(d.found().ourNo());
        ChannelAdapter adapter = stored.map(adapters::of).orElse(null);
        if (adapter == null) {
            return waiting(d, "no adapter here to ask " + d.channel());
        }
        ChannelOrder order = stored.get();
        return judgePayment(d, order.amount().minor(), guard.call(order.channel(), "query", () -> adapter.query(order)));
    }

    private Decision askAboutCompletion(ReconDifference d, Completion completion) {
        Optional<ChannelOrder> authorisation = orders.find(completion.authorisationNo());
        if (authorisation.isEmpty() || !(adapters.of(authorisation.get()) instanceof AuthorisingAdapter adapter)) {
            return waiting(d, "no adapter here to ask " + d.channel());
        }
        AuthorisingAdapter.End end = new AuthorisingAdapter.End(completion.completionNo(), completion.endedAt(),
                completion.captured().minor());
        return judgePayment(d, completion.captured().minor(), guard.call(completion.channel(), "preauth-query",
                () -> adapter.queryEnd(authorisation.get(), end)));
    }

    private Decision judgePayment(ReconDifference d, long ours, ChannelCall answer) {
        if (answer.outcome() == Outcome.SUCCESS && Long.valueOf(ours).equals(answer.paidMinor())) {
            return resolve(d, ResolutionAction.AUTO_CONFIRMED, "only here after the bill day closed",
                    "the channel's query says paid " + answer.paidMinor() + " (" + answer.rawCode()
                            + "): another day's bill lists it", null);
        }
        if (answer.outcome() == Outcome.FAILURE || answer.outcome() == Outcome.NOT_FOUND || answer.outcome() == Outcome.SUCCESS) {
            return escalate(d, "our success is not in the bill and the channel's query answers " + answer.outcome() + " ("
                    + answer.rawCode() + ", paid " + answer.paidMinor() + ")");
        }
        return waiting(d, "the channel's query did not answer definitely (" + answer.rawCode() + ")");
    }

    /**
     * A payout difference. Still {@code PROCESSING} here and settled by the bill → the payout's own settle path
     * ({@link Payouts#settleByBill}: asks the channel first; paid, or failed with the money back to available). Our
     * success missing from the bill after the day closed → the channel is asked. Anything contradicting a final payout
     * of ours, an amount that differs, a transfer we never sent → the operators' queue with an alarm.
     */
    private Decision payout(ReconDifference d) {
        Found f = d.found();
        return switch (f.type()) {
            case AMOUNT_MISMATCH -> escalate(d, "the payout bill says " + f.channelAmount() + ", ours is " + f.ourAmount()
                    + ": a channel's amount is never trusted");
            case CHANNEL_ONLY -> escalate(d, "a transfer in the payout bill that we never sent: money left the platform's account"
                    + " without a payout of ours");
            case STATUS_MISMATCH -> settlePayoutByBill(d);
            case PLATFORM_ONLY -> askAboutPayout(d);
            case FEE_MISMATCH -> fee(d);
        };
    }

    private Decision settlePayoutByBill(ReconDifference d) {
        Found f = d.found();
        boolean billSaysPaid = !Found.BILL_RETURNED.equals(f.channelStatus());
        if (!"PROCESSING".equals(f.ourStatus())) {
            return escalate(d, "the payout bill says " + (billSaysPaid ? "paid" : "sent back by the bank") + ", our payout "
                    + f.ourNo() + " is " + f.ourStatus() + " (" + (billSaysPaid ? "its money went back to available" : "booked as paid")
                    + ")");
        }
        Payout after = payouts.settleByBill(f.ourNo(), billSaysPaid, f.channelTradeNo()).orElse(null);
        if (after == null) {
            return escalate(d, "our payout " + f.ourNo() + " is gone");
        }
        PayoutStatus expected = billSaysPaid ? PayoutStatus.SUCCESS : PayoutStatus.FAILED;
        if (after.status() == expected) {
            return resolve(d, ResolutionAction.AUTO_SETTLED, billSaysPaid ? "the payout bill lists it as paid"
                            : "the payout bill lists the bank's return",
                    "payout " + after.payoutNo() + " finished " + after.status() + " through the payout's settle path (" + after.rawCode()
                            + ")" + (billSaysPaid ? "" : "; its money goes back to available"), null);
        }
        if (after.status().isFinal()) {
            return escalate(d, "the payout bill says " + expected + ", the channel's query finished payout " + after.payoutNo() + " "
                    + after.status() + " (" + after.rawCode() + ")");
        }
        return waiting(d, "payout " + after.payoutNo() + " still with the bank (" + after.rawCode() + "): its answer decides");
    }

    private Decision askAboutPayout(ReconDifference d) {
        if (!dayClosed(d)) {
            return waiting(d, "the bill day has not closed: the channel may list it yet");
        }
        Optional<ChannelCall> asked = payouts.ask(d.found().ourNo());
        if (asked.isEmpty()) {
            return waiting(d, "no payout channel here to ask");
        }
        Outcome outcome = asked.get().outcome();
        if (outcome == Outcome.SUCCESS) {
            return resolve(d, ResolutionAction.AUTO_CONFIRMED, "only here after the bill day closed",
                    "the payout channel's query says paid (" + asked.get().rawCode() + "): another day's bill lists it", null);
        }
        if (outcome == Outcome.FAILURE || outcome == Outcome.NOT_FOUND) {
            return escalate(d, "our paid payout is not in the bill and the channel's query answers " + outcome + " ("
                    + asked.get().rawCode() + ")");
        }
        return waiting(d, "the payout channel's query did not answer definitely (" + asked.get().rawCode() + ")");
    }

    private Decision refund(ReconDifference d) {
        Found f = d.found();
        return switch (f.type()) {
            case AMOUNT_MISMATCH -> escalate(d, "the bill says refunded " + f.channelAmount() + ", ours is " + f.ourAmount()
                    + ": a channel's amount is never trusted");
            case CHANNEL_ONLY -> escalate(d, "a refund in the bill that we never sent: money left at the channel without us");
            case STATUS_MISMATCH -> followRefund(d);
            case PLATFORM_ONLY -> askAboutRefund(d);
            case FEE_MISMATCH -> fee(d);
        };
    }

    private Decision followRefund(ReconDifference d) {
        Optional<ChannelRefund> refund = refundRecords.findRefund(d.found().ourNo());
        Optional<ChannelOrder> paid = refund.flatMap(r -> orders.find(r.channelOrderNo()));
        if (refund.isEmpty() || paid.isEmpty()) {
            return escalate(d, "our refund or its payment is gone");
        }
        if (refund.get().status() == ChannelRefundStatus.FAILED) {
            return escalate(d, "the bill lists it as refunded, ours is FAILED (the money went back to the merchant)");
        }
        if (paid.get().status() != ChannelOrderStatus.SUCCESS) {
            return waiting(d, "a pay-back refund: its own follow-ups decide");
        }
        ChannelRefund after;
        try {
            after = refunds.refund(new RefundChannelCmd(refund.get().refundNo(), paid.get().payOrderNo(), refund.get().refund(),
                    "reconciliation: listed as refunded in the bill"));
        } catch (BizException refused) {
            return escalate(d, "the refund's follow-up was refused: " + refused.getMessage());
        }
        if (after.status() == ChannelRefundStatus.SUCCESS) {
            return resolve(d, ResolutionAction.AUTO_SETTLED, "the bill lists it as refunded",
                    "refund " + after.refundNo() + " followed up through the refund path: SUCCESS", null);
        }
        if (after.status() == ChannelRefundStatus.FAILED) {
            return escalate(d, "the bill lists it as refunded, the channel's answer to its follow-up is FAILED");
        }
        return waiting(d, "refund " + after.refundNo() + " still " + after.status() + " at the channel");
    }

    private Decision askAboutRefund(ReconDifference d) {
        if (!dayClosed(d)) {
            return waiting(d, "the bill day has not closed: the channel may list it yet");
        }
        Optional<ChannelRefund> refund = refundRecords.findRefund(d.found().ourNo());
        Optional<ChannelOrder> paid = refund.flatMap(r -> orders.find(r.channelOrderNo()));
        if (paid.isEmpty()) {
            return escalate(d, "our refund or its payment is gone");
        }
        Optional<ChannelCall> asked = refunds.ask(paid.get(), d.found().ourNo());
        if (asked.isEmpty()) {
            return waiting(d, "no refunds of " + d.channel() + " here to ask");
        }
        Outcome outcome = asked.get().outcome();
        if (outcome == Outcome.SUCCESS) {
            return resolve(d, ResolutionAction.AUTO_CONFIRMED, "only here after the bill day closed",
                    "the channel's refund query says refunded (" + asked.get().rawCode() + "): another day's bill lists it", null);
        }
        if (outcome == Outcome.FAILURE || outcome == Outcome.NOT_FOUND) {
            return escalate(d, "our refund is not in the bill and the channel's query answers " + outcome + " ("
                    + asked.get().rawCode() + ")");
        }
        return waiting(d, "the channel's refund query did not answer definitely (" + asked.get().rawCode() + ")");
    }

    private boolean dayClosed(ReconDifference d) {
        Instant end = d.billDate().plusDays(1).atStartOfDay(ZoneId.of(properties.zone())).toInstant();
        return !clock.instant().isBefore(end.plus(properties.closeGrace()));
    }

    private Decision resolve(ReconDifference d, ResolutionAction action, String reason, String outcome, String postingKey) {
        Instant at = now();
        if (repository.transition(d.id(), DifferenceStatus.OPEN, DifferenceStatus.RESOLVED, null,
                new ResolutionDTO(action, ResolutionDTO.SYSTEM, reason, outcome, postingKey, at), at)) {
            log.info("reconciliation difference {} ({} {} {} {}) resolved {}: {}", d.id(), d.channel(), d.kind(), d.type(),
                    d.found().number(), action, outcome);
            meters.counter("channel.recon.resolved", "action", action.name()).increment();
            return Decision.RESOLVED;
        }
        return Decision.WAITING; // someone else moved it meanwhile; it is what it is now
    }

    private Decision escalate(ReconDifference d, String why) {
        if (repository.transition(d.id(), DifferenceStatus.OPEN, DifferenceStatus.ESCALATED, why, null, now())) {
            log.error("CHANNEL_ALARM reconciliation {} {}: {} {} {} escalated to operators: {}", d.channel(), d.billDate(), d.kind(),
                    d.type(), d.found().number(), why);
            meters.counter("channel.alarm", "kind", "reconciliation").increment();
            return Decision.ESCALATED;
        }
        return Decision.WAITING;
    }

    private Decision waiting(ReconDifference d, String note) {
        repository.note(d.id(), note, now());
        return Decision.WAITING;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
