package io.paysuite.member.infra.promotion;

import static io.paysuite.member.infra.DbTime.utc;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.HoldStatus;
import io.paysuite.kit.jdbc.DuplicateKey;
import io.paysuite.member.promotion.HoldTransitions;
import io.paysuite.member.promotion.PointsBalance;
import io.paysuite.member.promotion.PointsRepository;
import io.paysuite.member.promotion.PointsUse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link PointsRepository} over MyBatis: each change is one transaction of the use's compare-and-set
 * (or insert), the account's conditional UPDATE and the movement under its unique key; any miss rolls
 * the whole transaction back.
 */
@Repository
public class MyBatisPointsRepository implements PointsRepository {

    private final PointsMapper mapper;
    private final TransactionTemplate tx;

    public MyBatisPointsRepository(PointsMapper mapper, TransactionTemplate tx) {
        this.mapper = mapper;
        this.tx = tx;
    }

    @Override
    public PointsBalance balance(String buyerId) {
        PointsAccountDO row = mapper.findAccount(buyerId);
        return row == null ? new PointsBalance(buyerId, 0, 0) : new PointsBalance(buyerId, row.available, row.frozen);
    }

    @Override
    public boolean grant(String buyerId, long points, String requestNo, String reason, Instant now) {
        LocalDateTime at = utc(now);
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!granted(mapper, buyerId, points, requestNo, reason, at)) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    /**
     * A grant's writes, inside the caller's transaction: the movement under the grant's key ({@code GRANT:<request
     * no>}), then the credit. False, with nothing credited, when that key was granted before.
     */
    static boolean granted(PointsMapper mapper, String buyerId, long points, String requestNo, String reason, LocalDateTime at) {
        if (!DuplicateKey.inserted(() -> mapper.insertMovement(buyerId, "GRANT", "GRANT:" + requestNo, points, 0, reason, at))) {
            return false;
        }
        mapper.credit(buyerId, points, at);
        return true;
    }

    @Override
    public Optional<PointsUse> findUse(String useKey) {
        return Optional.ofNullable(mapper.findUse(useKey)).map(row -> new PointsUse(row.useKey, row.buyerId, row.tradeNo,
                row.points, Money.of(row.valueMinor, row.currency), HoldStatus.valueOf(row.status)));
    }

    @Override
    public boolean freeze(PointsUse use, Instant now) {
        LocalDateTime at = utc(now);
        PointsUseDO row = useRow(use, at);
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!DuplicateKey.inserted(() -> mapper.insertUse(row))
                    || mapper.freeze(use.buyerId(), use.points(), at) != 1
                    || !DuplicateKey.inserted(() -> mapper.insertMovement(use.buyerId(), "FREEZE", "FREEZE:" + use.useKey(),
                            -use.points(), use.points(), null, at))) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    @Override
    public boolean insertReleased(String useKey, String currency, Instant now) {
        PointsUseDO row = useRow(new PointsUse(useKey, null, null, 0, Money.of(0, currency), HoldStatus.RELEASED), utc(now));
        return DuplicateKey.inserted(() -> mapper.insertUse(row));
    }

    @Override
    public boolean settle(PointsUse use, HoldStatus from, HoldStatus to, Instant now) {
        HoldTransitions.TABLE.require(from, to);
        LocalDateTime at = utc(now);
        return Boolean.TRUE.equals(tx.execute(status -> {
            boolean moved = mapper.moveUse(use.useKey(), from.name(), to.name(), at) == 1 && switch (to) {
                case CONFIRMED -> mapper.unfreeze(use.buyerId(), use.points(), false, at) == 1
                        && movement(use, "CONFIRM", 0, -use.points(), at);
                case RELEASED -> mapper.unfreeze(use.buyerId(), use.points(), true, at) == 1
                        && movement(use, "RELEASE", use.points(), -use.points(), at);
                case RETURNED -> mapper.credit(use.buyerId(), use.points(), at) >= 1
                        && movement(use, "GIVE_BACK", use.points(), 0, at);
                case FROZEN -> false;
            };
            if (!moved) {
                status.setRollbackOnly();
            }
            return moved;
        }));
    }

    private boolean movement(PointsUse use, String kind, long availableDelta, long frozenDelta, LocalDateTime at) {
        return DuplicateKey.inserted(() -> mapper.insertMovement(use.buyerId(), kind, kind + ":" + use.useKey(),
                availableDelta, frozenDelta, null, at));
    }

    private static PointsUseDO useRow(PointsUse use, LocalDateTime at) {
        PointsUseDO row = new PointsUseDO();
        row.useKey = use.useKey();
        row.buyerId = use.buyerId();
        row.tradeNo = use.tradeNo();
        row.points = use.points();
        row.valueMinor = use.value().minor();
        row.currency = use.value().currency();
        row.status = use.status().name();
        row.createdAt = at;
        row.updatedAt = at;
        return row;
    }
}
