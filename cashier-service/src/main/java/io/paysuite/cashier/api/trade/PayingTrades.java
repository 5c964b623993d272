package io.paysuite.cashier.api.trade;

import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.cashier.api.error.Results;
import org.springframework.stereotype.Component;

/**
 * A trade as trade-core has it, read by the till's answer and the buyer's page after a payment. A pay
 * order is paid before its trade: trade-core moves the trade {@code PAYING → SUCCESS} when
 * {@code PAY_SUCCEEDED} reaches it. Whoever tells the merchant or the buyer "paid" says what
 * {@code GET /api/v1/trades/{trade_no}} will answer, so they ask the trade, waiting briefly for it to
 * leave {@code PAYING}, never the pay order alone.
 */
@Component
public class PayingTrades {

    private final TradeService trades;
    private final long patienceNanos;
    private final long everyMillis;

    public PayingTrades(TradeService trades, TradeWaitProperties wait) {
        this.trades = trades;
        this.patienceNanos = wait.patience().toNanos();
        this.everyMillis = Math.max(1, wait.every().toMillis());
    }

    /** The trade now; a refusal or a missing answer is thrown ({@link Results#unwrap}). */
    public TradeDTO current(String tradeNo) {
        return Results.unwrap(trades.get(TradeByNoQry.internal(tradeNo)));
    }

    /**
     * The trade once it has left {@code PAYING}, or still {@code PAYING} after the patience: then the
     * caller says "in progress, ask again", which is never wrong, only less convenient.
     */
    public TradeDTO settled(String tradeNo) {
        long deadline = System.nanoTime() + patienceNanos;
        TradeDTO trade = current(tradeNo);
        while (trade.status() == TradeStatus.PAYING && System.nanoTime() < deadline) {
            try {
                Thread.sleep(everyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return trade;
            }
            trade = current(tradeNo);
        }
        return trade;
    }
}
