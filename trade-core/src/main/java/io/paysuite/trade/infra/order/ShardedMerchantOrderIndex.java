package io.paysuite.trade.infra.order;

import static io.paysuite.trade.infra.order.ShardedTradeRepository.instant;
import static io.paysuite.trade.infra.order.ShardedTradeRepository.utc;

import io.paysuite.kit.jdbc.DuplicateKey;
import io.paysuite.kit.sharding.ShardReads;
import io.paysuite.trade.order.MerchantOrderEntry;
import io.paysuite.trade.order.MerchantOrderIndex;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Repository;

/**
 * {@link MerchantOrderIndex} over the sharded {@code trade_merchant_index} tables. The claim and the read each run
 * alone in auto-commit, outside any transaction (they start a creation, before the trade's own transaction), so each
 * goes straight to the physical table the merchant's gene names ({@link ShardReads#byKey}), past ShardingSphere. The
 * claim's duplicate then comes from the driver unwrapped; {@link DuplicateKey} reads it the same.
 */
@Repository
public class ShardedMerchantOrderIndex implements MerchantOrderIndex {

    /** The logic table; the merchant id is its only sharding column (ShardingConfig). */
    static final String TABLE = "trade_merchant_index";

    private final MerchantIndexMapper mapper;
    private final ShardReads reads;

    /** Through ShardingSphere as it is (tests over an in-memory mapper). */
    public ShardedMerchantOrderIndex(MerchantIndexMapper mapper) {
        this(mapper, ShardReads.THROUGH_SHARDING);
    }

    /** @param reads routes each statement, by the merchant id, straight to its physical table */
    @Autowired
    public ShardedMerchantOrderIndex(MerchantIndexMapper mapper, ShardReads reads) {
        this.mapper = mapper;
        this.reads = reads;
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
            reads.byKey(TABLE, row.merchantId, () -> mapper.insert(row));
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
        return Optional.ofNullable(reads.byKey(TABLE, merchantId, () -> mapper.find(merchantId, outTradeNo)))
                .map(row -> new MerchantOrderEntry(row.merchantId, row.outTradeNo, row.tradeNo, row.requestDigest,
                        instant(row.createdAt)));
    }
}
