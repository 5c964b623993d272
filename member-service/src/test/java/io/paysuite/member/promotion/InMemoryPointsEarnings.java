package io.paysuite.member.promotion;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link PointsEarningRepository} in memory over an {@link InMemoryPoints}' accounts, with the SQL's semantics: the
 * trade and refund numbers are unique, the earning moves only from the refunds it was read with, and the account
 * never goes below zero (each method is atomic under the accounts' lock).
 */
final class InMemoryPointsEarnings implements PointsEarningRepository {

    private final InMemoryPoints accounts;
    private final Map<String, PointsEarning> earnings = new ConcurrentHashMap<>();
    private final Map<String, PointsTakeBack> takeBacks = new ConcurrentHashMap<>();
    /** Run inside {@link #takeBack} before anything is checked: a test's concurrent change. */
    Runnable beforeTakeBack = () -> { };

    InMemoryPointsEarnings(InMemoryPoints accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<PointsEarning> find(String tradeNo) {
        return Optional.ofNullable(earnings.get(tradeNo));
    }

    @Override
    public Optional<PointsTakeBack> findTakeBack(String refundNo) {
        return Optional.ofNullable(takeBacks.get(refundNo));
    }

    @Override
    public boolean earn(PointsEarning earning, String requestNo, String reason, Instant now) {
        synchronized (accounts) {
            if (earnings.containsKey(earning.tradeNo())) {
                return false;
            }
            if (earning.points() > 0) {
                if (!accounts.movements.add("GRANT:" + requestNo)) {
                    return false;
                }
                accounts.move(earning.buyerId(), earning.points(), 0);
            }
            earnings.put(earning.tradeNo(), earning);
            return true;
        }
    }

    @Override
    public TakeBackWrite takeBack(PointsEarning before, long refundMinor, PointsTakeBack takeBack, Instant now) {
        synchronized (accounts) {
            Runnable change = beforeTakeBack;
            beforeTakeBack = () -> { };
            change.run();
            if (takeBacks.containsKey(takeBack.refundNo())) {
                return TakeBackWrite.REPEAT;
            }
            PointsEarning stored = earnings.get(before.tradeNo());
            if (stored.refundedMinor() != before.refundedMinor()
                    || accounts.balance(takeBack.buyerId()).available() < takeBack.taken()) {
                return TakeBackWrite.STALE;
            }
            accounts.move(takeBack.buyerId(), -takeBack.taken(), 0);
            earnings.put(stored.tradeNo(), new PointsEarning(stored.tradeNo(), stored.buyerId(), stored.points(),
                    stored.priceMinor(), stored.cashMinor(), stored.currency(), stored.refundedAfter(refundMinor),
                    stored.takenBack() + takeBack.taken(), stored.forgiven() + takeBack.due() - takeBack.taken()));
            takeBacks.put(takeBack.refundNo(), takeBack);
            return TakeBackWrite.WRITTEN;
        }
    }
}
