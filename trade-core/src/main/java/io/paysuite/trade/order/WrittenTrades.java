package io.paysuite.trade.order;

import io.paysuite.kit.memory.RecentlyKept;
import io.paysuite.kit.shadow.ShadowContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Trades as this instance's own committed changes left them, kept for moments, so that the next step of the same
 * payment on this instance does not read back the row it has just written: the trade {@code create} wrote is the one
 * {@code beginPay} takes, and the trade {@code beginPay} wrote is the one pay-core's {@code PAY_SUCCEEDED} pays. The
 * trade that payment left is kept too, for one fact only: which pay order's payment is recorded (a permanent fact),
 * so that the same payment arriving again — pay-core's message after its direct hand-over — returns without a read.
 *
 * <p>Otherwise an image is used only as the expected row of a compare-and-set that also compares the row's {@code version}
 * (every write of a trade increments it). When that compare-and-set wins, the row was exactly the image, so every
 * decision taken from the image (status, holder, amount, buyer, expiry) is the one a read would have taken, and the
 * after-image is exact. When it misses — another instance changed the trade, or this one changed it without telling
 * this memory — the caller reads the trade and decides as it always did. A stale image therefore costs one update
 * that changes nothing, never a wrong answer; an image is never answered to anyone as the trade.
 *
 * <p>Bounded twice, as {@link RecentlyFinalTrades}: at most {@code capacity} trades, each for at most {@code retain}.
 * Only a hit saves anything: a miss (another instance made the previous step, the image was forgotten, this instance
 * restarted) reads the trade, as before. A load-test trade's image is kept apart from a real one's.
 */
@Component
public final class WrittenTrades {

    /** Keeps nothing: every step reads its trade (tests of the read paths, callers built without the memory). */
    public static final WrittenTrades NONE = new WrittenTrades(1, Duration.ZERO, Clock.systemUTC());

    private record Key(String tradeNo, boolean loadTest) {
    }

    /** Oldest first (an image written again moves to the newest end). */
    private final RecentlyKept<Key, Trade> kept;

    @Autowired
    public WrittenTrades(WrittenTradesProperties properties, Clock clock) {
        this(properties.capacity(), properties.retain(), clock);
    }

    public WrittenTrades(int capacity, Duration retain, Clock clock) {
        if (capacity < 1 || retain == null || retain.isNegative()) {
            throw new IllegalArgumentException("a memory of written trades needs a positive capacity and a retention");
        }
        this.kept = new RecentlyKept<>(capacity, retain, clock);
    }

    /**
     * The trade as a change of this instance committed it (call after the commit). An image older than the one kept
     * (a lower version: two changes told out of their order) is ignored.
     */
    public void wrote(Trade committed) {
        kept.put(key(committed.tradeNo()), committed, (before, now) -> before.version() > now.version() ? before : now);
    }

    /** The trade as this instance last wrote it within {@code retain}; empty when it does not know. */
    public Optional<Trade> written(String tradeNo) {
        return kept.get(key(tradeNo));
    }

    /** The trade needs no image any more, or the one kept is known stale. */
    public void forget(String tradeNo) {
        kept.remove(key(tradeNo));
    }

    /** How many trades are kept now. */
    int size() {
        return kept.size();
    }

    private static Key key(String tradeNo) {
        return new Key(tradeNo, ShadowContext.active());
    }
}
