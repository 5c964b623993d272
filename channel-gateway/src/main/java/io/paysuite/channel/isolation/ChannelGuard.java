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
    static final String FOLLOW_UP = ":followup";
    private static final String CHARGE = "charge";

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

    public ChannelCall call(ChannelCode channel, String operation, Supplier<ChannelCall> call) {
        if (CHARGE.equals(operation)) {
            return guarded(channel, operation, call);
        }
        Entry lane;
        try {
            lane = SphU.entry(followUpResource(channel));
        } catch (BlockException full) {
            stats.blocked(channel, "FOLLOW_UP_LIMIT");
            return ChannelCall.unknown("BLOCKED_FOLLOW_UP_LIMIT", "nothing sent to " + channel + ": follow-up lane full");
        }
        try {
            return guarded(channel, operation, call);
        } finally {
            lane.exit();
        }
    }

    private ChannelCall guarded(ChannelCode channel, String operation, Supplier<ChannelCall> call) {
        Entry entry;
        try {
            entry = SphU.entry(resource(channel));
        } catch (BlockException blocked) {
            String why = blocked instanceof DegradeException ? "BREAKER_OPEN" : "CONCURRENCY_LIMIT";
            stats.blocked(channel, why);
            Outcome outcome = CHARGE.equals(operation) ? Outcome.FAILURE : Outcome.UNKNOWN;
            return ChannelCall.of(outcome, "BLOCKED_" + why, "nothing sent to " + channel + ": " + why);
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
            stats.record(channel, operation, answer, System.nanoTime() - started);
        }
    }

    /** What Sentinel counts as an error: the channel did not answer definitely. */
    static final class ChannelUnanswered extends RuntimeException {
        ChannelUnanswered(String rawCode) {
            super(rawCode, null, false, false);
        }
    }
}
