package io.paysuite.trade.refund;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.trade.trade.TradeChanges;
import io.paysuite.trade.trade.TradeLedger;
import io.paysuite.trade.trade.TradeRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * Called right after acceptance, on every repeat of the request, and by the consumer of
 * {@code REFUND_ACCEPTED}, which keeps retrying with the broker's backoff until the outcome is known.
 */
@Component
public class RefundCompletion {

    public static final String REFUND_SUCCEEDED = "REFUND_SUCCEEDED";
    public static final String REFUND_FAILED = "REFUND_FAILED";
    private static final Logger log = LoggerFactory.getLogger(RefundCompletion.class);

    private final RefundRepository refunds;
    private final TradeRepository trades;
    private final TradeChanges changes;
    private final TradeLedger ledger;
    private final Clock clock;

    public RefundCompletion(RefundRepository refunds, TradeRepository trades, TradeChanges changes, TradeLedger ledger,
                            Clock clock) {
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
        TradeLedger.Posting posting = ledger.refund(refund.refundNo(), refund.tradeNo(), refund.buyerId(),
                refund.merchantId(), refund.amount(), refund.paid(), refund.refundedBefore(), refund.escrowHeld());
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            switch (posting.outcome()) {
                case POSTED -> changes.commit(refund.tradeNo(), REFUND_SUCCEEDED, finished(refund, RefundStatus.SUCCESS, null, at), () -> {
                    moveOrThrow(refund, RefundStatus.SUCCESS, null, at);
                    return null;
                });
                case REFUSED -> changes.commit(refund.tradeNo(), REFUND_FAILED, finished(refund, RefundStatus.FAILED, posting.code(), at), () -> {
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
