package io.paysuite.channel.charge;

import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.adapter.QrChannelAdapter;
import io.paysuite.channel.isolation.ChannelGuard;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelOrderRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A QR order, from asking the channel for its code to its definite end. "Not found" is not failure: a
 * precreated QR is unknown to Alipay until scanned. Only after the order's expiry (plus a grace) is it
 * closed at the channel, and only the channel's definite close fails it.
 */
@Component
public class QrFollowUps {

    private static final Logger log = LoggerFactory.getLogger(QrFollowUps.class);

    private final ChannelOrderRepository orders;
    private final ChannelSettlement settlement;
    private final ChannelGuard guard;
    private final FollowUpProperties properties;
    private final Clock clock;

    public QrFollowUps(ChannelOrderRepository orders, ChannelSettlement settlement, ChannelGuard guard, FollowUpProperties properties,
                       Clock clock) {
        this.orders = orders;
        this.settlement = settlement;
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Asks for the code while the order has none; then asks how it stands, and closes it once expired. A result
     * settled here is told to {@code audience} ({@link ChannelSettlement.Audience}).
     */
    ChannelOrder followUp(ChannelOrder order, QrChannelAdapter adapter, ChannelSettlement.Audience audience) {
        if (order.status().isFinal()) {
            return order;
        }
        if (order.status() == ChannelOrderStatus.CREATED || order.codeUrl() == null) {
            order = askForCode(order, adapter, audience);
            if (order.status().isFinal() || order.codeUrl() == null) {
                return order;
            }
            if (order.createdAt().isAfter(now().minusSeconds(1))) {
                return order; // just issued: nobody has scanned it yet, don't ask
            }
        }
        ChannelOrder asked = order;
        ChannelCall answer = guard.call(asked.channel(), "query", () -> adapter.query(asked));
        switch (answer.outcome()) {
            case SUCCESS, FAILURE -> {
                return settlement.settle(order, answer, "QUERY", audience);
            }
            case NOT_FOUND, PENDING -> {
                if (now().isAfter(order.expiresAt().plus(properties.closeGrace()))) {
                    return closeExpired(order, adapter, audience);
                }
                return order;
            }
            default -> {
                return order;
            }
        }
    }

    private ChannelOrder askForCode(ChannelOrder order, QrChannelAdapter adapter, ChannelSettlement.Audience audience) {
        ChannelCall answer = guard.call(order.channel(), "charge", () -> adapter.precreate(order));
        Instant now = now();
        switch (answer.outcome()) {
            case PENDING -> {
                if (answer.codeUrl() != null) {
                    if (order.status() == ChannelOrderStatus.CREATED) {
                        orders.transition(order.channelOrderNo(), ChannelOrderStatus.CREATED, ChannelOrderStatus.PROCESSING,
                                answer.codeUrl(), null, answer.rawCode(), null, now);
                    } else {
                        orders.rememberCodeUrl(order.channelOrderNo(), answer.codeUrl(), now);
                    }
                }
            }
            case FAILURE -> {
                if (order.status() == ChannelOrderStatus.CREATED) {
                    // a definite refusal before the channel accepted anything
                    if (orders.transition(order.channelOrderNo(), ChannelOrderStatus.CREATED, ChannelOrderStatus.FAILED,
                            null, null, answer.rawCode(), "SYNC", now)) {
                        log.info("channel order {} refused by {}: {} {}", order.channelOrderNo(), order.channel(),
                                answer.rawCode(), answer.rawMessage());
                        ChannelOrder failed = orders.reread(order);
                        settlement.announce(failed, audience);
                        return failed;
                    }
                } else {
                    log.warn("channel order {} is PROCESSING but a repeated precreate was refused ({}); the query decides",
                            order.channelOrderNo(), answer.rawCode());
                }
            }
            default -> {
                // UNKNOWN: the channel may have the order; it stays PROCESSING and is asked again later
                orders.transition(order.channelOrderNo(), ChannelOrderStatus.CREATED, ChannelOrderStatus.PROCESSING, null, null,
                        answer.rawCode(), null, now);
                log.warn("channel order {} precreate outcome unknown ({}: {}), left PROCESSING", order.channelOrderNo(),
                        answer.rawCode(), answer.rawMessage());
            }
        }
        return orders.reread(order);
    }

    private ChannelOrder closeExpired(ChannelOrder order, QrChannelAdapter adapter, ChannelSettlement.Audience audience) {
        ChannelCall closed = guard.call(order.channel(), "close", () -> adapter.close(order));
        if (closed.outcome() == Outcome.SUCCESS || closed.outcome() == Outcome.NOT_FOUND) {
            // closed at the channel (or never there, past its own expiry): it can no longer be paid
            return settlement.settle(order, new ChannelCall(Outcome.FAILURE, closed.outcome() == Outcome.SUCCESS ? "CLOSED" : "EXPIRED_UNSCANNED",
                    "expired and closed at the channel", null, null, null), "CLOSE", audience);
        }
        log.info("close of expired channel order {} not definite ({}); asking again later", order.channelOrderNo(), closed.rawCode());
        return order;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
