package io.paysuite.member.infra.promotion;

import static io.paysuite.member.infra.DbTime.utc;

import io.paysuite.api.money.Money;
import io.paysuite.kit.jdbc.DuplicateKey;
import io.paysuite.member.promotion.PointsEarning;
import io.paysuite.member.promotion.PointsEarningRepository;
import io.paysuite.member.promotion.PointsTakeBack;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link PointsEarningRepository} over MyBatis: each write is one transaction whose first statement is the insert
 * under the business key (trade or refund number), so a repeat stops there; any later miss (the earning moved by
 * another refund, the buyer's points no longer there) rolls the whole transaction back.
 */
@Repository
public class MyBatisPointsEarningRepository implements PointsEarningRepository {

    private final PointsEarningMapper earnings;
    private final PointsMapper accounts;
    private final TransactionTemplate tx;

    public MyBatisPointsEarningRepository(PointsEarningMapper earnings, PointsMapper accounts, TransactionTemplate tx) {
        this.earnings = earnings;
        this.accounts = accounts;
        this.tx = tx;
    }

    @Override
    public Optional<PointsEarning> find(String tradeNo) {
        return Optional.ofNullable(earnings.findEarning(tradeNo)).map(row -> new PointsEarning(row.tradeNo, row.buyerId,
                row.points, row.priceMinor, row.cashMinor, row.currency, row.refundedMinor, row.takenBack, row.forgiven));
    }

    @Override
    public Optional<PointsTakeBack> findTakeBack(String refundNo) {
        return Optional.ofNullable(earnings.findTakeBack(refundNo)).map(row -> new PointsTakeBack(row.refundNo, row.tradeNo,
                row.buyerId, row.pointsDue, row.pointsTaken, Money.of(row.valueMinor, row.currency)));
    }

    @Override
    public boolean earn(PointsEarning earning, String requestNo, String reason, Instant now) {
        LocalDateTime at = utc(now);
        PointsEarningDO row = new PointsEarningDO();
        row.tradeNo = earning.tradeNo();
        row.buyerId = earning.buyerId();
        row.points = earning.points();
        row.priceMinor = earning.priceMinor();
        row.cashMinor = earning.cashMinor();
        row.currency = earning.currency();
        row.createdAt = at;
        row.updatedAt = at;
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!DuplicateKey.inserted(() -> earnings.insertEarning(row))) {
                status.setRollbackOnly();
                return false;
            }
            // the grant's own writes, under its key: an operator's grant with the same request number would be this one
            if (earning.points() > 0
                    && !MyBatisPointsRepository.granted(accounts, earning.buyerId(), earning.points(), requestNo, reason, at)) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    @Override
    public TakeBackWrite takeBack(PointsEarning before, long refundMinor, PointsTakeBack takeBack, Instant now) {
        LocalDateTime at = utc(now);
        PointsTakeBackDO row = new PointsTakeBackDO();
        row.refundNo = takeBack.refundNo();
        row.tradeNo = takeBack.tradeNo();
        row.buyerId = takeBack.buyerId();
        row.pointsDue = takeBack.due();
        row.pointsTaken = takeBack.taken();
        row.valueMinor = takeBack.value().minor();
        row.currency = takeBack.value().currency();
        row.createdAt = at;
        return tx.execute(status -> {
            if (!DuplicateKey.inserted(() -> earnings.insertTakeBack(row))) {
                status.setRollbackOnly();
                return TakeBackWrite.REPEAT;
            }
            boolean written = earnings.moveEarning(before.tradeNo(), before.refundedMinor(), before.refundedAfter(refundMinor),
                    takeBack.taken(), takeBack.due() - takeBack.taken(), at) == 1
                    && (takeBack.taken() == 0 || accounts.debitAvailable(takeBack.buyerId(), takeBack.taken(), at) == 1
                            && DuplicateKey.inserted(() -> accounts.insertMovement(takeBack.buyerId(), "TAKE_BACK",
                                    "TAKE_BACK:" + takeBack.refundNo(), -takeBack.taken(), 0,
                                    "refund of trade " + takeBack.tradeNo(), at)));
            if (!written) {
                status.setRollbackOnly();
                return TakeBackWrite.STALE;
            }
            return TakeBackWrite.WRITTEN;
        });
    }
}
