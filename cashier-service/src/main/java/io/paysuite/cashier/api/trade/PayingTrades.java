package io.paysuite.cashier.api.trade;

import io.paysuite.api.common.Result;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.cashier.api.error.Results;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A trade as trade-core has it, read by the till's answer and the buyer's page after a payment. A pay
 * order is paid before its trade: trade-core moves the trade {@code PAYING → SUCCESS} when
 * {@code PAY_SUCCEEDED} reaches it. Whoever tells the merchant or the buyer "paid" says what
 * {@code GET /api/v1/trades/{trade_no}} will answer, so they ask the trade, waiting briefly for it to
 * leave {@code PAYING}, never the pay order alone.
 *
 * <p>The wait is trade-core's ({@link TradeService#settled}): it answers the moment the change
 * commits, so a payment costs one call here instead of a read of the trade every 50 ms. Should
 * trade-core not wait (a trade-core that predates the method while a release rolls out, or the call
 * failing), the trade is read every {@link TradeWaitProperties#every()} as before.
 *
 * <p>Usually there is nothing to wait for: pay-core hands its success to trade-core directly and answers the trade
 * as trade-core recorded it ({@link PayOrderDTO#trade}); {@link #paidBy} takes that answer instead of asking again,
 * which saves the till one call to trade-core per payment.
 */
@Component
public class PayingTrades {

    private static final Logger log = LoggerFactory.getLogger(PayingTrades.class);
    /** Beyond the wait asked for: trade-core's answer travelling back. The Dubbo timeout bounds it anyway. */
    private static final long SLACK_MILLIS = 2_000;

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
     * The trade after {@code paid}, a pay order pay-core answered {@code SUCCESS}: the trade its answer carries when
     * that trade shows this pay order's payment recorded ({@link #recordedIn}), else the trade once it has left
     * {@code PAYING} ({@link #settled(String)}) — pay-core did not hand it over, or trade-core's answer did not come
     * back, and {@code PAY_SUCCEEDED} moves the trade instead.
     */
    public TradeDTO paidBy(PayOrderDTO paid) {
        TradeDTO carried = recordedIn(paid);
        return carried != null ? carried : settled(paid.tradeNo());
    }

    /**
     * The trade {@code paid}'s answer carries, if it is this pay order's trade paid by it: in a state a payment leaves
     * ({@code SUCCESS}, {@code AUTHORIZED}, or later) at the pay order's success time, which trade-core records as the
     * trade's payment time (a trade paid by another pay order has another); else null. pay-core carries only such a
     * trade; checked again here because the till's "paid" must be what {@code GET /api/v1/trades/{trade_no}} answers.
     */
    static TradeDTO recordedIn(PayOrderDTO paid) {
        TradeDTO trade = paid.trade();
        return trade != null && trade.recordsPayment(paid.tradeNo(), paid.finishedAt()) ? trade : null;
    }

    /**
     * The trade once it has left {@code PAYING}, or still {@code PAYING} after the patience: then the
     * caller says "in progress, ask again", which is never wrong, only less convenient.
     */
    public TradeDTO settled(String tradeNo) {
        long deadline = System.nanoTime() + patienceNanos;
        TradeDTO trade = null;
        do {
            if (trade != null && !pause()) {
                return trade; // interrupted
            }
            long left = trade == null ? TimeUnit.NANOSECONDS.toMillis(patienceNanos) // the first ask: all of it
                    : TimeUnit.NANOSECONDS.toMillis(Math.max(0, deadline - System.nanoTime()));
            CompletableFuture<Result<TradeDTO>> waited = waitAtTradeCore(tradeNo, left);
            if (waited == null) {
                return polled(tradeNo, trade, deadline);
            }
            try {
                trade = Results.unwrap(waited.get(left + SLACK_MILLIS, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return trade == null ? current(tradeNo) : trade;
            } catch (ExecutionException | TimeoutException e) {
                log.warn("trade-core did not answer the wait for {}; reading the trade instead: {}", tradeNo, e.toString());
                return polled(tradeNo, trade, deadline);
            }
        } while (trade.status() == TradeStatus.PAYING && deadline - System.nanoTime() > TimeUnit.MILLISECONDS.toNanos(everyMillis));
        return trade;
    }

    /**
     * Between two waits: trade-core answered "still PAYING" before the patience ran out (its own
     * longest wait, or too many waits at once), so the next ask is not made in a tight loop.
     */
    private boolean pause() {
        try {
            Thread.sleep(everyMillis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** trade-core's wait, or null when it cannot be asked (the caller reads the trade itself). */
    private CompletableFuture<Result<TradeDTO>> waitAtTradeCore(String tradeNo, long patienceMillis) {
        try {
            return trades.settled(TradeByNoQry.internal(tradeNo), patienceMillis);
        } catch (RpcException e) {
            log.warn("trade-core cannot wait for {}; reading the trade instead: {}", tradeNo, e.toString());
            return null;
        }
    }

    /** The trade read every {@code every} until it leaves {@code PAYING} or the deadline passes. */
    private TradeDTO polled(String tradeNo, TradeDTO known, long deadline) {
        TradeDTO trade = known == null ? current(tradeNo) : known;
        while (trade.status() == TradeStatus.PAYING && System.nanoTime() < deadline && pause()) {
            trade = current(tradeNo);
        }
        return trade;
    }
}
