package io.paysuite.trade.infra.order;

import static io.paysuite.trade.infra.order.ShardedTradeRepository.instant;
import static io.paysuite.trade.infra.order.ShardedTradeRepository.utc;

import io.paysuite.kit.jdbc.DuplicateKey;
import io.paysuite.trade.order.MerchantOrderEntry;
import io.paysuite.trade.order.MerchantOrderIndex;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Repository;

/** {@link MerchantOrderIndex} over the sharded {@code trade_merchant_index} tables. */
@Repository
public class ShardedMerchantOrderIndex implements MerchantOrderIndex {

    private final MerchantIndexMapper mapper;

    public ShardedMerchantOrderIndex(MerchantIndexMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<MerchantOrderEntry> claim(MerchantOrderEntry entry) {
        MerchantIndexDO row = new MerchantIndexDO();
        row.merchantId = entry.merchantId();
        row.outTradeNo = entry.outTradeNo();
        row.tradeNo = entry.tradeNo();
        row.requestDigest = entry.requestDigest();
        row.createdAt = utc(entry.createdAt());
        try {
            mapper.insert(row);
            return Optional.empty();
        } catch (DataAccessException failure) {
            if (!DuplicateKey.isCause(failure)) {
                throw failure;
            }
            return Optional.of(find(entry.merchantId(), entry.outTradeNo()).orElseThrow(() ->
                    new IllegalStateException("merchant order " + entry.merchantId() + "/" + entry.outTradeNo()
                            + " reported taken but not found")));
        }
    }

    @Override
    public Optional<MerchantOrderEntry> find(String merchantId, String outTradeNo) {
        return Optional.ofNullable(mapper.find(merchantId, outTradeNo)).map(row -> new MerchantOrderEntry(
                row.merchantId, row.outTradeNo, row.tradeNo, row.requestDigest, instant(row.createdAt)));
    }
}
