package io.paysuite.pay.infra.order;

import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.kit.jdbc.DuplicateKey;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.pay.order.PayOrder;
import io.paysuite.pay.order.PayParts;
import io.paysuite.pay.order.PayPartsStore;
import io.paysuite.pay.order.PayOrderTransitions;
import io.paysuite.pay.order.PayOrderRepository;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import io.paysuite.kit.sharding.ShardReads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;

/**
 * {@link PayOrderRepository} over the sharded {@code pay_order} tables through MyBatis, and the
 * combination payment's parts on the same rows ({@link PayPartsStore}). Every statement on one pay order by its
 * number (or its trade's, which carries the same gene) — the reads, the insert, the compare-and-sets, the parts —
 * is one auto-commit statement (pay-core runs no local transactions), routed past ShardingSphere straight to the
 * row's physical table ({@link ShardReads#byOrderNo}); the lists (a trade's pay orders, several trades', the announced
 * marks of many pay orders) go through ShardingSphere.
 */
@Repository
public class ShardedPayOrderRepository implements PayOrderRepository, PayPartsStore {

    private static final String TABLE = "pay_order";

    private final PayOrderMapper mapper;
    private final ShardReads reads;

    public ShardedPayOrderRepository(PayOrderMapper mapper) {
        this(mapper, ShardReads.THROUGH_SHARDING);
    }

    /** @param reads routes a statement on one pay order by its number (or its trade's) outside a transaction straight to its table */
    @Autowired
    public ShardedPayOrderRepository(PayOrderMapper mapper, ShardReads reads) {
        this.mapper = mapper;
        this.reads = reads;
    }

    @Override
    public boolean insert(PayOrder order) {
        try {
            return reads.byOrderNo(TABLE, order.payOrderNo(), () -> mapper.insert(toRow(order))) == 1;
        } catch (DataAccessException failure) {
            if (DuplicateKey.isCause(failure)) {
                return false;
            }
            throw failure;
        }
    }

    @Override
    public Optional<PayOrder> find(String payOrderNo) {
        return Optional.ofNullable(reads.byOrderNo(TABLE, payOrderNo, () -> mapper.find(payOrderNo)))
                .map(ShardedPayOrderRepository::toOrder);
    }

    @Override
    public Optional<PayOrder> findByRequest(String tradeNo, String requestNo) {
        return Optional.ofNullable(reads.byOrderNo(TABLE, tradeNo, () -> mapper.findByRequest(tradeNo, requestNo)))
                .map(ShardedPayOrderRepository::toOrder);
    }

    @Override
    public List<PayOrder> findByTrade(String tradeNo) {
        return mapper.findByTrade(tradeNo).stream().map(ShardedPayOrderRepository::toOrder).toList();
    }

    @Override
    public List<PayOrder> findByTrades(Collection<String> tradeNos) {
        if (tradeNos.isEmpty()) {
            return List.of(); // "IN ()" is no SQL
        }
        return mapper.findByTrades(tradeNos).stream().map(ShardedPayOrderRepository::toOrder).toList();
    }

    @Override
    public boolean transition(String payOrderNo, PayOrderStatus from, PayOrderStatus to, String failCode, String channel,
                              Instant at) {
        PayOrderTransitions.TABLE.require(from, to);
        // two nullable strings side by side: a swapped pair must fail here, not reach a row
        if ((failCode != null && to != PayOrderStatus.FAILED) || (channel != null && to != PayOrderStatus.SUCCESS)) {
            throw new IllegalArgumentException("pay order " + payOrderNo + " -> " + to + " cannot record fail_code "
                    + failCode + " / channel " + channel);
        }
        return reads.byOrderNo(TABLE, payOrderNo,
                () -> mapper.transition(payOrderNo, from.name(), to.name(), failCode, channel, utc(at))) == 1;
    }

    /** One statement through ShardingSphere: it routes the IN list by the numbers' genes, one UPDATE per table. */
    @Override
    public void markAnnounced(Collection<String> payOrderNos, Instant at) {
        if (!payOrderNos.isEmpty()) {
            mapper.markAnnounced(payOrderNos, utc(at));
        }
    }

    @Override
    public boolean plan(String payOrderNo, String couponId, boolean usePoints) {
        return reads.byOrderNo(TABLE, payOrderNo, () -> mapper.planParts(payOrderNo, couponId, usePoints)) == 1;
    }

    @Override
    public void recordCoupon(String payOrderNo, String name, long minor, FundedBy fundedBy) {
        reads.byOrderNo(TABLE, payOrderNo, () -> mapper.recordCoupon(payOrderNo, name, minor, fundedBy.name()));
    }

    @Override
    public void recordPoints(String payOrderNo, long points, long minor) {
        reads.byOrderNo(TABLE, payOrderNo, () -> mapper.recordPoints(payOrderNo, points, minor));
    }

    static PayOrderDO toRow(PayOrder o) {
        PayOrderDO row = new PayOrderDO();
        row.payOrderNo = o.payOrderNo();
        row.tradeNo = o.tradeNo();
        row.requestNo = o.requestNo();
        row.requestDigest = o.requestDigest();
        row.buyerId = o.buyerId();
        row.merchantId = o.merchantId();
        row.method = o.method().name();
        row.status = o.status().name();
        row.amountMinor = o.amount().minor();
        row.currency = o.amount().currency();
        row.createdAt = utc(o.createdAt());
        row.updatedAt = utc(o.updatedAt());
        row.finishedAt = utc(o.finishedAt());
        row.version = o.version();
        row.failCode = o.failCode();
        row.channel = o.channel();
        return row;
    }

    static PayOrder toOrder(PayOrderDO row) {
        return new PayOrder(row.payOrderNo, row.tradeNo, row.requestNo, row.requestDigest, row.buyerId,
                row.merchantId, PayMethod.valueOf(row.method), PayOrderStatus.valueOf(row.status),
                Money.of(row.amountMinor, row.currency), instant(row.createdAt), instant(row.updatedAt),
                instant(row.finishedAt), row.version, row.failCode, row.channel, partsOf(row), instant(row.announcedAt));
    }

    private static PayParts partsOf(PayOrderDO row) {
        if (row.couponId == null && !row.usePoints) {
            return PayParts.NONE;
        }
        return new PayParts(row.couponId, row.usePoints, row.couponName, row.couponMinor == null ? 0 : row.couponMinor,
                row.couponFundedBy == null ? null : FundedBy.valueOf(row.couponFundedBy),
                row.points == null ? 0 : row.points, row.pointsMinor == null ? 0 : row.pointsMinor);
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
