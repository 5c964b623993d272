package io.paysuite.trade.order;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.event.TradeFinished;
import io.paysuite.api.ledger.HoldSettlementCmd;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.RefundReversalCmd;
import io.paysuite.api.ledger.RefundPostingCmd;
import io.paysuite.api.ledger.ReleasePostingCmd;
import io.paysuite.api.money.Money;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * trade-core's postings to the ledger (accounting-service over Dubbo). Every posting has a key
 * derived from the business number, so sending it twice posts it once. A call that fails in
 * transport is {@link Outcome#UNKNOWN}: the money may or may not have moved, and only a repeat
 * under the same key tells.
 */
@Component
public class TradeLedger {

    /** What a posting came to ({@code SUCCEEDED}: posted, now or by an earlier send); {@code code} is the refusal's error code. */
    public record Posting(Outcome outcome, String code, String message) {
    }

    private static final Logger log = LoggerFactory.getLogger(TradeLedger.class);

    private final LedgerService ledger;

    public TradeLedger(LedgerService ledger) {
        this.ledger = ledger;
    }

    public static String releaseKey(String tradeNo) {
        return "REL-" + tradeNo;
    }

    public Posting release(TradeFinished finished) {
        if (finished.releaseMinor() == 0) {
            return new Posting(Outcome.SUCCEEDED, null, "nothing held");
        }
        return call("release " + finished.tradeNo(), () -> ledger.postRelease(new ReleasePostingCmd(
                releaseKey(finished.tradeNo()), finished.tradeNo(), finished.merchantId(),
                new Money(finished.releaseMinor(), finished.currency()))));
    }

    /**
     * The ledger side of a pre-authorisation's end: its hold to the merchant (the captured part, less
     * the fee) and back to the buyer, or all back for a void, under {@code CAPTURE-}/{@code VOID-<trade no>}.
     *
     * @param ended the trade as captured (its paid amount is the captured part) or voided
     */
    public Posting endHold(TradeDTO ended) {
        boolean captured = ended.status() == TradeStatus.CAPTURED;
        String key = captured ? HoldSettlementCmd.captureKey(ended.tradeNo()) : HoldSettlementCmd.voidKey(ended.tradeNo());
        Money capture = captured ? ended.paidAmount() : new Money(0, ended.amount().currency());
        return call("hold settlement " + key, () -> ledger.postHoldSettlement(new HoldSettlementCmd(key, ended.tradeNo(),
                ended.merchantId(), ended.payerId(), capture)));
    }

    /** @param channel the channel that took the payment (its clearing account is credited), or null for the wallet */
    public Posting refund(String refundNo, String tradeNo, String buyerId, String merchantId, Money refund, Money paid,
                          Money refundedBefore, boolean escrowHeld, String channel) {
        return call("refund " + refundNo, () -> ledger.postRefund(new RefundPostingCmd(refundNo, tradeNo, refundNo,
                buyerId, merchantId, refund, paid, refundedBefore, escrowHeld, channel)));
    }

    /**
     * A combination payment's refund (docs/adr/0008, "Refunds"): the ledger credits the buyer only
     * {@code cash}, and on {@code wholeTrade} books the coupon and points back.
     */
    public Posting refund(String refundNo, String tradeNo, String buyerId, String merchantId, Money refund, Money paid,
                          Money refundedBefore, boolean escrowHeld, String channel, Money cash, boolean wholeTrade) {
        return call("refund " + refundNo, () -> ledger.postRefund(new RefundPostingCmd(refundNo, tradeNo, refundNo,
                buyerId, merchantId, refund, paid, refundedBefore, escrowHeld, channel, cash, wholeTrade)));
    }

    public static String refundReversalKey(String refundNo) {
        return "RREV-" + refundNo;
    }

    /**
     * Undo a channel refund's posting the channel then refused, under its own key. The ledger computes
     * the reversal from the refund entry itself, so the money goes back where it came from (and on to
     * the merchant when it came from escrow and the trade has been released since). Idempotent;
     * {@code FAILED} when there is no refund entry to undo.
     */
    public Posting reverseRefund(String refundNo, String tradeNo) {
        return call("refund reversal " + refundNo, () -> ledger.postRefundReversal(
                new RefundReversalCmd(refundReversalKey(refundNo), tradeNo, refundNo)));
    }

    private interface Call {
        Result<JournalEntryDTO> run();
    }

    private static Posting call(String what, Call call) {
        Result<JournalEntryDTO> result;
        try {
            result = call.run();
        } catch (RuntimeException transport) {
            log.warn("ledger posting {} outcome unknown: {}", what, transport.toString());
            return new Posting(Outcome.UNKNOWN, ErrorCode.SYSTEM_ERROR.code(), transport.getMessage());
        }
        Outcome outcome = Outcome.of(result);
        if (outcome == Outcome.UNKNOWN) {
            log.warn("ledger posting {} outcome unknown: {} {}", what, result.code(), result.message());
        }
        return outcome == Outcome.SUCCEEDED ? new Posting(outcome, null, null) : new Posting(outcome, result.code(), result.message());
    }
}
