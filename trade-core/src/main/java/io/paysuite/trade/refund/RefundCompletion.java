package io.paysuite.trade.refund;

import io.paysuite.api.channel.ChannelRefundDTO;
import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.channel.RefundChannelCmd;
import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.event.EventType;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.refund.RefundShares;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.trade.order.Trade;
import io.paysuite.trade.order.TradeChanges;
import io.paysuite.trade.order.TradeLedger;
import io.paysuite.trade.order.TradePromotion;
import io.paysuite.trade.order.TradeRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finishes a {@code PROCESSING} refund from the ledger's answer to its posting (key = refund
 * number, so every attempt posts at most once):
 * <pre>
 *   ledger answer        refund                   trade reservation   event
 *   posted               PROCESSING → SUCCESS     kept                REFUND_SUCCEEDED
 *   refused (definite)   PROCESSING → FAILED      given back          REFUND_FAILED
 *   unknown              stays PROCESSING         kept                — (the REFUND_ACCEPTED consumer retries)
 * </pre>
 * A channel payment's refund has a second leg after the posting: the channel's refund (see
 * {@link #channelLeg}); the refund succeeds only with it, and a channel's refusal undoes the posting.
 * A combination payment's refund returns its cash share the same way, and its coupon and points with
 * the refund that returns the whole trade ({@link #combinationLegs}).
 * Called right after acceptance, on every repeat of the request, and by the consumer of
 * {@code REFUND_ACCEPTED}, which keeps retrying with the broker's backoff until the outcome is known.
 */
@Component
public class RefundCompletion {

    private static final Logger log = LoggerFactory.getLogger(RefundCompletion.class);
    /**
     * The gateway's refund refuses with these before anything reaches the channel (its own checks,
     * and {@code SERVICE_DEGRADED} for a channel it cannot refund through, which in general would be
     * unknown); any other refusal may follow a send, so the refund waits for a repeat.
     */
    private static final Set<ErrorCode> REFUSED_BEFORE_SENDING = EnumSet.of(ErrorCode.PARAM_ERROR,
            ErrorCode.PAY_ORDER_NOT_FOUND, ErrorCode.REFUND_AMOUNT_EXCEEDED, ErrorCode.SERVICE_DEGRADED,
            ErrorCode.OUT_REFUND_NO_USED);

    private final RefundRepository refunds;
    private final TradeRepository trades;
    private final TradeChanges changes;
    private final TradeLedger ledger;
    private final Clock clock;
    private final ChannelService channels;
    private final PayService pay;

    public RefundCompletion(RefundRepository refunds, TradeRepository trades, TradeChanges changes, TradeLedger ledger,
                            Clock clock, ChannelService channels, PayService pay) {
        this.channels = channels;
        this.pay = pay;
        this.refunds = refunds;
        this.trades = trades;
        this.changes = changes;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Drives the refund as far as the ledger allows and answers it; never throws for "unknown". */
    public RefundDTO complete(String refundNo) {
        RefundOrder refund = refunds.find(refundNo)
                .orElseThrow(() -> new BizException(ErrorCode.REFUND_NOT_FOUND, "no refund " + refundNo));
        if (refund.status() != RefundStatus.PROCESSING) {
            return refund.toDTO();
        }
        Trade trade = trades.find(refund.tradeNo()).orElseThrow();
        String channel = trade.paidMethod() != null && trade.paidMethod().viaChannel() ? trade.paidChannel() : null;
        TradeLedger.Posting posting = trade.promotion().any()
                ? combinationLegs(refund, trade, channel)
                : cashLegs(refund, trade, channel, null, false);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            switch (posting.outcome()) {
                case SUCCEEDED -> changes.commit(refund.tradeNo(), EventType.REFUND_SUCCEEDED, finished(refund, RefundStatus.SUCCESS, null, at), () -> {
                    moveOrThrow(refund, RefundStatus.SUCCESS, null, at);
                    return null;
                });
                case FAILED -> changes.commit(refund.tradeNo(), EventType.REFUND_FAILED, finished(refund, RefundStatus.FAILED, posting.code(), at), () -> {
                    moveOrThrow(refund, RefundStatus.FAILED, posting.code(), at);
                    if (!trades.addRefunded(refund.tradeNo(), -refund.amount().minor(), at)) {
                        throw new IllegalStateException("ALARM: cannot give back refund " + refund.refundNo()
                                + " reservation on trade " + refund.tradeNo());
                    }
                    return null;
                });
                case UNKNOWN -> {
                    return refund.toDTO();
                }
            }
        } catch (TradeChanges.StateMoved moved) {
            // a concurrent completion finished it first
        }
        RefundOrder now = refunds.find(refundNo).orElseThrow();
        log.info("refund {} refund_no={} trade_no={} amount={} code={}", now.status(), refundNo, refund.tradeNo(),
                refund.amount(), posting.code());
        return now.toDTO();
    }

    /** The ledger's posting, then a channel payment's channel leg: a one-tool refund, or a combination refund's cash. */
    private TradeLedger.Posting cashLegs(RefundOrder refund, Trade trade, String channel, Money cash, boolean wholeTrade) {
        TradeLedger.Posting posted = cash == null
                ? ledger.refund(refund.refundNo(), refund.tradeNo(), refund.buyerId(), refund.merchantId(), refund.amount(),
                        refund.paid(), refund.refundedBefore(), refund.escrowHeld(), channel)
                : ledger.refund(refund.refundNo(), refund.tradeNo(), refund.buyerId(), refund.merchantId(), refund.amount(),
                        refund.paid(), refund.refundedBefore(), refund.escrowHeld(), channel, cash, wholeTrade);
        Money toChannel = cash == null ? refund.amount() : cash;
        return channel != null && posted.outcome() == Outcome.SUCCEEDED && toChannel.minor() > 0
                ? channelLeg(refund, trade, toChannel) : posted;
    }

    /**
     * A combination payment's refund, as a Saga of three steps (docs/adr/0008, "Refunds"): the cash share
     * ({@link RefundShares}: pro rata, the rest kept for the whole refund) through the ledger and the channel,
     * as any refund; then — only when this refund returns the whole trade — the points and the coupon, by
     * pay-core's refund Saga ({@code PayService.giveBackParts}). A definite refusal of the cash fails the
     * refund and gives back nothing (nothing was given back yet); an unknown cash answer leaves the refund
     * {@code PROCESSING}, never compensated, and the give-backs wait for the retry that finds the cash
     * refunded; a give-back not answered leaves it {@code PROCESSING} too, and the retry (every step keyed,
     * the cash by the refund number, the give-backs by the pay order number) finishes it.
     */
    private TradeLedger.Posting combinationLegs(RefundOrder refund, Trade trade, String channel) {
        TradePromotion promotion = trade.promotion();
        RefundShares shares = RefundShares.of(refund.paid(), promotion.buyerPaid(refund.paid()), refund.refundedBefore(),
                refund.amount());
        if (shares.wholeTrade() && refunds.othersProcessing(refund.tradeNo(), refund.refundNo())) {
            // the refund that completes the trade books exactly the cash the ledger has left after every earlier
            // refund: posted while one of them is unfinished, the ledger finds more left and refuses it for good (a
            // valid refund FAILED with PARAM_ERROR). It waits, PROCESSING, for the retry that comes after them
            log.info("refund {} completes trade {} and waits for its earlier refunds", refund.refundNo(), refund.tradeNo());
            return new TradeLedger.Posting(Outcome.UNKNOWN, null, "an earlier refund of the trade is not finished");
        }
        boolean platformParts = promotion.pointsMinor() > 0
                || (promotion.couponMinor() > 0 && promotion.couponFundedBy() == FundedBy.PLATFORM);
        boolean ledgerMoves = shares.cash().minor() > 0 || (shares.wholeTrade() && platformParts);
        // a refund whose pro rata cash rounds to nothing moves no money now: its share is the coupon's and points'
        TradeLedger.Posting cash = ledgerMoves ? cashLegs(refund, trade, channel, shares.cash(), shares.wholeTrade())
                : new TradeLedger.Posting(Outcome.SUCCEEDED, null, null);
        if (cash.outcome() != Outcome.SUCCEEDED || !shares.wholeTrade()) {
            return cash;
        }
        Result<PayOrderDTO> givenBack;
        try {
            givenBack = pay.giveBackParts(trade.payOrderNo(), refund.refundNo());
        } catch (RuntimeException transport) {
            log.warn("refund {}: give-back of coupon and points not answered: {}", refund.refundNo(), transport.toString());
            return new TradeLedger.Posting(Outcome.UNKNOWN, ErrorCode.SYSTEM_ERROR.code(), transport.getMessage());
        }
        return switch (Outcome.of(givenBack)) {
            case SUCCEEDED -> cash;
            case UNKNOWN -> new TradeLedger.Posting(Outcome.UNKNOWN, givenBack.code(), givenBack.message());
            case FAILED -> {
                // the cash is back, which no refusal of the give-back can undo: the refund stands, an operator returns the rest
                log.error("ALARM: refund {}: pay-core refused to give back the coupon and points of pay order {}: {} {}",
                        refund.refundNo(), trade.payOrderNo(), givenBack.code(), givenBack.message());
                yield cash;
            }
        };
    }

    /**
     * A channel payment's refund, after the ledger took it from the merchant: the channel returns the
     * money to the buyer. Its success is the refund's success; its definite refusal (nothing was
     * returned) undoes the posting and fails the refund; anything else leaves it PROCESSING for the
     * REFUND_ACCEPTED consumer to ask again (both calls are keyed by the refund number).
     */
    private TradeLedger.Posting channelLeg(RefundOrder refund, Trade trade, Money amount) {
        Result<ChannelRefundDTO> answer;
        try {
            answer = channels.refund(new RefundChannelCmd(refund.refundNo(), trade.payOrderNo(), amount, refund.reason()));
        } catch (RuntimeException transport) {
            log.warn("channel refund {} outcome unknown: {}", refund.refundNo(), transport.toString());
            return new TradeLedger.Posting(Outcome.UNKNOWN, ErrorCode.SYSTEM_ERROR.code(), transport.getMessage());
        }
        boolean refusedBeforeSending = !answer.success() && REFUSED_BEFORE_SENDING.stream()
                .anyMatch(refusal -> refusal.code().equals(answer.code()));
        boolean refusedByChannel = answer.success() && answer.data().status() == ChannelRefundStatus.FAILED;
        if (answer.success() && answer.data().status() == ChannelRefundStatus.SUCCESS) {
            return new TradeLedger.Posting(Outcome.SUCCEEDED, null, null);
        }
        if (refusedBeforeSending || refusedByChannel) {
            String code = refusedByChannel ? ErrorCode.CHANNEL_DECLINED.code() : answer.code();
            TradeLedger.Posting undone = ledger.reverseRefund(refund.refundNo(), refund.tradeNo());
            if (undone.outcome() == Outcome.SUCCEEDED) {
                log.warn("channel refused refund {} ({}); its posting is undone", refund.refundNo(),
                        refusedByChannel ? answer.data().rawCode() : answer.message());
                return new TradeLedger.Posting(Outcome.FAILED, code, "the channel refused the refund");
            }
            log.error("ALARM: refund {} refused by the channel but its posting is not undone yet ({}); retried",
                    refund.refundNo(), undone.code());
            return new TradeLedger.Posting(Outcome.UNKNOWN, undone.code(), undone.message());
        }
        return new TradeLedger.Posting(Outcome.UNKNOWN, answer.success() ? answer.data().rawCode() : answer.code(),
                "the channel has not finished the refund");
    }

    private void moveOrThrow(RefundOrder refund, RefundStatus to, String code, Instant at) {
        if (!refunds.finish(refund.refundNo(), to, code, at)) {
            throw new TradeChanges.StateMoved("refund " + refund.refundNo() + " left PROCESSING");
        }
    }

    private static RefundDTO finished(RefundOrder refund, RefundStatus status, String code, Instant at) {
        return new RefundDTO(refund.refundNo(), refund.outRefundNo(), refund.tradeNo(), refund.merchantId(), status,
                refund.amount(), refund.reason(), code, refund.createdAt(), status == RefundStatus.SUCCESS ? at : null);
    }
}
