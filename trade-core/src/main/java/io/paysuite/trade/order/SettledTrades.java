package io.paysuite.trade.order;

import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.kit.shadow.ShadowContext;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A trade once it has left {@code PAYING}, or as it stands after a bounded wait: what a till's answer
 * and the buyer's page tell, which is what {@code GET /trades/{trade_no}} will answer. The trade
 * follows its pay order through pay-core's {@code PAY_SUCCEEDED}, moments after the pay order itself,
 * so the cashier waits for it.
 *
 * <p>The wait happens here, beside the change, instead of the caller reading the trade every 50 ms:
 * every committed change of a trade on this instance ({@link TradeChanges}) {@linkplain #changed
 * signals} its waiters, which read the trade once and answer; a change another trade-core instance
 * applied is caught by a read every {@link SettleWaitProperties#recheck()}. A waiter is registered
 * before the first read, so a change committed meanwhile is either seen by that read or signalled.
 *
 * <p>The wait holds no thread: the caller gets a {@link CompletableFuture} (Dubbo answers an async
 * provider when it completes), and reads and deadlines run on two small scheduler threads. The
 * answer is always a trade: a read that fails while waiting keeps the last one, and "still
 * {@code PAYING}" is never wrong, only less convenient (the caller asks again).
 */
@Component
public class SettledTrades implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SettledTrades.class);

    private final TradeFinder finder;
    private final SettleWaitProperties properties;
    private final ScheduledExecutorService scheduler;
    private final ConcurrentHashMap<String, Set<Waiter>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger held = new AtomicInteger();

    @Autowired
    public SettledTrades(TradeFinder finder, SettleWaitProperties properties) {
        this(finder, properties, Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "trade-settle-wait");
            thread.setDaemon(true);
            return thread;
        }));
    }

    SettledTrades(TradeFinder finder, SettleWaitProperties properties, ScheduledExecutorService scheduler) {
        this.finder = finder;
        this.properties = properties;
        this.scheduler = scheduler;
    }

    /**
     * The trade once it is no longer {@code PAYING}, or as it stands after {@code patience} (at most
     * {@link SettleWaitProperties#longest()}). A trade that is not {@code PAYING}, or no patience,
     * answers at once from one read.
     *
     * @throws io.paysuite.api.error.BizException as {@link TradeFinder#trade}, at once ({@code TRADE_NOT_FOUND}, …)
     */
    public CompletableFuture<TradeDTO> settled(TradeByNoQry qry, Duration patience) {
        Duration wait = patience == null || patience.isNegative() ? Duration.ZERO
                : patience.compareTo(properties.longest()) > 0 ? properties.longest() : patience;
        if (wait.isZero() || held.incrementAndGet() > properties.capacity()) {
            if (!wait.isZero()) {
                held.decrementAndGet();
            }
            return CompletableFuture.completedFuture(finder.get(qry));
        }
        Waiter waiter = new Waiter(qry);
        waiting.compute(qry.tradeNo(), (no, waiters) -> {
            Set<Waiter> all = waiters == null ? ConcurrentHashMap.newKeySet() : waiters;
            all.add(waiter);
            return all;
        });
        Trade first;
        try {
            first = finder.trade(qry);
        } catch (RuntimeException e) {
            forget(waiter);
            throw e;
        }
        waiter.offer(first.toDTO());
        if (!waiter.answer.isDone()) {
            long every = Math.max(1, properties.recheck().toMillis());
            // a load-test trade is read on the shadow side, whichever thread reads it
            waiter.rechecks = scheduler.scheduleWithFixedDelay(ShadowContext.carried(() -> read(waiter)), every, every,
                    TimeUnit.MILLISECONDS);
            waiter.deadline = scheduler.schedule(ShadowContext.carried(() -> {
                read(waiter);
                waiter.answer.complete(waiter.last);
            }), wait.toMillis(), TimeUnit.MILLISECONDS);
        }
        waiter.answer.whenComplete((trade, failure) -> forget(waiter));
        return waiter.answer;
    }

    /**
     * A change of this trade committed on this instance: its waiters read it once (on the scheduler,
     * not the committing thread). Cheap when nobody waits: one map lookup.
     */
    public void changed(String tradeNo) {
        changed(tradeNo, null);
    }

    /**
     * As {@link #changed(String)}, with the trade as that change committed it (the payload of the event it
     * published, which is what the merchant is notified of): a waiter takes it as the answer without reading the
     * trade back — one read less per payment. A waiter that asked as a merchant, or a trade still {@code PAYING},
     * is read as before.
     */
    public void changed(String tradeNo, TradeDTO committed) {
        Set<Waiter> waiters = waiting.get(tradeNo);
        if (waiters == null) {
            return;
        }
        boolean settles = committed != null && committed.status() != TradeStatus.PAYING && tradeNo.equals(committed.tradeNo());
        for (Waiter waiter : waiters) {
            Runnable answer = settles && waiter.qry.merchantId() == null ? () -> waiter.offer(committed) : () -> read(waiter);
            try {
                scheduler.execute(ShadowContext.carried(answer));
            } catch (RuntimeException shuttingDown) {
                return; // the deadline answers, or shutdown does
            }
        }
    }

    /** How many waits are held now. */
    int held() {
        return held.get();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        waiting.values().forEach(waiters -> waiters.forEach(waiter -> waiter.answer.complete(waiter.last)));
    }

    private void read(Waiter waiter) {
        if (waiter.answer.isDone()) {
            return;
        }
        try {
            waiter.offer(finder.get(waiter.qry));
        } catch (RuntimeException e) {
            log.warn("trade {} not read while waiting for it to leave PAYING: {}", waiter.qry.tradeNo(), e.toString());
        }
    }

    private void forget(Waiter waiter) {
        if (waiter.forgotten.compareAndSet(false, true)) {
            waiting.computeIfPresent(waiter.qry.tradeNo(), (no, waiters) -> {
                waiters.remove(waiter);
                return waiters.isEmpty() ? null : waiters;
            });
            held.decrementAndGet();
        }
        if (waiter.rechecks != null) {
            waiter.rechecks.cancel(false);
        }
        if (waiter.deadline != null) {
            waiter.deadline.cancel(false);
        }
    }

    private static final class Waiter {
        final TradeByNoQry qry;
        final CompletableFuture<TradeDTO> answer = new CompletableFuture<>();
        final AtomicBoolean forgotten = new AtomicBoolean();
        volatile TradeDTO last;
        volatile ScheduledFuture<?> rechecks;
        volatile ScheduledFuture<?> deadline;

        Waiter(TradeByNoQry qry) {
            this.qry = qry;
        }

        void offer(TradeDTO trade) {
            last = trade;
            if (trade.status() != TradeStatus.PAYING) {
                answer.complete(trade);
            }
        }
    }
}
