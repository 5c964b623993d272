package io.paysuite.channel.charge;

import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.channel.adapter.AuthorisingAdapter;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.CodeChannelAdapter;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.isolation.ChannelGuard;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelOrderRepository;
import io.paysuite.channel.order.FollowUps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A payment-code (or card-token) order: charge once with the buyer's code; then query while the buyer
 * confirms, each look scheduled as a durable delayed {@link FollowUps} message by {@link CodeSchedule};
 * after {@code reverseAfter} without a final answer, mark it {@code REVERSING} and reverse (cancel) — which
 * returns the money if the buyer paid in between, so from then on only the reversal's answer decides the
 * order — and fail it only on the channel's definite reversal.
 */
@Component
public class CodeFollowUps {

    private static final Logger log = LoggerFactory.getLogger(CodeFollowUps.class);

    /** The final source of a result decided by the reversal's answer. */
    static final String REVERSE = "REVERSE";
    /** The final source of a result decided by the query made after the channel refused the reversal. */
    static final String REVERSE_QUERY = "REVERSE_QUERY";

    private final ChannelOrderRepository orders;
    private final ChannelSettlement settlement;
    private final ChannelGuard guard;
    private final FollowUps followUps;
    private final CodeSchedule codeSchedule;
    private final ChargesInFlight inFlight;
    private final Clock clock;

    public CodeFollowUps(ChannelOrderRepository orders, ChannelSettlement settlement, ChannelGuard guard, FollowUps followUps,
                         FollowUpProperties properties, ChargesInFlight inFlight, Clock clock) {
        this.orders = orders;
        this.inFlight = inFlight;
        this.settlement = settlement;
        this.guard = guard;
        this.followUps = followUps;
        this.codeSchedule = properties.codeSchedule();
        this.clock = clock;
    }

    /**
     * Charges with {@code authCode} when the order is new and the code is at hand; otherwise asks, and
     * reverses once the order is {@code reverseAfter} old. {@code attempt} is the delayed follow-up's number
     * (0 for a call from pay-core), and a follow-up schedules the next one while the order is not final. A result
     * settled here is told to {@code audience} ({@link ChannelSettlement.Audience}).
     */
    ChannelOrder followUp(ChannelOrder order, CodeChannelAdapter adapter, String authCode, int attempt,
                          ChannelSettlement.Audience audience) {
        if (order.status().isFinal()) {
            return order;
        }
        if (order.status() == ChannelOrderStatus.CREATED && authCode != null) {
            // the channel notifies as it answers: a notification of this order arriving meanwhile waits for this answer
            // (ChargesInFlight) instead of querying the channel for it
            try (ChargesInFlight.Registration charging = inFlight.start(order.channelOrderNo())) {
                return charge(order, adapter, authCode, audience);
            }
        }
        if (order.status() == ChannelOrderStatus.CREATED || order.status() == ChannelOrderStatus.PROCESSING) {
            ChannelOrder asked = order;
            ChannelCall answer = guard.call(asked.channel(), "code-query", () -> adapter.query(asked));
            if (answer.outcome() == Outcome.SUCCESS || answer.outcome() == Outcome.FAILURE) {
                return settlement.settle(order, answer, "QUERY", audience);
            }
            if (!now().isBefore(order.createdAt().plus(codeSchedule.reverseAfter()))) {
                // Reversing from here on: a success the buyer confirms between our query and the reversal would
                // otherwise be settled and announced, and then the reversal would hand the money back.
                orders.transition(order.channelOrderNo(), order.status(), ChannelOrderStatus.REVERSING, null, null, null, null,
                        now());
                order = orders.reread(order);
            }
        }
        if (order.status() == ChannelOrderStatus.REVERSING) {
            ChannelOrder decided = reverse(order, adapter, audience);
            if (decided.status().isFinal()) {
                return decided;
            }
        } else if (order.status().isFinal()) {
            return order; // settled by someone else before we could start reversing
        }
        if (attempt > 0) {
            scheduleNext(order, attempt);
        }
        return orders.reread(order);
    }

    /** Sends the charge with the buyer's code and applies its synchronous answer. */
    private ChannelOrder charge(ChannelOrder order, CodeChannelAdapter adapter, String authCode, ChannelSettlement.Audience audience) {
        // a card pre-authorisation's first send is the pre-auth; everything after it (queries, results) is a charge's
        ChannelCall answer = guard.call(order.channel(), "charge", () -> order.authorisation()
                ? ((AuthorisingAdapter) adapter).authorise(order, authCode)
                : adapter.pay(order, authCode));
        switch (answer.outcome()) {
            case SUCCESS, FAILURE -> {
                return settlement.settle(order, answer, "SYNC", audience); // paid at once, or refused with nothing taken
            }
            default -> {
                orders.transition(order.channelOrderNo(), ChannelOrderStatus.CREATED, ChannelOrderStatus.PROCESSING, null,
                        answer.channelTradeNo(), answer.rawCode(), null, now());
                log.info("payment-code order {} waits ({}: {})", order.channelOrderNo(), answer.rawCode(), answer.rawMessage());
                scheduleNext(order, 0);
                return orders.reread(order);
            }
        }
    }

    /**
     * Sends the reversal of a {@code REVERSING} order and applies its answer: reversed (or never at the channel)
     * → {@code FAILED}, the buyer keeps or gets back the money; refused → the channel's query decides (refused
     * because paid → {@code SUCCESS}); anything else → tried again later.
     */
    private ChannelOrder reverse(ChannelOrder order, CodeChannelAdapter adapter, ChannelSettlement.Audience audience) {
        ChannelCall reversed = guard.call(order.channel(), "reverse", () -> adapter.close(order));
        if (reversed.outcome() == Outcome.SUCCESS || reversed.outcome() == Outcome.NOT_FOUND) {
            log.info("payment-code order {} reversed after {} ({})", order.channelOrderNo(), codeSchedule.reverseAfter(),
                    reversed.rawCode());
            return settlement.settle(order, new ChannelCall(Outcome.FAILURE, "REVERSED", reversed.rawCode(), null, null, null),
                    REVERSE, audience);
        }
        if (reversed.outcome() == Outcome.FAILURE && !reversed.blocked()) {
            ChannelCall asked = guard.call(order.channel(), "code-query", () -> adapter.query(order));
            if (asked.outcome() == Outcome.SUCCESS || asked.outcome() == Outcome.FAILURE) {
                log.info("reversal of {} refused ({}); the channel's query says {}", order.channelOrderNo(), reversed.rawCode(),
                        asked.outcome());
                return settlement.settle(order, asked, REVERSE_QUERY, audience);
            }
        }
        log.warn("reversal of {} not definite ({}); retried", order.channelOrderNo(), reversed.rawCode());
        return orders.reread(order);
    }

    private void scheduleNext(ChannelOrder order, int attempt) {
        Duration gap = codeSchedule.next(attempt);
        if (gap == null) {
            log.warn("CHANNEL_ALARM payment-code order {} still not final after its follow-up schedule; pay-core's checks and "
                    + "reconciliation go on", order.channelOrderNo());
            return;
        }
        try {
            followUps.schedule(order.channelOrderNo(), attempt + 1, gap);
        } catch (RuntimeException lost) {
            log.warn("follow-up {} of {} not scheduled; pay-core's check asks again: {}", attempt + 1, order.channelOrderNo(),
                    lost.toString());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
