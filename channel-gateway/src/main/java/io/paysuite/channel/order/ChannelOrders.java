package io.paysuite.channel.order;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChargeChannelCmd;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.ChannelAdapter;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.CodeChannelAdapter;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.adapter.QrChannelAdapter;
import io.paysuite.channel.config.ChannelProperties;
import io.paysuite.channel.isolation.ChannelGuard;
import io.paysuite.channel.routing.ChannelRouter;
import io.paysuite.channel.routing.RoutingRequest;
import java.util.Set;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Charges pay orders at channels and follows them up until the channel's definite answer
 * (ARCHITECTURE.md, "uncertain is not failed").
 * <ul>
 *   <li>{@link #charge} is idempotent on the pay order: the first call records the channel order
 *       {@code CREATED} and asks the channel for a QR code; every later call (pay-core's delayed
 *       checks) asks the channel how the order stands and applies the answer.</li>
 *   <li>Only definite answers move the order, by compare-and-set from its current state, through
 *       {@link #settle} — the one place where the synchronous answer, the channel's notification
 *       and a query meet. The first final result wins; a later contradicting one is recorded as a
 *       conflict and alarmed, never applied.</li>
 *   <li>"Not found" is not failure: a precreated QR is unknown to Alipay until scanned. Only after
 *       the order's expiry (plus a grace) is it closed at the channel, and only the channel's
 *       definite close fails it.</li>
 * </ul>
 */
@Component
public class ChannelOrders {

    private static final Logger log = LoggerFactory.getLogger(ChannelOrders.class);

    private final ChannelOrderRepository orders;
    private final Map<PayMethod, ChannelAdapter> adapters = new EnumMap<>(PayMethod.class);
    private final ChannelResults results;
    private final ChannelProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ChannelGuard guard;

    private final FollowUps followUps;
    private final CodeSchedule codeSchedule;
    private final ChannelRouter router;

    public ChannelOrders(ChannelOrderRepository orders, List<ChannelAdapter> adapters, ChannelResults results,
                         ChannelProperties properties, MeterRegistry meters, Clock clock, ChannelGuard guard,
                         FollowUps followUps, ChannelRouter router) {
        this.followUps = followUps;
        this.router = router;
        this.codeSchedule = new CodeSchedule(properties.codePollEvery(), properties.codeReverseAfter());
        this.orders = orders;
        adapters.forEach(adapter -> this.adapters.put(adapter.method(), adapter));
        this.results = results;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        this.guard = guard;
    }

    public ChannelOrder charge(ChargeChannelCmd cmd) {
        check(cmd);
        ChannelAdapter adapter = adapters.get(cmd.method());
        if (adapter == null) {
            throw new BizException(ErrorCode.SERVICE_DEGRADED, "no channel takes " + cmd.method() + " now; nothing was sent");
        }
        ChannelOrder order = orders.findByPayOrder(cmd.payOrderNo()).orElse(null);
        if (order == null && router.candidates(new RoutingRequest(cmd.method(), cmd.amount().currency(), cmd.amount().minor(),
                cmd.merchantId(), cmd.buyerId() == null ? cmd.payOrderNo() : cmd.buyerId(), now()), Set.of(adapter.channel())).isEmpty()) {
            // switched off, outside its limits or window, not in its gray release, or its breaker is open: nothing recorded, nothing sent
            throw new BizException(ErrorCode.SERVICE_DEGRADED, "no channel may take this " + cmd.method() + " payment now; nothing was sent");
        }
        if (order == null && adapter instanceof CodeChannelAdapter && (cmd.authCode() == null || cmd.authCode().isBlank())) {
            // a recovery of a payment-code attempt that never reached us: the code is gone, nothing was sent
            throw new BizException(ErrorCode.PARAM_ERROR, "auth_code is required to charge " + cmd.payOrderNo());
        }
        if (order == null) {
            Instant now = now();
            ChannelOrder fresh = new ChannelOrder(ChannelOrder.numberFor(cmd.payOrderNo()), cmd.payOrderNo(), cmd.tradeNo(),
                    cmd.merchantId(), adapter.channel(), cmd.method(), cmd.amount(), cmd.subject(), ChannelOrderStatus.CREATED,
                    null, null, null, null, cmd.expiresAt().truncatedTo(ChronoUnit.MILLIS), now, null);
            orders.insert(fresh);
            order = orders.findByPayOrder(cmd.payOrderNo()).orElseThrow();
        }
        if (!order.amount().equals(cmd.amount()) || order.method() != cmd.method() || !order.tradeNo().equals(cmd.tradeNo())) {
            throw new BizException(ErrorCode.PARAM_ERROR, "pay order " + cmd.payOrderNo() + " was charged with different content");
        }
        return adapter instanceof CodeChannelAdapter code ? followUpCode(order, code, cmd.authCode(), 0)
                : followUp(order, (QrChannelAdapter) adapter);
    }

    /** A delayed follow-up of a payment-code order fired ({@link FollowUps}); schedules the next one while not final. */
    public void followUp(String channelOrderNo, int attempt) {
        ChannelOrder order = orders.find(channelOrderNo).orElse(null);
        if (order == null || order.status().isFinal()) {
            return;
        }
        ChannelAdapter adapter = adapters.get(order.method());
        if (adapter instanceof CodeChannelAdapter code) {
            followUpCode(order, code, null, attempt);
        } else if (adapter instanceof QrChannelAdapter qr) {
            followUp(order, qr);
        }
    }

    /**
     * Payment code: charge once with the buyer's code; then query while the buyer confirms; after
     * {@code reverseAfter} without a final answer, reverse (cancel) — which returns the money if
     * the buyer paid in between — and fail the order only on the channel's definite reversal.
     */
    private ChannelOrder followUpCode(ChannelOrder order, CodeChannelAdapter adapter, String authCode, int attempt) {
        if (order.status().isFinal()) {
            return order;
        }
        if (order.status() == ChannelOrderStatus.CREATED && authCode != null) {
            ChannelOrder charging = order;
            ChannelCall answer = timed(charging, "charge", () -> adapter.pay(charging, authCode));
            switch (answer.outcome()) {
                case SUCCESS, FAILURE -> {
                    return settle(order, answer, "SYNC"); // paid at once, or refused with nothing taken
                }
                default -> {
                    orders.transition(order.channelOrderNo(), ChannelOrderStatus.CREATED, ChannelOrderStatus.PROCESSING, null,
                            answer.channelTradeNo(), answer.rawCode(), null, now());
                    log.info("payment-code order {} waits ({}: {})", order.channelOrderNo(), answer.rawCode(), answer.rawMessage());
                    scheduleNext(order, 0);
                    return reread(order);
                }
            }
        }
        ChannelOrder asked = order;
        ChannelCall answer = timed(asked, "query", () -> adapter.query(asked));
        if (answer.outcome() == Outcome.SUCCESS || answer.outcome() == Outcome.FAILURE) {
            return settle(order, answer, "QUERY");
        }
        if (!now().isBefore(order.createdAt().plus(codeSchedule.reverseAfter()))) {
            ChannelCall reversed = timed(asked, "reverse", () -> adapter.close(asked));
            if (reversed.outcome() == Outcome.SUCCESS || reversed.outcome() == Outcome.NOT_FOUND) {
                log.info("payment-code order {} reversed after {} ({})", order.channelOrderNo(), codeSchedule.reverseAfter(),
                        reversed.rawCode());
                return settle(order, new ChannelCall(Outcome.FAILURE, "REVERSED", reversed.rawCode(), null, null, null), "REVERSE");
            }
            log.warn("reversal of {} not definite ({}); retried", order.channelOrderNo(), reversed.rawCode());
        }
        if (attempt > 0) {
            scheduleNext(order, attempt);
        }
        return reread(order);
    }

    private void scheduleNext(ChannelOrder order, int attempt) {
        java.time.Duration gap = codeSchedule.next(attempt);
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

    public java.util.Optional<ChannelOrder> get(String payOrderNo) {
        return orders.findByPayOrder(payOrderNo);
    }

    /**
     * A channel's notification, its signature already verified by the adapter's controller. It is
     * a reason to ask, not an answer: the order is settled from a query of the channel made now
     * ({@code NOTIFY_QUERY}), so a notification that contradicts the channel's own records — a
     * channel bug, a replay, a key in the wrong hands — can neither fail a paid order nor pay an
     * unpaid one. A notification the query contradicts is recorded as a conflict and alarmed. When
     * the channel does not answer the query, nothing is decided: pay-core's delayed checks ask again.
     */
    public void notified(String channelOrderNo, ChannelCall call) {
        ChannelOrder order = orders.find(channelOrderNo).orElse(null);
        if (order == null) {
            log.warn("CHANNEL_ALARM notification for unknown channel order {}: {}", channelOrderNo, call);
            meters.counter("channel.alarm", "kind", "unknown_order").increment();
            return;
        }
        ChannelAdapter adapter = adapters.get(order.method());
        if (adapter == null) {
            log.warn("notification for {} whose method {} has no adapter here; left to the checks", channelOrderNo, order.method());
            return;
        }
        ChannelCall truth = timed(order, "query", () -> adapter.query(order));
        boolean definite = truth.outcome() == Outcome.SUCCESS || truth.outcome() == Outcome.FAILURE;
        if (definite && truth.outcome() != call.outcome() || !definite && call.outcome() == Outcome.SUCCESS
                && truth.outcome() != Outcome.UNKNOWN) {
            ChannelOrderStatus claimed = call.outcome() == Outcome.SUCCESS ? ChannelOrderStatus.SUCCESS : ChannelOrderStatus.FAILED;
            conflict(order, claimed, call, "NOTIFY", "the channel's query says " + truth.outcome() + " (" + truth.rawCode() + ")");
        }
        if (definite) {
            settle(order, truth, "NOTIFY_QUERY");
        }
    }

    private ChannelOrder followUp(ChannelOrder order, QrChannelAdapter adapter) {
        if (order.status().isFinal()) {
            return order;
        }
        if (order.status() == ChannelOrderStatus.CREATED || order.codeUrl() == null) {
            order = askForCode(order, adapter);
            if (order.status().isFinal() || order.codeUrl() == null) {
                return order;
            }
            if (order.createdAt().isAfter(now().minusSeconds(1))) {
                return order; // just issued: nobody has scanned it yet, don't ask
            }
        }
        ChannelOrder asked = order;
        ChannelCall answer = timed(asked, "query", () -> adapter.query(asked));
        switch (answer.outcome()) {
            case SUCCESS, FAILURE -> {
                return settle(order, answer, "QUERY");
            }
            case NOT_FOUND, PENDING -> {
                if (now().isAfter(order.expiresAt().plus(properties.closeGrace()))) {
                    return closeExpired(order, adapter);
                }
                return order;
            }
            default -> {
                return order;
            }
        }
    }

    private ChannelOrder askForCode(ChannelOrder order, QrChannelAdapter adapter) {
        ChannelCall answer = timed(order, "charge", () -> adapter.precreate(order));
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
                        ChannelOrder failed = reread(order);
                        results.finished(failed);
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
        return reread(order);
    }

    private ChannelOrder closeExpired(ChannelOrder order, QrChannelAdapter adapter) {
        ChannelCall closed = timed(order, "close", () -> adapter.close(order));
        if (closed.outcome() == Outcome.SUCCESS || closed.outcome() == Outcome.NOT_FOUND) {
            // closed at the channel (or never there, past its own expiry): it can no longer be paid
            return settle(order, new ChannelCall(Outcome.FAILURE, closed.outcome() == Outcome.SUCCESS ? "CLOSED" : "EXPIRED_UNSCANNED",
                    "expired and closed at the channel", null, null, null), "CLOSE");
        }
        log.info("close of expired channel order {} not definite ({}); asking again later", order.channelOrderNo(), closed.rawCode());
        return order;
    }

    /**
     * Applies a definite answer by compare-and-set from the state the order is in. A final order
     * is never changed: an equal answer is a no-op, a contradicting one a recorded conflict.
     */
    ChannelOrder settle(ChannelOrder order, ChannelCall answer, String source) {
        if (answer.outcome() != Outcome.SUCCESS && answer.outcome() != Outcome.FAILURE) {
            return order;
        }
        ChannelOrderStatus claimed = answer.outcome() == Outcome.SUCCESS ? ChannelOrderStatus.SUCCESS : ChannelOrderStatus.FAILED;
        if (claimed == ChannelOrderStatus.SUCCESS && answer.paidMinor() != null && answer.paidMinor() != order.amount().minor()) {
            conflict(order, claimed, answer, source, "channel says paid " + answer.paidMinor() + ", ours is " + order.amount().minor());
            return order;
        }
        ChannelOrder current = order;
        for (int attempt = 0; attempt < 3 && !current.status().isFinal(); attempt++) {
            if (!ChannelOrderTransitions.allowed(current.status(), claimed)) {
                break;
            }
            if (orders.transition(current.channelOrderNo(), current.status(), claimed, null, answer.channelTradeNo(),
                    answer.rawCode(), source, now())) {
                ChannelOrder done = reread(current);
                log.info("channel order {} {} by {} ({}) pay_order_no={}", done.channelOrderNo(), claimed, source,
                        answer.rawCode(), done.payOrderNo());
                meters.counter("channel.order.final", "channel", done.channel().name(), "status", claimed.name(),
                        "source", source).increment();
                results.finished(done);
                return done;
            }
            current = reread(current);
        }
        if (current.status() != claimed) {
            conflict(current, claimed, answer, source, "held " + current.status() + " by " + current.finalSource());
        }
        return current;
    }

    private void conflict(ChannelOrder order, ChannelOrderStatus claimed, ChannelCall answer, String source, String detail) {
        log.error("CHANNEL_ALARM contradicting result for channel order {} (pay order {}): {} says {} ({}), {}",
                order.channelOrderNo(), order.payOrderNo(), source, claimed, answer.rawCode(), detail);
        meters.counter("channel.alarm", "kind", "conflict").increment();
        orders.recordConflict(order.channelOrderNo(), order.status(), claimed, answer.rawCode(), source, detail, now());
    }

    private ChannelCall timed(ChannelOrder order, String operation, java.util.function.Supplier<ChannelCall> call) {
        return guard.call(order.channel(), operation, call);
    }

    /**
     * A half-open probe of an open channel: a query of an order that never existed, through the same
     * guard. Any answer from the channel (here: "not found") is health; a timeout keeps it open.
     *
     * @return whether the channel answered
     */
    public boolean probe(ChannelCode channel) {
        ChannelAdapter adapter = adapters.values().stream().filter(a -> a.channel() == channel).findFirst().orElse(null);
        if (adapter == null) {
            return false;
        }
        Instant now = now();
        ChannelOrder probe = new ChannelOrder("C" + "0".repeat(25), "P" + "0".repeat(25), "T" + "0".repeat(25), "PROBE", channel,
                adapter.method(), io.paysuite.api.money.Money.cny(1), "probe", ChannelOrderStatus.PROCESSING, null, null, null, null,
                now, now, null);
        return guard.call(channel, "probe", () -> adapter.query(probe)).outcome() != Outcome.UNKNOWN;
    }

    /** The channels this gateway can charge, by the configured adapters. */
    public java.util.Set<ChannelCode> channels() {
        java.util.Set<ChannelCode> channels = java.util.EnumSet.noneOf(ChannelCode.class);
        adapters.values().forEach(a -> channels.add(a.channel()));
        return channels;
    }

    private ChannelOrder reread(ChannelOrder order) {
        return orders.find(order.channelOrderNo()).orElseThrow();
    }

    private static void check(ChargeChannelCmd cmd) {
        if (cmd == null || cmd.payOrderNo() == null || !cmd.payOrderNo().matches("P\\d{20,31}")) {
            throw new BizException(ErrorCode.PARAM_ERROR, "pay_order_no is required");
        }
        if (cmd.tradeNo() == null || cmd.merchantId() == null || cmd.method() == null || cmd.expiresAt() == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "trade_no, merchant_id, method and expires_at are required");
        }
        if (cmd.amount() == null || !cmd.amount().isPositive()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "amount must be positive");
        }
        if (!"CNY".equals(cmd.amount().currency())) {
            throw new BizException(ErrorCode.CURRENCY_NOT_SUPPORTED, "channels take CNY only");
        }
        String subject = Objects.requireNonNullElse(cmd.subject(), "");
        if (subject.isBlank() || subject.length() > 128) {
            throw new BizException(ErrorCode.PARAM_ERROR, "subject must be 1-128 chars");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
