package io.paysuite.channel.isolation;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.Tracer;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import com.alibaba.csp.sentinel.slots.block.degrade.DegradeException;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.health.ChannelStats;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Every call to a channel goes through here: Sentinel resource {@code channel:<CODE>} with its
 * concurrency cap and circuit breakers ({@link ChannelRules}), and the health statistics.
 * An {@code UNKNOWN} outcome (timeout, I/O, system error, bad signature) is traced as an error for
 * the error-ratio breaker; a definite refusal is the channel working, not an error.
 * A blocked call sent nothing: for a charge that is a definite failure before acceptance
 * ({@code BLOCKED}), for a query or close it is simply "ask later".
 */
@Component
public class ChannelGuard {

    static final String PREFIX = "channel:";
    static final String PAYOUT_PREFIX = "payout:";
    /** A payout's first transfer: the only payout call a block may fail, because nothing of it was sent before. */
    public static final String PAYOUT_SEND = "payout-send";
    static final String FOLLOW_UP = ":followup";
    static final String URGENT = ":urgent";
    private static final String CHARGE = "charge";
    /**
     * Follow-ups someone is waiting for, or that have a deadline: a merchant's refund, the query that
     * confirms a channel's notification, a payment code's polling and its reversal (30 s), the breaker's
     * half-open probe. They get a lane of their own so that a wave of background status queries — every
     * unpaid QR order's delayed checks — cannot hold them back.
     */
    public static final Set<String> URGENT_OPERATIONS = Set.of("refund", "refund-query", "notify-query", "code-query", "reverse",
            "probe");

    private final ChannelStats stats;

    public ChannelGuard(ChannelStats stats) {
        this.stats = stats;
    }

    public static String resource(ChannelCode channel) {
        return PREFIX + channel.name();
    }

    static ChannelCode channelOf(String resource) {
        if (resource == null || !resource.startsWith(PREFIX)) {
            return null;
        }
        try {
            return ChannelCode.valueOf(resource.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The lane of everything that is not a charge — follow-up queries, closes, reversals, refunds,
     * probes — with its own, smaller concurrency cap inside the channel's: a burst of follow-ups (a
     * wave of QR orders reaching their first check together) can hold at most that many of the
     * channel's slots, so new charges always find room. A follow-up refused here sent nothing and is
     * asked again later.
     */
    public static String followUpResource(ChannelCode channel) {
        return resource(channel) + FOLLOW_UP;
    }

    /** The lane of {@link #URGENT_OPERATIONS}: a quarter of the cap, beside (not inside) the follow-up lane. */
    public static String urgentResource(ChannelCode channel) {
        return resource(channel) + URGENT;
    }

    /**
     * The payout channel's resource, {@code payout:<NAME>}: a concurrency cap and breakers of its own, apart from
     * {@code channel:<CODE>}, so a bank-transfer outage opens the payout breaker and never holds back a charge (and a
     * wave of charges never holds back a payout). {@link BreakerBoard} reads only {@code channel:} resources, so the
     * router never leaves a charge channel out for the payouts' sake.
     */
    public static String payoutResource(String payoutChannel) {
        return PAYOUT_PREFIX + payoutChannel;
    }

    /**
     * A call to the payout channel under {@link #payoutResource}. A blocked call sent nothing: for the payout's first
     * transfer ({@link #PAYOUT_SEND}) that is a definite failure (the money may go back to available), for anything
     * else — a query, the same transfer sent again after the channel did not know it, when an earlier send may have
     * arrived — it is {@code UNKNOWN}: ask later. An {@code UNKNOWN} answer (timeout, I/O, system error) counts as an
     * error for the payout breaker, exactly as for charges; a definite refusal is the channel working.
     */
    public ChannelCall payout(String payoutChannel, String operation, Supplier<ChannelCall> call) {
        return entered(payoutResource(payoutChannel), PAYOUT_SEND.equals(operation), "the payout channel " + payoutChannel,
                why -> stats.payoutBlocked(payoutChannel, why),
                (answer, nanos) -> stats.payout(payoutChannel, operation, answer, nanos), call);
    }

    public ChannelCall call(ChannelCode channel, String operation, Supplier<ChannelCall> call) {
        if (CHARGE.equals(operation)) {
            return guarded(channel, operation, call);
        }
        boolean urgent = URGENT_OPERATIONS.contains(operation);
        Entry lane;
        try {
            lane = SphU.entry(urgent ? urgentResource(channel) : followUpResource(channel));
        } catch (BlockException full) {
            String why = urgent ? "URGENT_LIMIT" : "FOLLOW_UP_LIMIT";
            stats.blocked(channel, why);
            return ChannelCall.unknown("BLOCKED_" + why, "nothing sent to " + channel + ": " + (urgent ? "urgent" : "follow-up")
                    + " lane full");
        }
        try {
            return guarded(channel, operation, call);
        } finally {
            lane.exit();
        }
    }

    private ChannelCall guarded(ChannelCode channel, String operation, Supplier<ChannelCall> call) {
        return entered(resource(channel), CHARGE.equals(operation), channel.name(), why -> stats.blocked(channel, why),
                (answer, nanos) -> stats.record(channel, operation, answer, nanos), call);
    }

    /**
     * The call under {@code resource}'s cap and breakers: held back, it was not sent — {@code FAILURE} when
     * {@code definiteWhenBlocked} (nothing of it can have reached the channel), else {@code UNKNOWN}; an {@code UNKNOWN}
     * answer is traced as an error for the error-ratio breaker.
     */
    private static ChannelCall entered(String resource, boolean definiteWhenBlocked, String target, Consumer<String> blocked,
                                       Recorder recorder, Supplier<ChannelCall> call) {
        Entry entry;
        try {
            entry = SphU.entry(resource);
        } catch (BlockException held) {
            String why = held instanceof DegradeException ? "BREAKER_OPEN" : "CONCURRENCY_LIMIT";
            blocked.accept(why);
            Outcome outcome = definiteWhenBlocked ? Outcome.FAILURE : Outcome.UNKNOWN;
            return ChannelCall.of(outcome, "BLOCKED_" + why, "nothing sent to " + target + ": " + why);
        }
        long started = System.nanoTime();
        ChannelCall answer = null;
        try {
            answer = call.get();
            if (answer.outcome() == Outcome.UNKNOWN) {
                Tracer.traceEntry(new ChannelUnanswered(answer.rawCode()), entry);
            }
            return answer;
        } finally {
            entry.exit();
            recorder.record(answer, System.nanoTime() - started);
        }
    }

    /** What a guarded call reports to the statistics: its answer (null when the adapter threw) and how long it took. */
    @FunctionalInterface
    private interface Recorder {
        void record(ChannelCall answer, long nanos);
    }

    /** What Sentinel counts as an error: the channel did not answer definitely. */
    static final class ChannelUnanswered extends RuntimeException {
        ChannelUnanswered(String rawCode) {
            super(rawCode, null, false, false);
        }
    }
}
