package io.paysuite.member.infra.buyer;

import static io.paysuite.member.infra.DbTime.instant;
import static io.paysuite.member.infra.DbTime.utc;

import io.paysuite.api.member.RealNameStatus;
import io.paysuite.kit.jdbc.DuplicateKey;
import io.paysuite.member.buyer.Buyer;
import io.paysuite.member.buyer.BuyerRepository;
import io.paysuite.member.buyer.NewBuyer;
import io.paysuite.member.buyer.PayPasswordLockout;
import io.paysuite.member.buyer.PayPasswordState;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link BuyerRepository} over table {@code buyer} through MyBatis. */
@Repository
public class MyBatisBuyerRepository implements BuyerRepository {

    private final BuyerMapper mapper;
    private final TransactionTemplate tx;

    public MyBatisBuyerRepository(BuyerMapper mapper, TransactionTemplate tx) {
        this.mapper = mapper;
        this.tx = tx;
    }

    @Override
    public Optional<Buyer> insert(NewBuyer buyer) {
        BuyerDO row = new BuyerDO();
        row.phone = buyer.phone();
        row.loginPwdHash = buyer.loginPasswordHash();
        row.payPwdHash = buyer.payPasswordHash();
        row.nickname = buyer.nickname();
        row.realNameStatus = RealNameStatus.UNVERIFIED.name();
        row.createdAt = utc(buyer.createdAt());
        row.updatedAt = row.createdAt;
        if (!DuplicateKey.inserted(() -> mapper.insert(row))) {
            return Optional.empty();
        }
        return Optional.of(toBuyer(row));
    }

    @Override
    public Optional<Buyer> findByPhone(String phone) {
        return Optional.ofNullable(mapper.findByPhone(phone)).map(MyBatisBuyerRepository::toBuyer);
    }

    @Override
    public Optional<Buyer> findByNumber(long number) {
        return Optional.ofNullable(mapper.findById(number)).map(MyBatisBuyerRepository::toBuyer);
    }

    /**
     * The UPDATE holds the row lock until commit, so the SELECT in the same transaction sees this
     * attempt's count and no other's: each concurrent attempt learns its own position (1st, 2nd…).
     */
    @Override
    public PayPasswordState recordWrongPayPassword(long number, PayPasswordLockout lockout, Instant now) {
        return tx.execute(status -> {
            if (mapper.countWrongPayPassword(number, lockout.maxFailures(), utc(lockout.lockUntil(now)), utc(now)) != 1) {
                throw new IllegalStateException("buyer " + number + " vanished while counting a wrong payment password");
            }
            BuyerDO row = mapper.findById(number);
            return new PayPasswordState(row.payPwdFailures, instant(row.payLockedUntil));
        });
    }

    @Override
    public void clearExpiredLock(long number, Instant now) {
        mapper.clearExpiredLock(number, utc(now));
    }

    /** Connector/J reports matched rows (not changed rows) by default, so a no-op reset still counts as 1. */
    @Override
    public boolean resetPayFailures(long number, Instant now) {
        return mapper.resetPayFailures(number, utc(now)) == 1;
    }

    @Override
    public boolean replacePayPasswordHash(long number, String expectedHash, String newHash, Instant now) {
        return mapper.replacePayPasswordHash(number, expectedHash, newHash, utc(now)) == 1;
    }

    static Buyer toBuyer(BuyerDO row) {
        return new Buyer(row.id, row.phone, row.loginPwdHash, row.payPwdHash, row.nickname,
                RealNameStatus.valueOf(row.realNameStatus), row.payPwdFailures, instant(row.payLockedUntil),
                instant(row.createdAt));
    }
}
