package io.paysuite.trade.expiry;

import io.paysuite.api.error.BizException;
import io.paysuite.api.trade.CloseTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.trade.order.TradeCloser;
import io.paysuite.trade.order.TradeFinder;
import io.paysuite.trade.preauth.PreAuthorisations;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Closing unpaid trades at their expiry, without scanning tables:
 * <ol>
 *   <li>when a trade is created ({@code TRADE_CREATED}, a transactional event, so never lost) its timer is set;</li>
 *   <li>when a timer fires the trade is closed if it still waits for payment, or the next hop is set
 *       if the expiry is still ahead (long expiries, or a timer that fired early).</li>
 * </ol>
 * Both are idempotent: closing a closed trade answers it again, a trade being paid or paid is left
 * alone (the payment decides), and a repeated timer finds nothing to do. The same timer ends a
 * pre-authorisation still {@code AUTHORIZED} at its expiry: it is voided ({@link PreAuthorisations}).
 */
@Component
public class TradeExpiry {

    private static final Logger log = LoggerFactory.getLogger(TradeExpiry.class);

    private final ExpiryTimers timers;
    private final TradeCloser closer;
    private final TradeFinder finder;
    private final Clock clock;
    private final PreAuthorisations preAuthorisations;

    public TradeExpiry(ExpiryTimers timers, TradeCloser closer, TradeFinder finder, Clock clock,
                       PreAuthorisations preAuthorisations) {
        this.timers = timers;
        this.closer = closer;
        this.finder = finder;
        this.clock = clock;
        this.preAuthorisations = preAuthorisations;
    }

    /** A trade was created: its timer is set. */
    public void created(TradeDTO trade) {
        timers.set(trade.tradeNo(), trade.timeExpire());
    }

    /** A timer fired. */
    public void due(String tradeNo) {
        TradeDTO trade = finder.get(TradeByNoQry.internal(tradeNo));
        if (trade.status() != TradeStatus.WAIT_PAY && trade.status() != TradeStatus.AUTHORIZED) {
            return;
        }
        if (trade.timeExpire().isAfter(clock.instant())) {
            timers.set(tradeNo, trade.timeExpire()); // an intermediate hop
            return;
        }
        if (trade.status() == TradeStatus.AUTHORIZED) {
            preAuthorisations.voidIfExpired(tradeNo);
            return;
        }
        try {
            closer.close(new CloseTradeCmd(tradeNo, null));
            log.info("trade expired and closed trade_no={}", tradeNo);
        } catch (BizException movedOn) {
            log.info("trade {} not closed at expiry: {}", tradeNo, movedOn.code()); // being paid or paid
        }
    }
}
