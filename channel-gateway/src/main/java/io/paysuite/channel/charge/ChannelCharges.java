package io.paysuite.channel.charge;

import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChargeChannelCmd;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.channel.adapter.AuthorisingAdapter;
import io.paysuite.channel.adapter.ChannelAdapter;
import io.paysuite.channel.adapter.ChannelAdapters;
import io.paysuite.channel.adapter.LoadTestChannels;
import io.paysuite.channel.adapter.CodeChannelAdapter;
import io.paysuite.channel.adapter.QrChannelAdapter;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelOrderRepository;
import io.paysuite.channel.order.FollowUps;
import io.paysuite.channel.routing.ChannelRouter;
import io.paysuite.channel.routing.RoutingRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Charges pay orders at channels, and reroutes a charge a channel refused before accepting it
 * (docs/architecture.md, "Uncertain is not failed"). {@link #charge} is idempotent on the pay order: the
 * first call records the channel order {@code CREATED} and charges it — a QR code asked for
 * ({@link QrFollowUps}) or the buyer's code charged ({@link CodeFollowUps}); every later call (pay-core's
 * delayed checks) asks the channel how the order stands and applies the answer through
 * {@link ChannelSettlement}.
 */
@Component
public class ChannelCharges {

    /** Compiled once: {@code String.matches} compiled the pattern again on every charge. */
    private static final Pattern PAY_ORDER_NO = Pattern.compile("P\\d{20,31}");

    private static final Logger log = LoggerFactory.getLogger(ChannelCharges.class);

    private final ChannelOrderRepository orders;
    private final ChannelAdapters adapters;
    private final ChannelSettlement settlement;
    private final QrFollowUps qr;
    private final CodeFollowUps code;
    private final ChannelRouter router;
    private final LatePayments latePayments;
    private final MeterRegistry meters;
    private final Clock clock;
    private final LoadTestChannels loadTests;

    public ChannelCharges(ChannelOrderRepository orders, ChannelAdapters adapters, ChannelSettlement settlement, QrFollowUps qr,
                          CodeFollowUps code, ChannelRouter router, LatePayments latePayments, MeterRegistry meters, Clock clock,
                          LoadTestChannels loadTests) {
        this.loadTests = loadTests;
        this.latePayments = latePayments;
        this.orders = orders;
        this.adapters = adapters;
        this.settlement = settlement;
        this.qr = qr;
        this.code = code;
        this.router = router;
        this.meters = meters;
        this.clock = clock;
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
        Map<ChannelCode, ChannelAdapter> serving = serving(cmd);
        // A call carrying the buyer's code (or card token) is a first charge — pay-core sends the code with its first call
        // only (ChargeChannelCmd) — so its row is written at once and read only when the insert finds one already there (a
        // repeated charge: the unique key decided). Looking it up first cost every payment-code payment a channel_order
        // select that found nothing. Any other call (a QR charge, pay-core's delayed checks and recoveries) mostly finds its
        // order, so it looks first: an insert that the unique key ignores, then the read, would cost each check a statement.
        List<ChannelCode> candidates = null;
        ChannelOrder order = null;
        if (!lacksCode(cmd) && !serving.isEmpty()) {
            candidates = router.candidates(routing(cmd), serving.keySet());
            if (!candidates.isEmpty()) {
                order = record(cmd, candidates.get(0));
            }
        }
        // Otherwise the order is looked up before any refusal: "no channel may take it" is an answer only about a
        // charge that does not exist yet. For an existing one it would fail an order the channel holds —
        // a live QR the buyer then pays, charged twice — because this instance lacks a configuration.
        if (order == null) {
            order = orders.findByPayOrder(cmd.payOrderNo()).orElse(null);
        }
        if (order == null) {
            if (serving.isEmpty()) {
                throw new BizException(ErrorCode.SERVICE_DEGRADED, "no channel takes " + cmd.method() + " now; nothing was sent");
            }
            if (candidates == null) {
                candidates = router.candidates(routing(cmd), serving.keySet());
            }
            if (candidates.isEmpty()) {
                // switched off, outside its limits or window, not in its gray release, or its breaker is open: nothing recorded, nothing sent
                throw new BizException(ErrorCode.SERVICE_DEGRADED, "no channel may take this " + cmd.method() + " payment now; nothing was sent");
            }
            if (lacksCode(serving.get(candidates.get(0)), cmd)) {
                // a recovery of a payment-code attempt that never reached us: the code is gone, nothing was sent
                throw new BizException(ErrorCode.PARAM_ERROR, "auth_code is required to charge " + cmd.payOrderNo());
            }
            order = record(cmd, candidates.get(0));
        }
        if (!order.amount().equals(cmd.amount()) || order.method() != cmd.method() || !order.tradeNo().equals(cmd.tradeNo())
                || order.authorisation() != cmd.authorisation()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "pay order " + cmd.payOrderNo() + " was charged with different content");
        }
        for (int hops = 0; hops <= ChannelCode.values().length; hops++) {
            ChannelAdapter adapter = adapters.of(order);
            if (adapter == null) {
                log.warn("channel order {} is at {}, which this gateway no longer serves for {}; left as it is",
                        order.channelOrderNo(), order.channel(), order.method());
                return order;
            }
            // this call answers what it settles; pay-core, its caller, finishes the pay order from that answer
            order = adapter instanceof CodeChannelAdapter byCode
                    ? code.followUp(order, byCode, cmd.authCode(), 0, ChannelSettlement.Audience.CALLER)
                    : qr.followUp(order, (QrChannelAdapter) adapter, ChannelSettlement.Audience.CALLER);
            if (!settlement.awaitsReroute(order) || serving.isEmpty()) {
                // without channels here a refused attempt's next channel is decided by an instance that has them;
                // meanwhile it shows PROCESSING
                return order;
            }
            ChannelOrder next = reroute(order, cmd, serving);
            if (next == null) {
                return orders.reread(order);
            }
            order = next;
        }
        return order;
    }

    /**
     * A delayed follow-up fired ({@link FollowUps}): of a payment-code order, scheduling the next one while not final;
     * of a final order, its pay-back of a late success ({@link LatePayments}) while that is open.
     */
    public void followUp(String channelOrderNo, int attempt) {
        ChannelOrder order = orders.find(channelOrderNo).orElse(null);
        if (order == null) {
            return;
        }
        if (order.status().isFinal()) {
            latePayments.followUp(order, attempt);
            return;
        }
        ChannelAdapter adapter = adapters.of(order);
        if (adapter instanceof CodeChannelAdapter byCode) {
            code.followUp(order, byCode, null, attempt, ChannelSettlement.Audience.ANNOUNCE);
        } else if (adapter instanceof QrChannelAdapter byQr) {
            qr.followUp(order, byQr, ChannelSettlement.Audience.ANNOUNCE);
        }
    }

    /**
     * What callers see: a refused attempt that will be rerouted is not the pay order's answer, and a reversal
     * under way is not one yet either, so both show PROCESSING.
     */
    public ChannelOrderDTO view(ChannelOrder order) {
        return settlement.awaitsReroute(order) || order.status() == ChannelOrderStatus.REVERSING
                ? order.toDTO(ChannelOrderStatus.PROCESSING) : order.toDTO();
    }

    /** The pay order's current charge. */
    public Optional<ChannelOrder> get(String payOrderNo) {
        return orders.findByPayOrder(payOrderNo);
    }

    /** The current charge of each of these pay orders that has one, in one read. */
    public List<ChannelOrder> getAll(Collection<String> payOrderNos) {
        return orders.findByPayOrders(payOrderNos);
    }

    /** The channel order named by the channel's trade number or our channel order number (the ops console's search). */
    public Optional<ChannelOrder> findByNumber(String number) {
        return orders.findByNumber(number);
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
                // not announced: the refusal is this charge call's answer, and its caller, pay-core, fails the pay order
                // from it (ChannelSettlement.Audience.CALLER)
                return null;
            }
            order = orders.reread(order);
        }
        if (ChannelOrder.NO_REROUTE.equals(order.reroutedTo())) {
            return null;
        }
        ChannelCode channel = ChannelCode.valueOf(order.reroutedTo());
        int attempt = order.attempt() + 1;
        ChannelOrder next = newAttempt(cmd, channel, attempt, order.expiresAt());
        if (orders.insert(next)) {
            log.info("pay order {} refused by {} ({}) before acceptance: rerouted to {} as attempt {}", order.payOrderNo(),
                    order.channel(), order.rawCode(), channel, attempt);
            meters.counter("channel.reroute", "from", order.channel().name(), "to", channel.name()).increment();
            return next; // the row is what we wrote: not read back
        }
        return orders.findByPayOrder(order.payOrderNo()).orElseThrow();
    }

    /**
     * Writes the pay order's first attempt at {@code channel}. Inserted: the row is what we wrote, not read back. Already
     * there (a repeated charge, or a concurrent one that won the unique key): the pay order's current charge, read.
     */
    private ChannelOrder record(ChargeChannelCmd cmd, ChannelCode channel) {
        ChannelOrder fresh = newAttempt(cmd, channel, 0, cmd.expiresAt().truncatedTo(ChronoUnit.MILLIS));
        return orders.insert(fresh) ? fresh : orders.findByPayOrder(cmd.payOrderNo()).orElseThrow();
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
        return adapter instanceof CodeChannelAdapter && lacksCode(cmd);
    }

    /** The call carries no buyer's code or card token (a QR charge, or a follow-up of any charge). */
    private static boolean lacksCode(ChargeChannelCmd cmd) {
        return cmd.authCode() == null || cmd.authCode().isBlank();
    }

    /** The channels serving the method; for an authorisation only those that pre-authorise (and may be rerouted to). */
    private Map<ChannelCode, ChannelAdapter> serving(ChargeChannelCmd cmd) {
        Map<ChannelCode, ChannelAdapter> serving = loadTests.offered(adapters.serving(cmd.method()));
        if (!cmd.authorisation()) {
            return serving;
        }
        Map<ChannelCode, ChannelAdapter> authorising = new EnumMap<>(ChannelCode.class);
        serving.forEach((channel, adapter) -> {
            if (adapter instanceof AuthorisingAdapter) {
                authorising.put(channel, adapter);
            }
        });
        return authorising;
    }

    private ChannelOrder newAttempt(ChargeChannelCmd cmd, ChannelCode channel, int attempt, Instant expiresAt) {
        return new ChannelOrder(ChannelOrder.numberFor(cmd.payOrderNo(), attempt), cmd.payOrderNo(), cmd.tradeNo(), cmd.merchantId(),
                channel, cmd.method(), cmd.amount(), cmd.subject(), ChannelOrderStatus.CREATED, null, null, null, null, expiresAt,
                now(), null, attempt, null, cmd.authorisation());
    }

    private RoutingRequest routing(ChargeChannelCmd cmd) {
        return new RoutingRequest(cmd.method(), cmd.amount().currency(), cmd.amount().minor(), cmd.merchantId(),
                cmd.buyerId() == null ? cmd.payOrderNo() : cmd.buyerId(), now());
    }

    private static void check(ChargeChannelCmd cmd) {
        if (cmd == null || cmd.payOrderNo() == null || !PAY_ORDER_NO.matcher(cmd.payOrderNo()).matches()) {
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
