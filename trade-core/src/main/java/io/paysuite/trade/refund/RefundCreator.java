package io.paysuite.trade.refund;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.event.EventType;
import io.paysuite.api.event.RefundAccepted;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ids.ShardGene;
import io.paysuite.api.money.Money;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeByOutTradeNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.trade.order.FirstOrRepeat;
import io.paysuite.trade.order.RequestDigest;
import io.paysuite.trade.order.Trade;
import io.paysuite.trade.order.TradeChanges;
import io.paysuite.trade.order.TradeFinder;
import io.paysuite.trade.order.TradeRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Accepts a refund: claims the merchant refund number (unique key), then in one local
 * transaction with {@code REFUND_ACCEPTED} locks the trade row, checks that the refunds never sum
 * past the paid amount, reserves the amount on the trade and inserts the refund
 * {@code PROCESSING}. Then {@link RefundCompletion} posts it to the ledger. Concurrent refunds of
 * one trade serialize on the row lock, so their sum can never exceed what was paid.
 */
@Component
public class RefundCreator {


    private final TradeFinder finder;
    private final TradeRepository trades;
    private final RefundRepository refunds;
    private final TradeChanges changes;
    private final RefundCompletion completion;
    private final OrderNo orderNo;
    private final Clock clock;

    public RefundCreator(TradeFinder finder, TradeRepository trades, RefundRepository refunds, TradeChanges changes,
                         RefundCompletion completion, OrderNo orderNo, Clock clock) {
        this.finder = finder;
        this.trades = trades;
        this.refunds = refunds;
        this.changes = changes;
        this.completion = completion;
        this.orderNo = orderNo;
        this.clock = clock;
    }

    public RefundDTO refund(CreateRefundCmd cmd) {
        return refundOrRepeat(cmd).value();
    }

    /** The refund, and whether it answers a repeat of an earlier request with the same content. */
    public FirstOrRepeat<RefundDTO> refundOrRepeat(CreateRefundCmd cmd) {
        RefundRules.check(cmd);
        TradeDTO trade = cmd.tradeNo() != null && !cmd.tradeNo().isBlank()
                ? finder.get(new TradeByNoQry(cmd.tradeNo(), cmd.merchantId()))
                : finder.getByOutTradeNo(new TradeByOutTradeNoQry(cmd.merchantId(), cmd.outTradeNo()));
        String digest = digest(cmd, trade.tradeNo());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String fresh = orderNo.next(OrderNo.Kind.REFUND, ShardGene.ofOrderNo(trade.tradeNo()));
        RefundRepository.Claim claim = refunds.claim(cmd.merchantId(), cmd.outRefundNo(), fresh, digest, now)
                .orElse(new RefundRepository.Claim(fresh, digest));
        if (!claim.digest().equals(digest)) {
            throw new BizException(ErrorCode.OUT_REFUND_NO_USED, "out_refund_no " + cmd.outRefundNo() + " was used for a different refund");
        }
        var existing = refunds.find(claim.refundNo());
        if (existing.isPresent()) {
            // a repeat: answer it, finishing it if it is stuck
            return FirstOrRepeat.repeat(completion.complete(existing.get().refundNo()));
        }
        refuseUnlessRefundable(trade, cmd.refund());
        try {
            changes.commit(trade.tradeNo(), EventType.REFUND_ACCEPTED, new RefundAccepted(claim.refundNo(), trade.tradeNo()), () -> {
                Trade locked = trades.lock(trade.tradeNo()).orElseThrow();
                refuseUnlessRefundable(locked.toDTO(), cmd.refund());
                if (!trades.addRefunded(trade.tradeNo(), cmd.refund().minor(), now)) {
                    throw exceeded(locked.toDTO(), cmd.refund());
                }
                if (!refunds.insert(new RefundOrder(claim.refundNo(), trade.tradeNo(), cmd.merchantId(), cmd.outRefundNo(),
                        RefundStatus.PROCESSING, cmd.refund(), locked.paidAmount(), locked.refundedAmount(),
                        locked.escrowHeld(), locked.paidBy(), cmd.reason(), null, now, now, null))) {
                    throw new RacedRepeat(); // rolls back the amount reserved above
                }
                return null;
            });
        } catch (RacedRepeat concurrentRepeat) {
            // the same request raced us through the claim and inserted first; ours rolled back
            return FirstOrRepeat.repeat(completion.complete(claim.refundNo()));
        }
        return FirstOrRepeat.first(completion.complete(claim.refundNo()));
    }

    /** A concurrent repeat of this request inserted the refund first. */
    private static final class RacedRepeat extends RuntimeException {
        RacedRepeat() {
            super(null, null, false, false);
        }
    }

    private static void refuseUnlessRefundable(TradeDTO trade, Money refund) {
        switch (trade.status()) {
            case CLOSED -> throw new BizException(ErrorCode.TRADE_CLOSED, "trade " + trade.tradeNo() + " is closed");
            case PAYING -> throw new BizException(ErrorCode.TRADE_PAYING, "trade " + trade.tradeNo() + " is being paid");
            case WAIT_PAY -> throw new BizException(ErrorCode.REFUND_AMOUNT_EXCEEDED, "trade " + trade.tradeNo() + " is not paid");
            // a pre-authorisation refunds only what was captured (its paid amount since the capture)
            case AUTHORIZED -> throw new BizException(ErrorCode.REFUND_AMOUNT_EXCEEDED,
                    "trade " + trade.tradeNo() + " is authorised, not captured: nothing to refund (void it to release it)");
            case VOIDED -> throw new BizException(ErrorCode.TRADE_VOIDED, "trade " + trade.tradeNo() + " is voided");
            case SUCCESS, FINISHED, CAPTURED -> {
                if (!refund.currency().equals(trade.paidAmount().currency())) {
                    throw new BizException(ErrorCode.CURRENCY_NOT_SUPPORTED, "amount.currency must be " + trade.paidAmount().currency());
                }
                if (Math.addExact(trade.refundedAmount().minor(), refund.minor()) > trade.paidAmount().minor()) {
                    throw exceeded(trade, refund);
                }
            }
        }
    }

    private static BizException exceeded(TradeDTO trade, Money refund) {
        return new BizException(ErrorCode.REFUND_AMOUNT_EXCEEDED, "refund " + refund + " exceeds what is left of "
                + trade.paidAmount() + " paid (" + trade.refundedAmount() + " refunded)");
    }

    static String digest(CreateRefundCmd cmd, String tradeNo) {
        return RequestDigest.of(cmd.merchantId(), tradeNo, cmd.outRefundNo(), Long.toString(cmd.refund().minor()),
                cmd.refund().currency(), cmd.reason());
    }
}
