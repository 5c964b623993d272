package io.paysuite.trade.order;

import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.kit.memory.RecentlyKept;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * The trades this instance saw become final for their expiry lately (told by {@link TradeChanges} of every committed
 * change that carries the trade), so that the expiry timer of a trade paid within seconds need not be set at all
 * ({@code expiry.ExpiryArming}). Bounded twice: at most {@code capacity} trades, each for at most {@code retain}.
 * Only a hit means anything: a miss (another instance took the payment, the trade was forgotten, this instance
 * restarted) means "set the timer", as before.
 */
public final class RecentlyFinalTrades {

    /**
     * The states from which {@link TradeTransitions} leads back to neither {@code WAIT_PAY} (closed at expiry) nor
     * {@code AUTHORIZED} (voided at expiry): a trade in one has nothing left for its expiry timer to do. {@code PAYING}
     * is not one: a failed attempt gives the trade back ({@code PAYING → WAIT_PAY}), or it becomes {@code AUTHORIZED}.
     */
    public static final Set<TradeStatus> PAST_EXPIRY = pastExpiry();

    /** The trade numbers seen final, oldest first. */
    private final RecentlyKept<String, Boolean> seen;

    public RecentlyFinalTrades(int capacity, Duration retain, Clock clock) {
        if (capacity < 1 || retain == null || retain.isNegative()) {
            throw new IllegalArgumentException("a memory of final trades needs a positive capacity and a retention");
        }
        this.seen = new RecentlyKept<>(capacity, retain, clock);
    }

    /** A change committed on this instance, with the trade as it committed it when the change's event carries it. */
    public void changed(String tradeNo, TradeDTO committed) {
        if (committed == null || !PAST_EXPIRY.contains(committed.status())
                || !tradeNo.equals(committed.tradeNo())) {
            return;
        }
        seen.put(tradeNo, Boolean.TRUE); // seen again: moves to the newest end
    }

    /** Whether this instance saw the trade final within the last {@code retain}. */
    public boolean seenFinal(String tradeNo) {
        return seen.get(tradeNo).isPresent();
    }

    /** How many trades are remembered now. */
    int size() {
        return seen.size();
    }

    private static Set<TradeStatus> pastExpiry() {
        Set<TradeStatus> past = EnumSet.noneOf(TradeStatus.class);
        for (TradeStatus from : TradeStatus.values()) {
            Set<TradeStatus> reachable = EnumSet.of(from);
            Deque<TradeStatus> next = new ArrayDeque<>(reachable);
            while (!next.isEmpty()) {
                for (TradeStatus to : TradeTransitions.TABLE.next(next.pop())) {
                    if (reachable.add(to)) {
                        next.push(to);
                    }
                }
            }
            if (!reachable.contains(TradeStatus.WAIT_PAY) && !reachable.contains(TradeStatus.AUTHORIZED)) {
                past.add(from);
            }
        }
        return Collections.unmodifiableSet(past);
    }
}
