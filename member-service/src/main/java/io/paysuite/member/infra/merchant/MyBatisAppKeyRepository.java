package io.paysuite.member.infra.merchant;

import static io.paysuite.member.infra.DbTime.instant;
import static io.paysuite.member.infra.DbTime.utc;

import io.paysuite.kit.jdbc.DuplicateKey;
import io.paysuite.member.merchant.AppKey;
import io.paysuite.member.merchant.AppKeyRepository;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Repository;

/** {@link AppKeyRepository} over table {@code app_key} through MyBatis. */
@Repository
public class MyBatisAppKeyRepository implements AppKeyRepository {

    private final AppKeyMapper mapper;

    public MyBatisAppKeyRepository(AppKeyMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<String> merchantOfUsableApp(String appId) {
        return Optional.ofNullable(mapper.merchantOfUsableApp(appId));
    }

    @Override
    public boolean insert(AppKey key) {
        AppKeyDO row = new AppKeyDO();
        row.appId = key.appId();
        row.serialNo = key.serialNo();
        row.publicKeyPem = key.publicKeyPem();
        row.validFrom = utc(key.validFrom());
        row.validUntil = utc(key.validUntil());
        row.createdAt = row.validFrom;
        try {
            return mapper.insert(row) == 1;
        } catch (DataAccessException failure) {
            if (DuplicateKey.isCause(failure)) {
                return false;
            }
            throw failure;
        }
    }

    @Override
    public int retireOthers(String appId, String keepSerialNo, java.time.Instant until) {
        return mapper.retireOthers(appId, keepSerialNo, utc(until));
    }

    @Override
    public Optional<AppKey> findBySerialNo(String serialNo) {
        return Optional.ofNullable(mapper.findBySerialNo(serialNo)).map(MyBatisAppKeyRepository::toKey);
    }

    @Override
    public Optional<AppKey> findUsable(String appId, String serialNo) {
        return Optional.ofNullable(mapper.findUsable(appId, serialNo)).map(MyBatisAppKeyRepository::toKey);
    }

    static AppKey toKey(AppKeyDO row) {
        return new AppKey(row.merchantId, row.appId, row.serialNo, row.publicKeyPem, instant(row.validFrom),
                instant(row.validUntil));
    }
}
