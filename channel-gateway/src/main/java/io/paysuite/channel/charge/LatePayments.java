package io.paysuite.channel.charge;

import io.micrometer.core.instrument.MeterRegistry;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.api.channel.LateChannelResultDTO;
import io.paysuite.api.money.Money;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelOrderRepository;
import io.paysuite.channel.order.FollowUps;
import io.paysuite.channel.order.LatePaymentLedger;
import io.paysuite.channel.refund.ChannelRefund;
import io.paysuite.channel.refund.ChannelRefunds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A success the channel reports after we finished the order otherwise (closed, reversed, refused): the first
 * final result wins, so the order stays as it is — but the buyer's money is at the channel and no order of ours
 * owns it. It is recorded as a late result ({@code channel_conflict} with its refund number), booked
 * ({@link LatePaymentLedger}), and refunded through the channel under {@code CR<channel order no>}: every repeat
 * of the late success (a resent notification, a query, a check) finds that same refund, so the channel pays it
 * back once. An unanswered refund is asked about again on durable follow-ups until it is final and booked.
 */
@Component
public class LatePayments {

    private static final Logger log = LoggerFactory.getLogger(LatePayments.class);

    /** Gaps between looks at a pay-back that is not final or not yet booked; past the last one it is alarmed. */
    private static final Duration[] GAPS = {Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(6), Duration.ofHours(12)};

    private final ChannelOrderRepository orders;
    private final ChannelRefunds refunds;
    private final LatePaymentLedger ledger;
    private final FollowUps followUps;
    private final MeterRegistry meters;

    public LatePayments(ChannelOrderRepository orders, ChannelRefunds refunds, LatePaymentLedger ledger, FollowUps followUps,
                        MeterRegistry meters) {
        this.orders = orders;
        this.refunds = refunds;
        this.ledger = ledger;
        this.followUps = followUps;
        this.meters = meters;
    }

    /** The deterministic refund number that pays back a late success of {@code channelOrderNo}. */
    public static String refundNo(String channelOrderNo) {
        return "CR" + channelOrderNo;
    }

    /**
     * Records a late success of {@code order} (final, not paid) and pays it back. {@code answer} has already been
     * checked to state our amount in our currency.
     */
    void paidAfterFinal(ChannelOrder order, ChannelCall answer, String source, String detail, Instant at) {
        String refundNo = refundNo(order.channelOrderNo());
        log.error("CHANNEL_ALARM channel order {} (pay order {}) was {} when {} said paid ({}): paying the buyer back as refund {}",
                order.channelOrderNo(), order.payOrderNo(), order.status(), source, answer.rawCode(), refundNo);
        meters.counter("channel.alarm", "kind", "late_success").increment();
        orders.recordLateSuccess(order.channelOrderNo(), order.status(), answer.rawCode(), source, detail, answer.channelTradeNo(),
                answer.paidMinor(), answer.paidCurrency(), refundNo, at);
        if (!payBack(order, answer.channelTradeNo())) {
            schedule(order.channelOrderNo(), 0);
        }
    }

    /**
     * A payment the channel's bill lists under a number no order of ours has: the buyer paid and nothing of ours owns
     * it. Paid back exactly as a late success — booked, refunded under {@code CR<number>} — through a stand-in order
     * holding what the bill says (the channel keys the refund on the number and its trade number). There is no order
     * to carry durable follow-ups, so the caller asks again (each reconciliation run of the day does).
     *
     * @return the pay-back refund as it stands; empty when this instance cannot refund through that channel
     */
    public Optional<ChannelRefund> payBackUnowned(ChannelCode channel, String channelOrderNo, String channelTradeNo, Money paid,
                                                  Instant at) {
        ChannelOrder standIn = new ChannelOrder(channelOrderNo, null, null, null, channel, null, paid, null, ChannelOrderStatus.FAILED,
                null, channelTradeNo, null, "BILL", null, at, at);
        boolean booked = ledger.latePayment(standIn, paid);
        Optional<ChannelRefund> refund = refunds.payBack(standIn, refundNo(channelOrderNo), paid);
        if (refund.map(ChannelRefund::status).orElse(null) == ChannelRefundStatus.SUCCESS && booked) {
            ledger.paidBack(standIn, paid);
        }
        if (refund.isPresent() && refund.get().status() == ChannelRefundStatus.FAILED) {
            log.error("CHANNEL_ALARM pay-back {} of unowned payment {} refused by {}: the buyer's {} stays at the channel, for ops",
                    refundNo(channelOrderNo), channelOrderNo, channel, paid);
            meters.counter("channel.alarm", "kind", "payback_refused").increment();
        }
        return refund;
    }

    /**
     * A follow-up of a final order: carries its pay-back on, if it has one that is not done.
     *
     * @param attempt the follow-up's number; the next is scheduled while the pay-back is open
     */
    void followUp(ChannelOrder order, int attempt) {
        Optional<String> lateTradeNo = orders.lateChannelTradeNo(order.channelOrderNo());
        if (order.status() != ChannelOrderStatus.FAILED
                || lateTradeNo.isEmpty() && refunds.find(refundNo(order.channelOrderNo()), order).isEmpty()) {
            return; // no late success recorded: nothing to pay back
        }
        if (!payBack(order, lateTradeNo.orElse(order.channelTradeNo()))) {
            schedule(order.channelOrderNo(), attempt);
        }
    }

    /** @return true when the pay-back is over: refunded and booked, or definitely refused (then ops decide, alarmed) */
    private boolean payBack(ChannelOrder order, String channelTradeNo) {
        Money paid = order.amount();
        ChannelOrder atChannel = channelTradeNo == null ? order : withTradeNo(order, channelTradeNo);
        boolean booked = ledger.latePayment(order, paid);
        Optional<ChannelRefund> refund = refunds.payBack(atChannel, refundNo(order.channelOrderNo()), paid);
        ChannelRefundStatus status = refund.map(ChannelRefund::status).orElse(ChannelRefundStatus.CREATED);
        if (status == ChannelRefundStatus.SUCCESS) {
            if (booked && ledger.paidBack(order, paid)) {
                log.info("late payment of channel order {} paid back to the buyer ({}) and booked", order.channelOrderNo(),
                        refundNo(order.channelOrderNo()));
                return true;
            }
            return false;
        }
        if (status == ChannelRefundStatus.FAILED) {
            log.error("CHANNEL_ALARM pay-back {} of channel order {} refused by {}: the buyer's {} stays at the channel, for ops",
                    refundNo(order.channelOrderNo()), order.channelOrderNo(), order.channel(), paid);
            meters.counter("channel.alarm", "kind", "payback_refused").increment();
            return true;
        }
        return false;
    }

    /** The newest late results, each with its pay-back refund as it stands. */
    public List<LateChannelResultDTO> recent(int limit) {
        return orders.lateResults(limit).stream().map(late -> {
            ChannelOrder order = orders.find(late.channelOrderNo()).orElse(null);
            ChannelRefundStatus refund = order == null ? null
                    : refunds.find(late.refundNo(), order).map(r -> r.toDTO().status()).orElse(null);
            return new LateChannelResultDTO(late.id(), late.channelOrderNo(), order == null ? null : order.payOrderNo(),
                    order == null ? null : order.channel(), late.held(), late.rawCode(), late.source(), late.detail(),
                    late.channelTradeNo(), late.currency() == null ? null : Money.of(late.paidMinor(), late.currency()),
                    late.refundNo(), refund, late.at());
        }).toList();
    }

    private void schedule(String channelOrderNo, int attempt) {
        if (attempt >= GAPS.length) {
            log.error("CHANNEL_ALARM pay-back of channel order {} still open after its follow-ups; for ops", channelOrderNo);
            return;
        }
        try {
            followUps.schedule(channelOrderNo, attempt + 1, GAPS[attempt]);
        } catch (RuntimeException lost) {
            log.warn("pay-back follow-up of {} not scheduled; the next late result asks again: {}", channelOrderNo, lost.toString());
        }
    }

    private static ChannelOrder withTradeNo(ChannelOrder o, String channelTradeNo) {
        return new ChannelOrder(o.channelOrderNo(), o.payOrderNo(), o.tradeNo(), o.merchantId(), o.channel(), o.method(), o.amount(),
                o.subject(), o.status(), o.codeUrl(), channelTradeNo, o.rawCode(), o.finalSource(), o.expiresAt(), o.createdAt(),
                o.finishedAt(), o.attempt(), o.reroutedTo());
    }
}
