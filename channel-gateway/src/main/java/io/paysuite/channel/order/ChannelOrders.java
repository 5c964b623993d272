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
import io.paysuite.api.channel.ChannelOrderDTO;
import java.util.EnumSet;
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
 * (docs/architecture.md, "Uncertain is not failed").
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
    /** Method → the channels that take it (more than one where a payment can be rerouted, e.g. bank cards). */
    private final Map<PayMethod, Map<ChannelCode, ChannelAdapter>> adapters = new EnumMap<>(PayMethod.class);
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
        adapters.forEach(adapter -> this.adapters.computeIfAbsent(adapter.method(), m -> new EnumMap<>(ChannelCode.class))
                .put(adapter.channel(), adapter));
        this.results = results;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        this.guard = guard;
    }

    /**
     * Charges the pay order, or — on every later call — asks how its current charge stands. A charge
     * the channel definitely refused <em>before accepting it</em> for a reason of its own (its
     * configuration, limits, hours, a blocked call: {@link ChannelAdapter#refusedByChannel}) is
     * rerouted to the next channel the router admits that has not been tried for this pay order, as a
     * new attempt with its own channel order number; while that is being decided the pay order is
     * shown {@code PROCESSING}. A timeout, an unknown answer, a buyer's refusal (a declined card, a
     * bad code) or any failure after acceptance is never rerouted: the money may be at the first
     * channel, and charging a second could take it twice.
     */
    public ChannelOrder charge(ChargeChannelCmd cmd) {
        check(cmd);
        Map<ChannelCode, ChannelAdapter> serving = adapters.getOrDefault(cmd.method(), Map.of());
        if (serving.isEmpty()) {
            throw new BizException(ErrorCode.SERVICE_DEGRADED, "no channel takes " + cmd.method() + " now; nothing was sent");
        }
        ChannelOrder order = orders.findByPayOrder(cmd.payOrderNo()).orElse(null);
        if (order == null) {
            List<ChannelCode> candidates = router.candidates(routing(cmd), serving.keySet());
            if (candidates.isEmpty()) {
                // switched off, outside its limits or window, not in its gray release, or its breaker is open: nothing recorded, nothing sent
                throw new BizException(ErrorCode.SERVICE_DEGRADED, "no channel may take this " + cmd.method() + " payment now; nothing was sent");
            }
            if (lacksCode(serving.get(candidates.get(0)), cmd)) {
                // a recovery of a payment-code attempt that never reached us: the code is gone, nothing was sent
                throw new BizException(ErrorCode.PARAM_ERROR, "auth_code is required to charge " + cmd.payOrderNo());
            }
            orders.insert(newAttempt(cmd, candidates.get(0), 0, cmd.expiresAt().truncatedTo(ChronoUnit.MILLIS)));
            order = orders.findByPayOrder(cmd.payOrderNo()).orElseThrow();
        }
        if (!order.amount().equals(cmd.amount()) || order.method() != cmd.method() || !order.tradeNo().equals(cmd.tradeNo())) {
            throw new BizException(ErrorCode.PARAM_ERROR, "pay order " + cmd.payOrderNo() + " was charged with different content");
        }
        for (int hops = 0; hops <= ChannelCode.values().length; hops++) {
            ChannelAdapter adapter = adapterOf(order);
            if (adapter == null) {
                log.warn("channel order {} is at {}, which this gateway no longer serves for {}; left as it is",
                        order.channelOrderNo(), order.channel(), order.method());
                return order;
            }
            order = adapter instanceof CodeChannelAdapter code ? followUpCode(order, code, cmd.authCode(), 0)
                    : followUp(order, (QrChannelAdapter) adapter);
            if (!awaitsReroute(order)) {
                return order;
            }
            ChannelOrder next = reroute(order, cmd, serving);
            if (next == null) {
                return reread(order);
            }
            order = next;
        }
        return order;
    }

    /** Tells pay-core the order is final — unless it is a refusal about to be rerouted: the reroute's own end is announced. */
    private void announce(ChannelOrder done) {
        if (!awaitsReroute(done)) {
            results.finished(done);
        }
    }

    /** What callers see: a refused attempt that will be rerouted is not the pay order's answer, so it shows PROCESSING. */
    public ChannelOrderDTO view(ChannelOrder order) {
        return awaitsReroute(order) ? order.toDTO(ChannelOrderStatus.PROCESSING) : order.toDTO();
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
        ChannelAdapter adapter = adapterOf(order);
        return adapter != null && adapter.refusedByChannel(order.rawCode());
    }

    /**
     * Decides once (compare-and-set on {@code rerouted_to}) where a refused attempt goes, and creates the
     * next attempt there; a repeat after a crash finds the decision and creates the same attempt (the
     * unique key keeps it one). With no channel left the refusal becomes the pay order's answer.
     *
     * @return the pay order's current charge, or null when it was not rerouted
     */
    private ChannelOrder reroute(ChannelOrder refused, ChargeChannelCmd cmd, Map<ChannelCode, ChannelAdapter> serving) {
        ChannelOrder order = refused;
        if (order.reroutedTo() == null) {
            String target = nextChannel(order, cmd, serving);
            if (orders.decideReroute(order.channelOrderNo(), target, now()) && ChannelOrder.NO_REROUTE.equals(target)) {
                log.info("pay order {} refused by {} ({}); no other channel may take it", order.payOrderNo(), order.channel(),
                        order.rawCode());
                announce(reread(order));
                return null;
            }
            order = reread(order);
        }
        if (ChannelOrder.NO_REROUTE.equals(order.reroutedTo())) {
            return null;
        }
        ChannelCode channel = ChannelCode.valueOf(order.reroutedTo());
        int attempt = order.attempt() + 1;
        if (orders.insert(newAttempt(cmd, channel, attempt, order.expiresAt()))) {
            log.info("pay order {} refused by {} ({}) before acceptance: rerouted to {} as attempt {}", order.payOrderNo(),
                    order.channel(), order.rawCode(), channel, attempt);
            meters.counter("channel.reroute", "from", order.channel().name(), "to", channel.name()).increment();
        }
        return orders.findByPayOrder(order.payOrderNo()).orElseThrow();
    }

    private String nextChannel(ChannelOrder refused, ChargeChannelCmd cmd, Map<ChannelCode, ChannelAdapter> serving) {
        if (ChannelOrder.numberFor(refused.payOrderNo(), refused.attempt() + 1) == null) {
            return ChannelOrder.NO_REROUTE;
        }
        if (lacksCode(serving.get(refused.channel()), cmd)) {
            return ChannelOrder.NO_REROUTE; // the buyer's code (or card token) is not in this call: nothing to charge elsewhere
        }
        Set<ChannelCode> left = EnumSet.noneOf(ChannelCode.class);
        left.addAll(serving.keySet());
        orders.attempts(refused.payOrderNo()).forEach(tried -> left.remove(tried.channel()));
        List<ChannelCode> candidates = left.isEmpty() ? List.of() : router.candidates(routing(cmd), left);
        return candidates.isEmpty() ? ChannelOrder.NO_REROUTE : candidates.get(0).name();
    }

    /** A payment-code (or card-token) channel, and this call does not carry the code to charge. */
    private static boolean lacksCode(ChannelAdapter adapter, ChargeChannelCmd cmd) {
        return adapter instanceof CodeChannelAdapter && (cmd.authCode() == null || cmd.authCode().isBlank());
    }

    private ChannelOrder newAttempt(ChargeChannelCmd cmd, ChannelCode channel, int attempt, Instant expiresAt) {
        return new ChannelOrder(ChannelOrder.numberFor(cmd.payOrderNo(), attempt), cmd.payOrderNo(), cmd.tradeNo(), cmd.merchantId(),
                channel, cmd.method(), cmd.amount(), cmd.subject(), ChannelOrderStatus.CREATED, null, null, null, null, expiresAt,
                now(), null, attempt, null);
    }

    private RoutingRequest routing(ChargeChannelCmd cmd) {
        return new RoutingRequest(cmd.method(), cmd.amount().currency(), cmd.amount().minor(), cmd.merchantId(),
                cmd.buyerId() == null ? cmd.payOrderNo() : cmd.buyerId(), now());
    }

    private ChannelAdapter adapterOf(ChannelOrder order) {
        return adapters.getOrDefault(order.method(), Map.of()).get(order.channel());
    }

    /** A delayed follow-up of a payment-code order fired ({@link FollowUps}); schedules the next one while not final. */
    public void followUp(String channelOrderNo, int attempt) {
        ChannelOrder order = orders.find(channelOrderNo).orElse(null);
        if (order == null || order.status().isFinal()) {
            return;
        }
        ChannelAdapter adapter = adapterOf(order);
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
        ChannelCall answer = timed(asked, "code-query", () -> adapter.query(asked));
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
     * the channel does not answer the query, nothing is decided: for an open order that is
     * {@link NotificationUnconfirmed}, so the channel sends the notification again, and pay-core's
     * delayed checks ask meanwhile.
     *
     * @throws NotificationUnconfirmed the order is open and the channel did not answer the query
     */
    public void notified(String channelOrderNo, ChannelCall call) {
        ChannelOrder order = orders.find(channelOrderNo).orElse(null);
        if (order == null) {
            log.warn("CHANNEL_ALARM notification for unknown channel order {}: {}", channelOrderNo, call);
            meters.counter("channel.alarm", "kind", "unknown_order").increment();
            return;
        }
        ChannelAdapter adapter = adapterOf(order);
        if (adapter == null) {
            log.warn("notification for {} whose channel {} / method {} has no adapter here; left to the checks", channelOrderNo,
                    order.channel(), order.method());
            return;
        }
        ChannelCall truth = timed(order, "notify-query", () -> adapter.query(order));
        boolean definite = truth.outcome() == Outcome.SUCCESS || truth.outcome() == Outcome.FAILURE;
        if (definite && truth.outcome() != call.outcome() || !definite && call.outcome() == Outcome.SUCCESS
                && truth.outcome() != Outcome.UNKNOWN) {
            ChannelOrderStatus claimed = call.outcome() == Outcome.SUCCESS ? ChannelOrderStatus.SUCCESS : ChannelOrderStatus.FAILED;
            conflict(order, claimed, call, "NOTIFY", "the channel's query says " + truth.outcome() + " (" + truth.rawCode() + ")");
        }
        if (definite) {
            settle(order, truth, "NOTIFY_QUERY");
        } else if (truth.outcome() == Outcome.UNKNOWN && !order.status().isFinal()) {
            throw new NotificationUnconfirmed(channelOrderNo, truth.rawCode());
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
                        announce(failed);
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
            if (!ChannelOrderTransitions.TABLE.allows(current.status(), claimed)) {
                break;
            }
            if (orders.transition(current.channelOrderNo(), current.status(), claimed, null, answer.channelTradeNo(),
                    answer.rawCode(), source, now())) {
                ChannelOrder done = reread(current);
                log.info("channel order {} {} by {} ({}) pay_order_no={}", done.channelOrderNo(), claimed, source,
                        answer.rawCode(), done.payOrderNo());
                meters.counter("channel.order.final", "channel", done.channel().name(), "status", claimed.name(),
                        "source", source).increment();
                announce(done);
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
        ChannelAdapter adapter = adapters.values().stream().map(byChannel -> byChannel.get(channel)).filter(Objects::nonNull)
                .findFirst().orElse(null);
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
        adapters.values().forEach(byChannel -> channels.addAll(byChannel.keySet()));
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
