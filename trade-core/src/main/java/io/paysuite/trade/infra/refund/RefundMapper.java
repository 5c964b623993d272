package io.paysuite.trade.infra.refund;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Logic tables {@code refund_order} (routed by the gene of refund_no) and
 * {@code refund_merchant_index} (routed by merchant_id): every statement names its sharding column.
 */
@Mapper
public interface RefundMapper {

    String COLUMNS = "refund_no, trade_no, merchant_id, out_refund_no, status, amount_minor, currency, paid_minor,"
            + " refunded_before_minor, escrow_held, buyer_id, reason, fail_code, created_at, updated_at, succeeded_at";

    @Insert("INSERT INTO refund_order (" + COLUMNS + ") VALUES (#{refundNo}, #{tradeNo}, #{merchantId}, #{outRefundNo},"
            + " #{status}, #{amountMinor}, #{currency}, #{paidMinor}, #{refundedBeforeMinor}, #{escrowHeld}, #{buyerId},"
            + " #{reason}, #{failCode}, #{createdAt}, #{updatedAt}, #{succeededAt})")
    int insert(RefundDO row);

    @Select("SELECT " + COLUMNS + " FROM refund_order WHERE refund_no = #{refundNo}")
    RefundDO find(String refundNo);

    /**
     * {@link #find} for several numbers in one statement: ShardingSphere sends it to the tables the
     * numbers' genes name (each answers only the rows it holds), never once per number.
     */
    @Select("<script>SELECT " + COLUMNS + " FROM refund_order WHERE refund_no IN"
            + "<foreach collection='refundNos' item='no' open='(' separator=',' close=')'>#{no}</foreach></script>")
    List<RefundDO> findAll(@Param("refundNos") Collection<String> refundNos);

    /** Routed by the trade number's gene (the trade's shard holds its refunds); {@code idx_trade}. */
    @Select("SELECT COUNT(*) FROM refund_order WHERE trade_no = #{tradeNo} AND status = 'PROCESSING' AND refund_no <> #{refundNo}")
    int countOthersProcessing(@Param("tradeNo") String tradeNo, @Param("refundNo") String refundNo);

    @Update("UPDATE refund_order SET status = #{to}, fail_code = #{failCode}, updated_at = #{at}, version = version + 1,"
            + " succeeded_at = CASE WHEN #{to} = 'SUCCESS' THEN #{at} ELSE NULL END"
            + " WHERE refund_no = #{refundNo} AND status = 'PROCESSING'")
    int finish(@Param("refundNo") String refundNo, @Param("to") String to, @Param("failCode") String failCode,
               @Param("at") LocalDateTime at);

    @Insert("INSERT INTO refund_merchant_index (merchant_id, out_refund_no, refund_no, request_digest, created_at)"
            + " VALUES (#{merchantId}, #{outRefundNo}, #{refundNo}, #{digest}, #{at})")
    int claim(@Param("merchantId") String merchantId, @Param("outRefundNo") String outRefundNo,
              @Param("refundNo") String refundNo, @Param("digest") String digest, @Param("at") LocalDateTime at);

    @Select("SELECT refund_no, request_digest FROM refund_merchant_index"
            + " WHERE merchant_id = #{merchantId} AND out_refund_no = #{outRefundNo}")
    ClaimDO findClaim(@Param("merchantId") String merchantId, @Param("outRefundNo") String outRefundNo);

    class ClaimDO {
        public String refundNo;
        public String requestDigest;
    }
}
