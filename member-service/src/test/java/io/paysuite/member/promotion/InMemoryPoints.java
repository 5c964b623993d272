package io.paysuite.member.promotion;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.HoldStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link PointsRepository} in memory with the SQL's semantics: the use key and movement keys are unique,
 * the account changes only when its condition holds, and each method is atomic (synchronized stands in
 * for the transaction).
 */
final class InMemoryPoints implements PointsRepository {

    private final Map<String, PointsBalance> accounts = new ConcurrentHashMap<>();
    private final Map<String, PointsUse> uses = new ConcurrentHashMap<>();
    final Set<String> movements = new HashSet<>();
    /** Run inside {@link #freeze} before the condition is checked: a test's concurrent change. */
    Runnable beforeFreeze = () -> { };

    @Override
    public PointsBalance balance(String buyerId) {
        return accounts.getOrDefault(buyerId, new PointsBalance(buyerId, 0, 0));
    }

    @Override
    public synchronized boolean grant(String buyerId, long points, String requestNo, String reason, Instant now) {
        if (!movements.add("GRANT:" + requestNo)) {
            return false;
        }
        move(buyerId, points, 0);
        return true;
    }

    @Override
    public Optional<PointsUse> findUse(String useKey) {
        return Optional.ofNullable(uses.get(useKey));
    }

    @Override
    public synchronized boolean freeze(PointsUse use, Instant now) {
        Runnable before = beforeFreeze;
        beforeFreeze = () -> { };
        before.run();
        if (uses.containsKey(use.useKey()) || balance(use.buyerId()).available() < use.points()) {
            return false;
        }
        uses.put(use.useKey(), use);
        movements.add("FREEZE:" + use.useKey());
        move(use.buyerId(), -use.points(), use.points());
        return true;
    }

    @Override
    public synchronized boolean insertReleased(String useKey, String currency, Instant now) {
        return uses.putIfAbsent(useKey, new PointsUse(useKey, null, null, 0, Money.of(0, currency), HoldStatus.RELEASED)) == null;
    }

    @Override
    public synchronized boolean settle(PointsUse use, HoldStatus from, HoldStatus to, Instant now) {
        HoldTransitions.TABLE.require(from, to);
        PointsUse stored = uses.get(use.useKey());
        if (stored == null || stored.status() != from) {
            return false;
        }
        uses.put(use.useKey(), stored.with(to));
        switch (to) {
            case CONFIRMED -> move(use.buyerId(), 0, -use.points());
            case RELEASED -> move(use.buyerId(), use.points(), -use.points());
            case RETURNED -> move(use.buyerId(), use.points(), 0);
            default -> throw new IllegalStateException();
        }
        return true;
    }

    void move(String buyerId, long available, long frozen) {
        PointsBalance b = balance(buyerId);
        PointsBalance after = new PointsBalance(buyerId, b.available() + available, b.frozen() + frozen);
        if (after.available() < 0 || after.frozen() < 0) {
            throw new IllegalStateException("negative points " + after);
        }
        accounts.put(buyerId, after);
    }
}
