package io.paysuite.member.infra.merchant;

import static io.paysuite.member.infra.DbTime.instant;
import static io.paysuite.member.infra.DbTime.utc;

import io.paysuite.api.member.RealNameStatus;
import io.paysuite.kit.jdbc.DuplicateKey;
import io.paysuite.member.merchant.Merchant;
import io.paysuite.member.merchant.MerchantRepository;
import io.paysuite.member.merchant.NewMerchant;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link MerchantRepository} over tables {@code merchant}, {@code merchant_app} and {@code app_key}. */
@Repository
public class MyBatisMerchantRepository implements MerchantRepository {

    /** A generated merchant id is M + the row's number; the auto-increment starts at 10000001. */
    static final String MERCHANT_PREFIX = "M";

    private final MerchantMapper merchants;
    private final AppKeyMapper keys;
    private final TransactionTemplate tx;

    public MyBatisMerchantRepository(MerchantMapper merchants, AppKeyMapper keys, TransactionTemplate tx) {
        this.merchants = merchants;
        this.keys = keys;
        this.tx = tx;
    }

    /**
     * The merchant row goes first so that the request number's unique index decides a race before
     * anything else is written; a conflict on any key rolls the whole onboarding back.
     */
    @Override
    public Optional<Merchant> insert(NewMerchant merchant) {
        try {
            return Optional.of(tx.execute(status -> write(merchant)));
        } catch (DataAccessException failure) {
            if (DuplicateKey.isCause(failure)) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    private Merchant write(NewMerchant m) {
        MerchantDO row = new MerchantDO();
        row.merchantId = m.merchantId();
        row.name = m.name();
        row.realNameStatus = RealNameStatus.UNVERIFIED.name();
        row.enabled = true;
        row.requestNo = m.requestNo();
        row.requestDigest = m.requestDigest();
        row.onboardAppId = m.appId();
        row.onboardSerialNo = m.serialNo();
        row.createdAt = utc(m.createdAt());
        row.updatedAt = row.createdAt;
        merchants.insertMerchant(row);
        if (row.merchantId == null) {
            row.merchantId = MERCHANT_PREFIX + row.id;
            merchants.numberMerchant(row.id, row.merchantId);
        }
        merchants.insertApp(m.appId(), row.merchantId, row.createdAt);
        AppKeyDO key = new AppKeyDO();
        key.appId = m.appId();
        key.serialNo = m.serialNo();
        key.publicKeyPem = m.publicKeyPem();
        key.validFrom = row.createdAt;
        key.createdAt = row.createdAt;
        keys.insert(key);
        return toMerchant(row);
    }

    @Override
    public Optional<Merchant> findByRequestNo(String requestNo) {
        return Optional.ofNullable(merchants.findByRequestNo(requestNo)).map(MyBatisMerchantRepository::toMerchant);
    }

    @Override
    public Optional<Merchant> findByMerchantId(String merchantId) {
        return Optional.ofNullable(merchants.findByMerchantId(merchantId)).map(MyBatisMerchantRepository::toMerchant);
    }

    @Override
    public boolean appExists(String appId) {
        return merchants.countApps(appId) > 0;
    }

    static Merchant toMerchant(MerchantDO row) {
        return new Merchant(row.merchantId, row.name, RealNameStatus.valueOf(row.realNameStatus), row.enabled,
                row.requestNo, row.requestDigest, row.onboardAppId, row.onboardSerialNo, instant(row.createdAt));
    }
}
