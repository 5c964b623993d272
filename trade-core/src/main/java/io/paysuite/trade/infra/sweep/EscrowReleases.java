package io.paysuite.trade.infra.sweep;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.event.EventType;
import io.paysuite.api.event.TradeFinished;
import io.paysuite.kit.mq.EventJson;
import io.paysuite.trade.order.TradeEventLog;
import io.paysuite.trade.order.TradeLedger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The escrow release of a confirmed guarantee trade, posted under {@code REL-<trade no>} and marked
 * ({@code trade_order.released_at}) once the ledger answered it. The {@code TRADE_FINISHED} consumer
 * posts through here; a trade whose consumer and late follow-ups were all lost stays unmarked, and the
 * janitor releases it again from the {@code TRADE_FINISHED} event it committed with — the same body,
 * the same key, so the ledger answers the first posting if there was one.
 */
@Component
public class EscrowReleases {

    private final TradeLedger ledger;
    private final TradeSweepMapper sweeps;
    private final TradeEventLog events;
    private final Clock clock;

    @Autowired
    public EscrowReleases(TradeLedger ledger, TradeSweepMapper sweeps, TradeEventLog events) {
        this(ledger, sweeps, events, Clock.systemUTC());
    }

    EscrowReleases(TradeLedger ledger, TradeSweepMapper sweeps, TradeEventLog events, Clock clock) {
        this.ledger = ledger;
        this.sweeps = sweeps;
        this.events = events;
        this.clock = clock;
    }

    /** Posts the release; true when the ledger answered it (and it is marked), false when unknown. */
    public boolean release(TradeFinished finished) {
        if (ledger.release(finished).outcome() == Outcome.UNKNOWN) {
            return false;
        }
        sweeps.markReleased(finished.tradeNo(), LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        return true;
    }

    /** Finished trades whose release was not answered, confirmed before {@code before}. */
    public List<String> unreleasedSince(Instant before, int limit) {
        return sweeps.unreleasedSince(LocalDateTime.ofInstant(before, ZoneOffset.UTC), limit);
    }

    /** The janitor's re-drive: the release again, from the trade's own TRADE_FINISHED. */
    public void redrive(String tradeNo) {
        TradeFinished finished = events.eventsOf(tradeNo).stream()
                .filter(event -> EventType.TRADE_FINISHED.tag().equals(event.eventType()))
                .findFirst()
                .map(event -> EventJson.read(event.payload().getBytes(StandardCharsets.UTF_8), TradeFinished.class))
                .orElseThrow(() -> new IllegalStateException("ALARM: finished trade " + tradeNo + " has no TRADE_FINISHED event"));
        if (!release(finished)) {
            throw new IllegalStateException("release of " + tradeNo + " still unknown");
        }
    }
}
