package io.paysuite.trade.infra.order;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code trade_order} in memory, each update with the same {@code WHERE} as its SQL in
 * {@link TradeMapper}: a row changes only when it is in the state (and held by the pay order) the
 * statement names, so the repository's own checks are what the tests exercise.
 */
final class InMemoryTradeMapper implements TradeMapper {

    final Map<String, TradeDO> rows = new HashMap<>();
    /** Reads of trade_order, as the statements they stand for. */
    int reads;

    @Override
    public int insert(TradeDO row) {
        return rows.putIfAbsent(row.tradeNo, row) == null ? 1 : 0;
    }

    @Override
    public TradeDO findByTradeNo(String tradeNo) {
        reads++;
        return rows.get(tradeNo);
    }

    @Override
    public List<TradeDO> findByTradeNos(Collection<String> tradeNos) {
        reads++;
        return tradeNos.stream().distinct().map(rows::get).filter(Objects::nonNull).toList();
    }

    @Override
    public int transition(String tradeNo, String from, String to, LocalDateTime at) {
        TradeDO row = rows.get(tradeNo);
        if (row == null || !row.status.equals(from)) {
            return 0;
        }
        moved(row, to, at);
        if (to.equals("CLOSED")) {
            row.closedAt = at;
        }
        return 1;
    }

    @Override
    public TradeDO lock(String tradeNo) {
        return rows.get(tradeNo);
    }

    @Override
    public int beginPay(String tradeNo, String payOrderNo, LocalDateTime at) {
        TradeDO row = rows.get(tradeNo);
        if (row == null || !row.status.equals("WAIT_PAY")) {
            return 0;
        }
        moved(row, "PAYING", at);
        row.payOrderNo = payOrderNo;
        return 1;
    }

    @Override
    public int beginPayAtVersion(String tradeNo, String payOrderNo, LocalDateTime at, int version) {
        TradeDO row = rows.get(tradeNo);
        return row == null || row.version != version ? 0 : beginPay(tradeNo, payOrderNo, at);
    }

    @Override
    public int abandonPay(String tradeNo, String payOrderNo, LocalDateTime at) {
        TradeDO row = rows.get(tradeNo);
        if (row == null || !row.status.equals("PAYING") || !Objects.equals(row.payOrderNo, payOrderNo)) {
            return 0;
        }
        moved(row, "WAIT_PAY", at);
        row.payOrderNo = null;
        return 1;
    }

    @Override
    public int markPaid(String tradeNo, String payOrderNo, String status, long paidMinor, String payerId, String paidMethod,
                        String paidChannel, TradeDO promotion, LocalDateTime at) {
        TradeDO row = rows.get(tradeNo);
        if (row == null || !row.status.equals("PAYING") || !Objects.equals(row.payOrderNo, payOrderNo)) {
            return 0;
        }
        moved(row, status, at);
        row.paidMinor = paidMinor;
        row.payerId = payerId;
        row.paidMethod = paidMethod;
        row.paidChannel = paidChannel;
        row.couponId = promotion.couponId;
        row.couponName = promotion.couponName;
        row.couponMinor = promotion.couponMinor;
        row.couponFundedBy = promotion.couponFundedBy;
        row.pointsMinor = promotion.pointsMinor;
        row.paidAt = at;
        return 1;
    }

    @Override
    public int markPaidAtVersion(String tradeNo, String payOrderNo, String status, long paidMinor, String payerId,
                                 String paidMethod, String paidChannel, TradeDO promotion, LocalDateTime at, int version) {
        TradeDO row = rows.get(tradeNo);
        return row == null || row.version != version ? 0
                : markPaid(tradeNo, payOrderNo, status, paidMinor, payerId, paidMethod, paidChannel, promotion, at);
    }

    @Override
    public int endAuthorisation(String tradeNo, String to, long paidMinor, LocalDateTime at) {
        TradeDO row = rows.get(tradeNo);
        if (row == null || !row.status.equals("AUTHORIZED")) {
            return 0;
        }
        moved(row, to, at);
        row.paidMinor = paidMinor;
        return 1;
    }

    @Override
    public int addRefunded(String tradeNo, long delta, LocalDateTime at) {
        TradeDO row = rows.get(tradeNo);
        if (row == null || row.refundedMinor + delta > row.paidMinor || row.refundedMinor + delta < 0) {
            return 0;
        }
        row.refundedMinor += delta;
        row.updatedAt = at;
        row.version++;
        return 1;
    }

    private static void moved(TradeDO row, String to, LocalDateTime at) {
        row.status = to;
        row.updatedAt = at;
        row.version++;
    }
}
