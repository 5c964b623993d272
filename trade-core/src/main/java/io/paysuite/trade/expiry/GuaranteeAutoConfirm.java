package io.paysuite.trade.expiry;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.event.EventType;
import io.paysuite.api.trade.ConfirmTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.trade.order.RecordedTradeEvent;
import io.paysuite.trade.order.TradeConfirmer;
import io.paysuite.trade.order.TradeEventLog;
import io.paysuite.trade.order.TradeFinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A guarantee trade protects the buyer until the merchant confirms it, and the merchant until the
 * buyer has had their chance to ask for a refund; it must not hold the money forever when nobody
 * confirms. So a paid guarantee trade the merchant has not confirmed within
 * {@code paysuite.trade.guarantee.auto-confirm-after} of its payment is confirmed by the platform,
 * through the same path as {@code POST …/confirm} ({@link TradeConfirmer}): {@code SUCCESS → FINISHED}
 * with {@code TRADE_FINISHED}, which releases the escrow and tells the merchant.
 * <ol>
 *   <li>when the trade is paid ({@code TRADE_SUCCEEDED}, an event committed with the payment, so never lost) its timer is set;</li>
 *   <li>when the timer fires the trade is confirmed if it is still unconfirmed and due, or the next hop is
 *       set (long periods, or a timer that fired early).</li>
 * </ol>
 * Refunds asked for before the release are honoured first: the release is the paid amount less the
 * refunds accepted (the confirmer reads them under the trade's row lock), and while a refund of the trade
 * is still in progress the release waits for its outcome, so that one cent is never both refunded and released.
 * Both steps are idempotent: a confirmed (or never paid) trade is left alone, a repeated timer finds nothing to do.
 */
public class GuaranteeAutoConfirm {

    private static final Logger log = LoggerFactory.getLogger(GuaranteeAutoConfirm.class);
    private static final String REFUND_ACCEPTED = EventType.REFUND_ACCEPTED.tag();
    private static final List<String> REFUND_FINAL = List.of(EventType.REFUND_SUCCEEDED.tag(), EventType.REFUND_FAILED.tag());

    private final GuaranteeTimers timers;
    private final TradeConfirmer confirmer;
    private final TradeFinder finder;
    private final TradeEventLog events;
    private final Duration after;
    private final Duration refundWait;
    private final Clock clock;

    /**
     * @param after      how long after its payment an unconfirmed trade is confirmed
     * @param refundWait how often a due confirmation asks again while a refund of the trade is in progress
     */
    public GuaranteeAutoConfirm(GuaranteeTimers timers, TradeConfirmer confirmer, TradeFinder finder, TradeEventLog events,
                                Duration after, Duration refundWait, Clock clock) {
        this.timers = timers;
        this.confirmer = confirmer;
        this.finder = finder;
        this.events = events;
        this.after = after;
        this.refundWait = refundWait;
        this.clock = clock;
    }

    /** A trade was paid: a guarantee trade's timer is set. */
    public void paid(TradeDTO trade) {
        if (trade.tradeType() == TradeType.GUARANTEE) {
            timers.setAutoConfirm(trade.tradeNo(), dueAt(trade));
        }
    }

    /** A timer fired. */
    public void due(String tradeNo) {
        TradeDTO trade = finder.get(TradeByNoQry.internal(tradeNo));
        if (trade.tradeType() != TradeType.GUARANTEE || trade.status() != TradeStatus.SUCCESS) {
            return; // confirmed by the merchant already, or not a paid guarantee trade
        }
        Instant now = clock.instant();
        Instant dueAt = dueAt(trade);
        if (dueAt.isAfter(now)) {
            timers.setAutoConfirm(tradeNo, dueAt); // an intermediate hop
            return;
        }
        if (refundInProgress(tradeNo)) {
            log.info("auto-confirm of guarantee trade {} waits for its refund in progress", tradeNo);
            timers.setAutoConfirm(tradeNo, now.plus(refundWait));
            return;
        }
        try {
            TradeDTO finished = confirmer.confirm(new ConfirmTradeCmd(tradeNo, null));
            log.info("guarantee trade auto-confirmed trade_no={} status={} after {}", tradeNo, finished.status(), after);
        } catch (BizException notConfirmable) {
            if (ErrorCode.TRADE_PAYING.code().equals(notConfirmable.wireCode())) {
                throw notConfirmable; // kept changing under refunds: the timer comes back with the broker's backoff
            }
            log.info("guarantee trade {} not auto-confirmed: {}", tradeNo, notConfirmable.wireCode());
        }
    }

    private Instant dueAt(TradeDTO trade) {
        Instant paidAt = trade.paidAt() != null ? trade.paidAt() : trade.createdAt();
        return paidAt.plus(after);
    }

    /**
     * A refund of the trade was accepted and has not finished. Each refund commits exactly one
     * {@code REFUND_ACCEPTED} and at most one final event with the trade's events, so counting them
     * answers from the same committed state the refunds themselves are in.
     */
    private boolean refundInProgress(String tradeNo) {
        long accepted = 0;
        long finished = 0;
        for (RecordedTradeEvent event : events.eventsOf(tradeNo)) {
            if (REFUND_ACCEPTED.equals(event.eventType())) {
                accepted++;
            } else if (REFUND_FINAL.contains(event.eventType())) {
                finished++;
            }
        }
        return accepted > finished;
    }
}
