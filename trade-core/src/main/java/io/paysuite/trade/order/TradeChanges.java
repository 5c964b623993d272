package io.paysuite.trade.order;

import io.paysuite.api.event.EventType;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ids.ShardGene;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.kit.sharding.ShardReads;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every trade-side state change goes through here: the change runs in one local transaction
 * with its event row, and the event is delivered if and only if that transaction commits. The
 * event id carries the trade's shard gene, so both rows live in one physical database.
 *
 * <p>That transaction is pinned to the trade's shard ({@link ShardReads#onShardOf}): it runs on the physical
 * connection of the trade's database, past ShardingSphere, with every table the gene places named by its physical
 * table. So every change given to {@link #commit} touches only rows that the trade's number or numbers carrying its
 * gene place — {@code trade_order} by the trade number, {@code refund_order} by a refund number made with the trade's
 * gene ({@code RefundCreator}), {@code trade_event} by the event id made here — never a merchant index (placed by
 * the merchant) or a row found by another column; a statement on another key's table is refused, not run elsewhere.
 * The pin is consumed by the first connection the event port takes: its local transaction's begin.
 */
@Component
public class TradeChanges {

    /**
     * Events no service subscribes to (docs/architecture.md, event catalogue: "none (the trail)"): their row is the
     * trail, so they are recorded with their change but not sent through the broker ({@link TradeEvents#recordWith}).
     * Every payment takes its trade with {@code TRADE_PAYING}: one transactional message less per payment. An event
     * that gains a subscriber leaves this set.
     */
    public static final Set<EventType<?>> TRAIL_ONLY = Set.of(EventType.TRADE_PAYING, EventType.TRADE_PAY_ABANDONED);

    private final TradeEvents events;
    private final OrderNo orderNo;
    private final SettledTrades settled;
    private final RecentlyFinalTrades recentlyFinal;
    private final ShardReads shards;

    /**
     * @param settled       told of every committed change, so a till waiting for the trade hears it at once
     * @param recentlyFinal told of every committed change, so the expiry timer of a trade already final is not set
     * @param shards        pins each change's transaction to its trade's shard
     */
    @Autowired
    public TradeChanges(TradeEvents events, OrderNo orderNo, SettledTrades settled, RecentlyFinalTrades recentlyFinal,
                        ShardReads shards) {
        this.events = events;
        this.orderNo = orderNo;
        this.settled = settled;
        this.recentlyFinal = recentlyFinal;
        this.shards = shards;
    }

    /** Through ShardingSphere as it is (tests of the waits and the expiry). */
    public TradeChanges(TradeEvents events, OrderNo orderNo, SettledTrades settled, RecentlyFinalTrades recentlyFinal) {
        this(events, orderNo, settled, recentlyFinal, ShardReads.THROUGH_SHARDING);
    }

    /** Telling only the waiters (tests of the waits). */
    public TradeChanges(TradeEvents events, OrderNo orderNo, SettledTrades settled) {
        this(events, orderNo, settled, null);
    }

    /** Without anyone to tell (tests of the changes themselves). */
    public TradeChanges(TradeEvents events, OrderNo orderNo) {
        this(events, orderNo, null, null);
    }

    /**
     * Runs {@code change} (a compare-and-set that throws {@link StateMoved} when it missed) with
     * the event {@code type} carrying {@code payload}, on the trade's shard: {@code change} may touch only rows of
     * {@code tradeNo}'s gene (see above).
     */
    public <P, T> T commit(String tradeNo, EventType<P> type, P payload, Supplier<T> change) {
        String eventId = orderNo.next(OrderNo.Kind.EVENT, ShardGene.ofOrderNo(tradeNo));
        TradeEventDraft draft = TradeEventDraft.of(eventId, tradeNo, type, payload);
        T changed = shards.onShardOf(tradeNo,
                () -> TRAIL_ONLY.contains(type) ? events.recordWith(draft, change) : events.publishWith(draft, change));
        TradeDTO after = payload instanceof TradeDTO committed ? committed : null;
        if (recentlyFinal != null) {
            recentlyFinal.changed(tradeNo, after); // before the waiters: a map update, never throws
        }
        if (settled != null) {
            // committed: whoever waits for this trade hears it now, from the trade the change wrote where the event carries it
            settled.changed(tradeNo, after);
        }
        return changed;
    }

    /** Thrown inside a change whose compare-and-set missed: rolls the change and its event back. */
    public static final class StateMoved extends RuntimeException {
        public StateMoved(String what) {
            super(what, null, false, false);
        }
    }
}
