package io.paysuite.accounting.settlement;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The janitor of settlements still {@code PROCESSING}: a lost {@code PAYOUT_FINAL}, a crash between
 * the steps of {@link SettlementPayouts#advance}, or an unknown payout answer leaves one behind; this
 * drives each on through the same idempotent path (its payout is asked again, never trusted from a message).
 */
public final class SettlementSweep {

    private static final Logger log = LoggerFactory.getLogger(SettlementSweep.class);
    static final int BATCH = 200;

    private final SettlementStore store;
    private final SettlementPayouts payouts;
    private final Duration after;
    private final Clock clock;

    public SettlementSweep(SettlementStore store, SettlementPayouts payouts, Duration after, Clock clock) {
        this.store = store;
        this.payouts = payouts;
        this.after = after;
        this.clock = clock;
    }

    /** @return how many settlements it looked at */
    public int sweep() {
        var open = store.processing(clock.instant().minus(after), BATCH);
        for (Settlement s : open) {
            try {
                payouts.advance(s);
            } catch (RuntimeException e) {
                log.warn("settlement {} could not be driven on; next sweep", s.settlementNo(), e);
            }
        }
        return open.size();
    }
}
