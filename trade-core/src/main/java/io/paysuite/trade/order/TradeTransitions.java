package io.paysuite.trade.order;

import io.paysuite.api.trade.TradeStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The trade state machine as a table (docs/api/API.md, "Statuses"). A change not in the table is
 * refused before it reaches the database; final states ({@code CLOSED}, {@code FINISHED}) have no
 * way out. {@code PAYING → WAIT_PAY} is the way back after a pay attempt failed definitely, so the
 * buyer can try another method; an uncertain attempt keeps the trade {@code PAYING}.
 */
public final class TradeTransitions {

    private static final Map<TradeStatus, Set<TradeStatus>> ALLOWED = new EnumMap<>(TradeStatus.class);

    static {
        ALLOWED.put(TradeStatus.WAIT_PAY, EnumSet.of(TradeStatus.PAYING, TradeStatus.CLOSED));
        ALLOWED.put(TradeStatus.PAYING, EnumSet.of(TradeStatus.SUCCESS, TradeStatus.WAIT_PAY));
        ALLOWED.put(TradeStatus.SUCCESS, EnumSet.of(TradeStatus.FINISHED));
        ALLOWED.put(TradeStatus.CLOSED, EnumSet.noneOf(TradeStatus.class));
        ALLOWED.put(TradeStatus.FINISHED, EnumSet.noneOf(TradeStatus.class));
    }

    private TradeTransitions() {
    }

    public static boolean allowed(TradeStatus from, TradeStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Refuses a change outside the table: a bug in the caller, logged as an alarm by the boundary. */
    public static void require(TradeStatus from, TradeStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalStateException("ALARM: trade transition " + from + " -> " + to + " is not in the table");
        }
    }
}
