package io.paysuite.pay.infra.order;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pay_order} in memory with the SQL of {@link PayOrderMapper}: the two unique keys, and a
 * transition that writes only a row still in {@code from}, stamping {@code finished_at} on a final
 * state.
 */
final class InMemoryPayOrderMapper implements PayOrderMapper {

    final Map<String, PayOrderDO> rows = new LinkedHashMap<>();

    @Override
    public int insert(PayOrderDO row) {
        if (rows.containsKey(row.payOrderNo) || findByRequest(row.tradeNo, row.requestNo) != null) {
            throw new org.springframework.dao.DuplicateKeyException(row.payOrderNo);
        }
        rows.put(row.payOrderNo, row);
        return 1;
    }

    @Override
    public PayOrderDO find(String payOrderNo) {
        return rows.get(payOrderNo);
    }

    @Override
    public PayOrderDO findByRequest(String tradeNo, String requestNo) {
        return rows.values().stream().filter(r -> r.tradeNo.equals(tradeNo) && r.requestNo.equals(requestNo))
                .findFirst().orElse(null);
    }

    @Override
    public List<PayOrderDO> findByTrade(String tradeNo) {
        return rows.values().stream().filter(r -> r.tradeNo.equals(tradeNo))
                .sorted(Comparator.comparing((PayOrderDO r) -> r.createdAt).thenComparing(r -> r.payOrderNo)).toList();
    }

    @Override
    public List<PayOrderDO> findByTrades(Collection<String> tradeNos) {
        return rows.values().stream().filter(r -> tradeNos.contains(r.tradeNo)).toList();
    }

    @Override
    public int transition(String payOrderNo, String from, String to, String failCode, String channel, LocalDateTime at) {
        PayOrderDO row = rows.get(payOrderNo);
        if (row == null || !row.status.equals(from)) {
            return 0;
        }
        row.status = to;
        row.failCode = failCode;
        row.channel = channel;
        row.updatedAt = at;
        row.version++;
        if (to.equals("SUCCESS") || to.equals("FAILED")) {
            row.finishedAt = at;
        }
        return 1;
    }

    /** As the SQL: only SUCCESS rows not yet marked; neither version nor updated_at change. */
    @Override
    public int markAnnounced(Collection<String> payOrderNos, LocalDateTime at) {
        int marked = 0;
        for (String no : payOrderNos) {
            PayOrderDO row = rows.get(no);
            if (row != null && "SUCCESS".equals(row.status) && row.announcedAt == null) {
                row.announcedAt = at;
                marked++;
            }
        }
        return marked;
    }

    @Override
    public int planParts(String payOrderNo, String couponId, boolean usePoints) {
        PayOrderDO row = rows.get(payOrderNo);
        if (row == null || !"CREATED".equals(row.status)) {
            return 0;
        }
        row.couponId = couponId;
        row.usePoints = usePoints;
        return 1;
    }

    @Override
    public int recordCoupon(String payOrderNo, String name, long minor, String fundedBy) {
        PayOrderDO row = rows.get(payOrderNo);
        if (row == null || row.couponId == null) {
            return 0;
        }
        row.couponName = name;
        row.couponMinor = minor;
        row.couponFundedBy = fundedBy;
        return 1;
    }

    @Override
    public int recordPoints(String payOrderNo, long points, long minor) {
        PayOrderDO row = rows.get(payOrderNo);
        if (row == null || !row.usePoints) {
            return 0;
        }
        row.points = points;
        row.pointsMinor = minor;
        return 1;
    }
}
