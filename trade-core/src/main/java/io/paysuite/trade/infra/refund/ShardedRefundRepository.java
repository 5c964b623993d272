package io.paysuite.trade.infra.refund;

import static io.paysuite.trade.infra.order.ShardedTradeRepository.instant;
import static io.paysuite.trade.infra.order.ShardedTradeRepository.utc;

import io.paysuite.api.money.Money;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.kit.jdbc.DuplicateKey;
import io.paysuite.kit.sharding.ShardReads;
import io.paysuite.trade.refund.RefundOrder;
import io.paysuite.trade.refund.RefundRepository;
import io.paysuite.trade.refund.RefundTransitions;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Repository;

/**
 * {@link RefundRepository} over the sharded refund tables through MyBatis. The merchant refund number's claim and its
 * read, each alone in auto-commit before the refund's transaction, go straight to the {@code refund_merchant_index}
 * table the merchant's gene names ({@link ShardReads#byKey}), past ShardingSphere (inside a transaction, as they are);
 * the refund's insert runs in its trade's pinned transaction ({@code TradeChanges}). The rest goes through
 * ShardingSphere.
 */
@Repository
public class ShardedRefundRepository implements RefundRepository {

    /** Placed by the merchant id alone (ShardingConfig). */
    static final String CLAIMS = "refund_merchant_index";

    private final RefundMapper mapper;
    private final ShardReads reads;

    /** Through ShardingSphere as it is (tests over an in-memory mapper). */
    public ShardedRefundRepository(RefundMapper mapper) {
        this(mapper, ShardReads.THROUGH_SHARDING);
    }

    /** @param reads routes the claim and its read, by the merchant id, straight to their physical table */
    @Autowired
    public ShardedRefundRepository(RefundMapper mapper, ShardReads reads) {
        this.mapper = mapper;
        this.reads = reads;
    }

    @Override
    public boolean insert(RefundOrder r) {
        RefundDO row = new RefundDO();
        row.refundNo = r.refundNo();
        row.tradeNo = r.tradeNo();
        row.merchantId = r.merchantId();
        row.outRefundNo = r.outRefundNo();
        row.status = r.status().name();
        row.amountMinor = r.amount().minor();
        row.currency = r.amount().currency();
        row.paidMinor = r.paid().minor();
        row.refundedBeforeMinor = r.refundedBefore().minor();
        row.escrowHeld = r.escrowHeld();
        row.buyerId = r.buyerId();
        row.reason = r.reason();
        row.failCode = r.failCode();
        row.createdAt = utc(r.createdAt());
        row.updatedAt = utc(r.updatedAt());
        row.succeededAt = utc(r.succeededAt());
        return DuplicateKey.inserted(() -> mapper.insert(row));
    }

    @Override
    public boolean othersProcessing(String tradeNo, String refundNo) {
        return mapper.countOthersProcessing(tradeNo, refundNo) > 0;
    }

    @Override
    public Optional<RefundOrder> find(String refundNo) {
        return Optional.ofNullable(mapper.find(refundNo)).map(ShardedRefundRepository::toRefund);
    }

    @Override
    public List<RefundOrder> findAll(Collection<String> refundNos) {
        if (refundNos.isEmpty()) {
            return List.of(); // "IN ()" is no SQL
        }
        return mapper.findAll(refundNos).stream().map(ShardedRefundRepository::toRefund).toList();
    }

    private static RefundOrder toRefund(RefundDO row) {
        String c = row.currency;
        return new RefundOrder(row.refundNo, row.tradeNo, row.merchantId, row.outRefundNo,
                RefundStatus.valueOf(row.status), new Money(row.amountMinor, c), new Money(row.paidMinor, c),
                new Money(row.refundedBeforeMinor, c), row.escrowHeld, row.buyerId, row.reason, row.failCode,
                instant(row.createdAt), instant(row.updatedAt), instant(row.succeededAt));
    }

    @Override
    public boolean finish(String refundNo, RefundStatus to, String failCode, Instant at) {
        RefundTransitions.TABLE.require(RefundStatus.PROCESSING, to);
        return mapper.finish(refundNo, to.name(), failCode, utc(at)) == 1;
    }

    @Override
    public Optional<Claim> claim(String merchantId, String outRefundNo, String refundNo, String digest, Instant at) {
        try {
            reads.byKey(CLAIMS, merchantId, () -> mapper.claim(merchantId, outRefundNo, refundNo, digest, utc(at)));
            return Optional.empty();
        } catch (DataAccessException failure) {
            if (DuplicateKey.isCause(failure)) {
                return findClaim(merchantId, outRefundNo);
            }
            throw failure;
        }
    }

    @Override
    public Optional<Claim> findClaim(String merchantId, String outRefundNo) {
        return Optional.ofNullable(reads.byKey(CLAIMS, merchantId, () -> mapper.findClaim(merchantId, outRefundNo)))
                .map(row -> new Claim(row.refundNo, row.requestDigest));
    }
}
