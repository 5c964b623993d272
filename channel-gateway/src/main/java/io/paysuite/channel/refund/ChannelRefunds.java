package io.paysuite.channel.refund;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.api.channel.RefundChannelCmd;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.isolation.ChannelGuard;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelOrderRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Refunds of channel payments. Idempotent on the refund number, which the channel also keys on:
 * the first call records the refund {@code CREATED} and sends it; a repeat of a refund that is not
 * final asks the channel (a query, or the same refund request again where the channel answers
 * repeats with the first result) and applies only a definite answer, by compare-and-set. An
 * unknown answer is never a failure: the caller (trade-core's refund saga) asks again later.
 */
@Component
public class ChannelRefunds {

    private static final Logger log = LoggerFactory.getLogger(ChannelRefunds.class);

    private final ChannelRefundRepository refunds;
    private final ChannelOrderRepository orders;
    private final Map<ChannelCode, RefundAdapter> adapters = new EnumMap<>(ChannelCode.class);
    private final ChannelGuard guard;
    private final Clock clock;

    public ChannelRefunds(ChannelRefundRepository refunds, ChannelOrderRepository orders, List<RefundAdapter> adapters,
                          ChannelGuard guard, Clock clock) {
        this.refunds = refunds;
        this.orders = orders;
        adapters.forEach(adapter -> this.adapters.put(adapter.channel(), adapter));
        this.guard = guard;
        this.clock = clock;
    }

    public ChannelRefund refund(RefundChannelCmd cmd) {
        if (cmd == null || cmd.refundNo() == null || !cmd.refundNo().matches("[A-Za-z0-9]{6,64}") || cmd.payOrderNo() == null
                || cmd.refund() == null || !cmd.refund().isPositive()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "refund_no, pay_order_no and a positive refund are required");
        }
        ChannelOrder paid = orders.findByPayOrder(cmd.payOrderNo())
                .filter(order -> order.status() == ChannelOrderStatus.SUCCESS)
                .orElseThrow(() -> new BizException(ErrorCode.PAY_ORDER_NOT_FOUND, "no paid channel order for " + cmd.payOrderNo()));
        if (!cmd.refund().currency().equals(paid.amount().currency()) || cmd.refund().minor() > paid.amount().minor()) {
            throw new BizException(ErrorCode.REFUND_AMOUNT_EXCEEDED, "refund " + cmd.refund() + " exceeds the channel payment " + paid.amount());
        }
        RefundAdapter adapter = adapters.get(paid.channel());
        if (adapter == null) {
            // A refund already recorded may be at the channel, which may complete it: it is in progress, never
            // refused because this instance lacks the channel's configuration. Only a new one is refused.
            ChannelRefund known = refunds.find(cmd.refundNo()).orElse(null);
            if (known != null) {
                log.warn("channel refund {} asked on an instance without {} refunds; answered as it stands ({})", known.refundNo(),
                        paid.channel(), known.status());
                return same(known, paid, cmd);
            }
            throw new BizException(ErrorCode.SERVICE_DEGRADED, paid.channel() + " refunds are not available here; nothing was sent");
        }
        return refund(paid, adapter, cmd);
    }

    /**
     * Pays back a success that arrived after its order was final ({@code FAILED}: closed, reversed, refused): the
     * channel holds the buyer's money, and no order of ours owns it. The same discipline as a merchant's refund,
     * under the caller's deterministic refund number, for the amount the channel took.
     *
     * @param paidAtChannel the order as the channel has it: its trade number as the late success stated it
     * @return the refund, or empty when this instance cannot refund through the order's channel (asked again later)
     */
    public Optional<ChannelRefund> payBack(ChannelOrder paidAtChannel, String refundNo, Money paid) {
        RefundAdapter adapter = adapters.get(paidAtChannel.channel());
        if (adapter == null) {
            log.warn("pay-back {} of {} needs {} refunds, not configured here; asked again later", refundNo,
                    paidAtChannel.channelOrderNo(), paidAtChannel.channel());
            return refunds.find(refundNo);
        }
        return Optional.of(refund(paidAtChannel, adapter, new RefundChannelCmd(refundNo, paidAtChannel.payOrderNo(), paid,
                "paid after the order was closed")));
    }

    /**
     * Asks the channel how refund {@code refundNo} of {@code paid} stands, changing nothing here (reconciliation's
     * look at a refund the bill does not list). Empty when this instance has no refunds of that channel.
     */
    public Optional<ChannelCall> ask(ChannelOrder paid, String refundNo) {
        RefundAdapter adapter = adapters.get(paid.channel());
        if (adapter == null) {
            return Optional.empty();
        }
        return Optional.of(guard.call(paid.channel(), "refund-query", () -> adapter.queryRefund(paid, refundNo)));
    }

    public Optional<ChannelRefund> find(String refundNo, ChannelOrder order) {
        return refunds.find(refundNo).filter(refund -> refund.channelOrderNo().equals(order.channelOrderNo()));
    }

    private ChannelRefund refund(ChannelOrder paid, RefundAdapter adapter, RefundChannelCmd cmd) {
        Instant now = now();
        refunds.insert(new ChannelRefund(cmd.refundNo(), paid.channelOrderNo(), paid.channel(), cmd.refund(), ChannelRefundStatus.CREATED,
                null, null, now, null));
        ChannelRefund refund = same(find(cmd.refundNo()), paid, cmd);
        if (refund.status().isFinal()) {
            return refund;
        }
        if (refund.status() == ChannelRefundStatus.CREATED) {
            return apply(refund, send(paid, adapter, cmd));
        }
        ChannelCall asked = guard.call(paid.channel(), "refund-query", () -> adapter.queryRefund(paid, cmd.refundNo()));
        if (asked.outcome() == Outcome.NOT_FOUND) {
            // The channel has no such refund: the first send was lost (a timeout, a dropped answer).
            // Sending it again under the same refund number is what each channel asks for: WeChat
            // and Alipay answer a repeated out_refund_no / out_request_no with the first refund,
            // UnionPay refuses a repeated orderId as a duplicate (12, unknown) — never a second refund.
            log.info("channel refund {} unknown to {}: sent again under the same number", refund.refundNo(), refund.channel());
            return apply(refund, send(paid, adapter, cmd));
        }
        return apply(refund, asked);
    }

    /** The recorded refund, when the command is a repeat of it; another content under its number is refused. */
    private static ChannelRefund same(ChannelRefund refund, ChannelOrder paid, RefundChannelCmd cmd) {
        if (!refund.channelOrderNo().equals(paid.channelOrderNo()) || refund.refund().minor() != cmd.refund().minor()) {
            throw new BizException(ErrorCode.OUT_REFUND_NO_USED, "refund " + cmd.refundNo() + " was sent with different content");
        }
        return refund;
    }

    private ChannelCall send(ChannelOrder paid, RefundAdapter adapter, RefundChannelCmd cmd) {
        return guard.call(paid.channel(), "refund", () -> adapter.refund(paid, cmd.refundNo(), cmd.refund().minor(), cmd.reason()));
    }

    private ChannelRefund apply(ChannelRefund refund, ChannelCall answer) {
        if (answer.blocked()) {
            // our own guard refused the call: nothing reached the channel, so nothing changes — a
            // CREATED refund stays CREATED and is sent on the caller's next attempt
            log.info("channel refund {} held back by our guard ({}); nothing sent to {}", refund.refundNo(), answer.rawCode(),
                    refund.channel());
            return refund;
        }
        ChannelRefundStatus to = switch (answer.outcome()) {
            case SUCCESS -> ChannelRefundStatus.SUCCESS;
            case FAILURE -> ChannelRefundStatus.FAILED;
            default -> ChannelRefundStatus.PROCESSING; // accepted, unknown or "not found yet": ask again
        };
        if (to != refund.status() && ChannelRefundTransitions.TABLE.allows(refund.status(), to)
                && refunds.transition(refund.refundNo(), refund.status(), to, answer.rawCode(), answer.channelTradeNo(), now())
                && to.isFinal()) {
            log.info("channel refund {} {} ({}) at {}", refund.refundNo(), to, answer.rawCode(), refund.channel());
        }
        return find(refund.refundNo());
    }

    private ChannelRefund find(String refundNo) {
        return refunds.find(refundNo).orElseThrow();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
