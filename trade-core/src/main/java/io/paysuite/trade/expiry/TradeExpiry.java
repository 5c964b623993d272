package io.paysuite.trade.expiry;

import io.paysuite.api.error.BizException;
import io.paysuite.api.trade.CloseTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
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
 *   <li>when a trade is created ({@code TRADE_CREATED}) its timer is armed: set after a short grace
 *       ({@code paysuite.expiry.arm-after}, 10 s), and not at all if this instance saw the trade become final
 *       meanwhile ({@link ExpiryArming});</li>
 *   <li>when a timer fires the trade is closed if it still waits for payment, or the next hop is set
 *       if the expiry is still ahead (long expiries, or a timer that fired early).</li>
 * </ol>
 * Both are idempotent: closing a closed trade answers it again, a trade being paid or paid is left
 * alone (the payment decides), and a repeated timer finds nothing to do. The same timer ends a
 * pre-authorisation still {@code AUTHORIZED} at its expiry: it is voided ({@link PreAuthorisations}).
 *
 * <p>The timer is no longer never lost: {@code TRADE_CREATED} commits with the trade and is never lost, but an arm waits its grace in memory
 * after the message was taken, and a process killed then loses it. The janitor's expired-trade sweep is the
 * backstop: it finds a trade still {@code WAIT_PAY} past its expiry and calls {@link #due} as the timer would
 * ({@code paysuite.trade.janitor.expired-age} + {@code expired-every}, 3 s + 10 s, after the expiry). The trade-off is
 * worth it because most trades end within seconds (a payment code at a till in about 100 ms), and the timer's
 * whole cycle (the send, the broker's timer log, the delivery and a read of the trade through ShardingSphere that
 * found it paid) was paid by every one of them. A pre-authorisation is armed at once, as before: it ends
 * {@code AUTHORIZED}, not final, so the grace would spare it nothing, and the sweep looks for {@code WAIT_PAY} only,
 * so its lost arm would leave the hold unvoided.
 */
@Component
public class TradeExpiry {

    private static final Logger log = LoggerFactory.getLogger(TradeExpiry.class);

    private final ExpiryTimers timers;
    private final ExpiryArming arming;
    private final TradeCloser closer;
    private final TradeFinder finder;
    private final Clock clock;
    private final PreAuthorisations preAuthorisations;

    public TradeExpiry(ExpiryTimers timers, ExpiryArming arming, TradeCloser closer, TradeFinder finder, Clock clock,
                       PreAuthorisations preAuthorisations) {
        this.timers = timers;
        this.arming = arming;
        this.closer = closer;
        this.finder = finder;
        this.clock = clock;
        this.preAuthorisations = preAuthorisations;
    }

    /** A trade was created: its timer is armed (a pre-authorisation's set at once). */
    public void created(TradeDTO trade) {
        if (trade.tradeType() == TradeType.PREAUTH) {
            timers.set(trade.tradeNo(), trade.timeExpire());
            return;
        }
        arming.arm(trade.tradeNo(), trade.timeExpire());
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
