package io.paysuite.trade.order;

import io.paysuite.api.common.Result;
import io.paysuite.api.event.TradeFinished;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.RefundPostingCmd;
import io.paysuite.api.ledger.ReleasePostingCmd;
import io.paysuite.api.money.Money;
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

    public enum Outcome { POSTED, REFUSED, UNKNOWN }

    /** What a posting came to; {@code code} is the refusal's error code. */
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
            return new Posting(Outcome.POSTED, null, "nothing held");
        }
        return call("release " + finished.tradeNo(), () -> ledger.postRelease(new ReleasePostingCmd(
                releaseKey(finished.tradeNo()), finished.tradeNo(), finished.merchantId(),
                new Money(finished.releaseMinor(), finished.currency()))));
    }

    /** @param channel the channel that took the payment (its clearing account is credited), or null for the wallet */
    public Posting refund(String refundNo, String tradeNo, String buyerId, String merchantId, Money refund, Money paid,
                          Money refundedBefore, boolean escrowHeld, String channel) {
        return call("refund " + refundNo, () -> ledger.postRefund(new RefundPostingCmd(refundNo, tradeNo, refundNo,
                buyerId, merchantId, refund, paid, refundedBefore, escrowHeld, channel)));
    }

    public static String refundReversalKey(String refundNo) {
        return "RREV-" + refundNo;
    }

    /**
     * Undo a channel refund's posting the channel then refused: the mirror of the refund entry (every
     * line on the other side), under its own key, so the merchant gets back what was taken for it.
     * Idempotent; {@code REFUSED} when there is no refund entry to undo.
     */
    public Posting reverseRefund(String refundNo, String tradeNo) {
        Result<JournalEntryDTO> original;
        try {
            original = ledger.entryByKey(refundNo);
        } catch (RuntimeException transport) {
            return new Posting(Outcome.UNKNOWN, "SYSTEM_ERROR", transport.getMessage());
        }
        if (!original.success()) {
            return "POSTING_NOT_FOUND".equals(original.code()) ? new Posting(Outcome.REFUSED, original.code(), original.message())
                    : new Posting(Outcome.UNKNOWN, original.code(), original.message());
        }
        JournalEntryDTO entry = original.data();
        List<PostingLine> mirrored = entry.lines().stream()
                .map(line -> new PostingLine(line.account(), line.side() == AccountType.Side.DEBIT ? AccountType.Side.CREDIT
                        : AccountType.Side.DEBIT, line.amount()))
                .toList();
        return call("refund reversal " + refundNo, () -> ledger.post(new PostingCmd(refundReversalKey(refundNo), "CHANNEL_REFUND_REVERSAL",
                tradeNo, entry.currency(), mirrored, "refund " + refundNo + " refused by the channel")));
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
            return new Posting(Outcome.UNKNOWN, "SYSTEM_ERROR", transport.getMessage());
        }
        if (result.success()) {
            return new Posting(Outcome.POSTED, null, null);
        }
        // SYSTEM_ERROR and SERVICE_DEGRADED say nothing about whether the entry was written
        if ("SYSTEM_ERROR".equals(result.code()) || "SERVICE_DEGRADED".equals(result.code())) {
            log.warn("ledger posting {} outcome unknown: {} {}", what, result.code(), result.message());
            return new Posting(Outcome.UNKNOWN, result.code(), result.message());
        }
        return new Posting(Outcome.REFUSED, result.code(), result.message());
    }
}
