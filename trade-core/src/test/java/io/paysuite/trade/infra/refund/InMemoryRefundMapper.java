package io.paysuite.trade.infra.refund;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code refund_order} and {@code refund_merchant_index} in memory, with the unique keys and the
 * compare-and-set {@code WHERE status = 'PROCESSING'} of their SQL in {@link RefundMapper}.
 */
final class InMemoryRefundMapper implements RefundMapper {

    final Map<String, RefundDO> rows = new HashMap<>();
    final Map<String, ClaimDO> claims = new HashMap<>();
    int writes;
    /** Reads of refund_order, as the statements they stand for. */
    int reads;

    @Override
    public int insert(RefundDO row) {
        if (rows.putIfAbsent(row.refundNo, row) != null) {
            throw new org.springframework.dao.DuplicateKeyException(row.refundNo);
        }
        return 1;
    }

    @Override
    public RefundDO find(String refundNo) {
        reads++;
        return rows.get(refundNo);
    }

    @Override
    public List<RefundDO> findAll(Collection<String> refundNos) {
        reads++;
        return refundNos.stream().distinct().map(rows::get).filter(Objects::nonNull).toList();
    }

    @Override
    public int countOthersProcessing(String tradeNo, String refundNo) {
        return (int) rows.values().stream().filter(row -> row.tradeNo.equals(tradeNo) && !row.refundNo.equals(refundNo)
                && row.status.equals("PROCESSING")).count();
    }

    @Override
    public int finish(String refundNo, String to, String failCode, LocalDateTime at) {
        RefundDO row = rows.get(refundNo);
        if (row == null || !row.status.equals("PROCESSING")) {
            return 0;
        }
        row.status = to;
        row.failCode = failCode;
        row.updatedAt = at;
        row.succeededAt = to.equals("SUCCESS") ? at : null;
        writes++;
        return 1;
    }

    @Override
    public int claim(String merchantId, String outRefundNo, String refundNo, String digest, LocalDateTime at) {
        ClaimDO claim = new ClaimDO();
        claim.refundNo = refundNo;
        claim.requestDigest = digest;
        if (claims.putIfAbsent(merchantId + "/" + outRefundNo, claim) != null) {
            throw new org.springframework.dao.DuplicateKeyException(merchantId + "/" + outRefundNo);
        }
        return 1;
    }

    @Override
    public ClaimDO findClaim(String merchantId, String outRefundNo) {
        return claims.get(merchantId + "/" + outRefundNo);
    }
}
