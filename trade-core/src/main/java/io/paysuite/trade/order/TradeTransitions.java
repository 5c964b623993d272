package io.paysuite.trade.order;

import static io.paysuite.api.trade.TradeStatus.AUTHORIZED;
import static io.paysuite.api.trade.TradeStatus.CAPTURED;
import static io.paysuite.api.trade.TradeStatus.CLOSED;
import static io.paysuite.api.trade.TradeStatus.FINISHED;
import static io.paysuite.api.trade.TradeStatus.PAYING;
import static io.paysuite.api.trade.TradeStatus.SUCCESS;
import static io.paysuite.api.trade.TradeStatus.VOIDED;
import static io.paysuite.api.trade.TradeStatus.WAIT_PAY;

import io.paysuite.api.trade.TradeStatus;
import io.paysuite.kit.state.StateTable;

/**
 * The trade state machine as a table (docs/api/API.md, "Statuses"). The repository asks it before
 * every compare-and-set, so a change not in the table never reaches the database; final states
 * ({@code CLOSED}, {@code FINISHED}) have no way out. {@code PAYING → WAIT_PAY} is the way back after
 * a pay attempt failed definitely, so the buyer can try another method; an uncertain attempt keeps
 * the trade {@code PAYING}. {@code SUCCESS → FINISHED} is the buyer confirming a guarantee trade.
 * A pre-authorisation's payment ends in {@code AUTHORIZED} instead of {@code SUCCESS} (the money is
 * frozen, not the merchant's), and the merchant's capture or void (or the expiry) ends it once:
 * {@code CAPTURED} and {@code VOIDED} are final, so a second capture, or a capture after a void,
 * finds no way.
 */
public final class TradeTransitions {

    public static final StateTable<TradeStatus> TABLE = StateTable.of("trade", TradeStatus.class)
            .allow(WAIT_PAY, PAYING, CLOSED)
            .allow(PAYING, SUCCESS, WAIT_PAY, AUTHORIZED)
            .allow(SUCCESS, FINISHED)
            .allow(AUTHORIZED, CAPTURED, VOIDED)
            .terminal(CLOSED, FINISHED, CAPTURED, VOIDED)
            .build();

    private TradeTransitions() {
    }
}
