package io.paysuite.trade.order;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.event.EventType;
import io.paysuite.api.trade.CloseTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Closes unpaid trades ({@code WAIT_PAY → CLOSED}) with a compare-and-set, the change and its
 * {@code TRADE_CLOSED} event in one local transaction. Of any number of concurrent closes exactly
 * one changes the row and publishes; the others find the trade closed and answer it.
 */
@Component
public class TradeCloser {


    private static final Logger log = LoggerFactory.getLogger(TradeCloser.class);

    private final TradeFinder finder;
    private final TradeRepository trades;
    private final TradeChanges changes;
    private final Clock clock;

    public TradeCloser(TradeFinder finder, TradeRepository trades, TradeChanges changes, Clock clock) {
        this.finder = finder;
        this.trades = trades;
        this.changes = changes;
        this.clock = clock;
    }

    public TradeDTO close(CloseTradeCmd cmd) {
        if (cmd == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "trade_no is required");
        }
        // ownership and existence checks are the finder's: another merchant's trade is "not found"
        Trade trade = finder.trade(new TradeByNoQry(cmd.tradeNo(), cmd.merchantId()));
        if (trade.status() != TradeStatus.WAIT_PAY) {
            return answerFor(trade.toDTO());
        }
        Trade closed = trade.closed(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        try {
            changes.commit(trade.tradeNo(), EventType.TRADE_CLOSED, closed.toDTO(), () -> {
                if (!trades.transition(trade.tradeNo(), TradeStatus.WAIT_PAY, TradeStatus.CLOSED, closed.updatedAt())) {
                    // roll back: our event must not be published
                    throw new TradeChanges.StateMoved("trade " + trade.tradeNo() + " left WAIT_PAY");
                }
                return closed;
            });
        } catch (TradeChanges.StateMoved moved) {
            return answerFor(finder.get(TradeByNoQry.internal(trade.tradeNo())));
        }
        log.info("trade closed trade_no={} merchant_id={}", trade.tradeNo(), trade.merchantId());
        return closed.toDTO();
    }

    /** A close that changed nothing: closed already is success, anything else says why not. */
    private static TradeDTO answerFor(TradeDTO trade) {
        return switch (trade.status()) {
            case CLOSED -> trade;
            case PAYING -> throw new BizException(ErrorCode.TRADE_PAYING, "trade " + trade.tradeNo() + " is being paid");
            case SUCCESS, FINISHED, AUTHORIZED, CAPTURED, VOIDED ->
                    throw new BizException(ErrorCode.TRADE_PAID, "trade " + trade.tradeNo() + " is paid");
            case WAIT_PAY -> throw new IllegalStateException("trade " + trade.tradeNo() + " still WAIT_PAY after a missed close");
        };
    }
}
