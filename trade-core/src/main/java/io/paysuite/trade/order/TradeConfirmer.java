package io.paysuite.trade.order;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.event.EventType;
import io.paysuite.api.event.TradeFinished;
import io.paysuite.api.money.Money;
import io.paysuite.api.trade.ConfirmTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Confirms a paid guarantee trade ({@code SUCCESS → FINISHED}) and releases the escrow to the
 * merchant. The amount released is the paid amount less the refunds accepted so far, read under
 * the trade's row lock, so a refund racing the confirm is either inside the release (taken from
 * escrow before it) or after it (taken from the merchant). The change commits with
 * {@code TRADE_FINISHED}, whose payload carries that amount; the release posting is made at once
 * and again by the {@code TRADE_FINISHED} consumer, both under one posting key, so a crash between
 * the two cannot lose it.
 */
@Component
public class TradeConfirmer {

    private static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(TradeConfirmer.class);

    private final TradeFinder finder;
    private final TradeRepository trades;
    private final TradeChanges changes;
    private final TradeLedger ledger;
    private final Clock clock;

    public TradeConfirmer(TradeFinder finder, TradeRepository trades, TradeChanges changes, TradeLedger ledger, Clock clock) {
        this.finder = finder;
        this.trades = trades;
        this.changes = changes;
        this.ledger = ledger;
        this.clock = clock;
    }

    public TradeDTO confirm(ConfirmTradeCmd cmd) {
        if (cmd == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "trade_no is required");
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Trade trade = finder.trade(new TradeByNoQry(cmd.tradeNo(), cmd.merchantId()));
            if (trade.status() == TradeStatus.FINISHED) {
                return trade.toDTO();
            }
            refuseUnlessConfirmable(trade.toDTO());
            Money release = trade.paidAmount().minus(trade.refundedAmount());
            TradeFinished finished = new TradeFinished(trade.tradeNo(), trade.merchantId(), release.minor(), release.currency());
            Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            try {
                changes.commit(trade.tradeNo(), EventType.TRADE_FINISHED, finished, () -> {
                    Trade locked = trades.lock(trade.tradeNo()).orElseThrow();
                    if (locked.status() != TradeStatus.SUCCESS || !locked.refundedAmount().equals(trade.refundedAmount())
                            || !trades.transition(trade.tradeNo(), TradeStatus.SUCCESS, TradeStatus.FINISHED, at)) {
                        throw new TradeChanges.StateMoved("trade " + trade.tradeNo() + " changed while confirming");
                    }
                    return null;
                });
            } catch (TradeChanges.StateMoved moved) {
                continue; // a refund or another confirm came first: read again
            }
            log.info("trade finished trade_no={} release={}", trade.tradeNo(), release);
            ledger.release(finished); // best effort now; the TRADE_FINISHED consumer makes sure
            return finder.get(TradeByNoQry.internal(trade.tradeNo()));
        }
        throw new BizException(ErrorCode.TRADE_PAYING, "trade " + cmd.tradeNo() + " kept changing; retry the confirm");
    }

    private static void refuseUnlessConfirmable(TradeDTO trade) {
        if (trade.tradeType() != TradeType.GUARANTEE) {
            throw new BizException(ErrorCode.TRADE_NOT_CONFIRMABLE, "trade " + trade.tradeNo() + " is not a guarantee trade");
        }
        if (trade.status() == TradeStatus.CLOSED) {
            throw new BizException(ErrorCode.TRADE_CLOSED, "trade " + trade.tradeNo() + " is closed");
        }
        if (trade.status() != TradeStatus.SUCCESS) {
            throw new BizException(ErrorCode.TRADE_NOT_CONFIRMABLE, "trade " + trade.tradeNo() + " is not paid");
        }
    }
}
