package io.paysuite.trade.infra.order;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Logic table {@code trade_order}. Every statement names {@code trade_no}, so ShardingSphere
 * routes it to exactly one physical table (see GeneShardingAlgorithm) — or, for a list of numbers,
 * to the tables of their genes.
 */
@Mapper
public interface TradeMapper {

    String COLUMNS = "trade_no, merchant_id, out_trade_no, trade_type, status, amount_minor, currency,"
            + " paid_minor, refunded_minor, subject, buyer_id, attach, notify_url, return_url, time_expire,"
            + " created_at, updated_at, paid_at, closed_at, version, pay_order_no, payer_id, payment_methods, paid_method,"
            + " paid_channel";

    /** Read with a combination payment's coupon and points, written only by {@link #markPaid}. */
    String READ_COLUMNS = COLUMNS + ", coupon_id, coupon_name, coupon_minor, coupon_funded_by, points_minor";

    @Insert("INSERT INTO trade_order (" + COLUMNS + ") VALUES (#{tradeNo}, #{merchantId}, #{outTradeNo},"
            + " #{tradeType}, #{status}, #{amountMinor}, #{currency}, #{paidMinor}, #{refundedMinor}, #{subject},"
            + " #{buyerId}, #{attach}, #{notifyUrl}, #{returnUrl}, #{timeExpire}, #{createdAt}, #{updatedAt},"
            + " #{paidAt}, #{closedAt}, #{version}, #{payOrderNo}, #{payerId}, #{paymentMethods}, #{paidMethod},"
            + " #{paidChannel})")
    int insert(TradeDO row);

    @Select("SELECT " + READ_COLUMNS + " FROM trade_order WHERE trade_no = #{tradeNo}")
    TradeDO findByTradeNo(String tradeNo);

    /**
     * {@link #findByTradeNo} for several numbers in one statement: ShardingSphere sends it to the tables
     * the numbers' genes name (each table answers only the rows it holds), never to every shard, and
     * never once per number.
     */
    @Select("<script>SELECT " + READ_COLUMNS + " FROM trade_order WHERE trade_no IN"
            + "<foreach collection='tradeNos' item='no' open='(' separator=',' close=')'>#{no}</foreach></script>")
    List<TradeDO> findByTradeNos(@Param("tradeNos") Collection<String> tradeNos);

    @Update("UPDATE trade_order SET status = #{to}, updated_at = #{at}, version = version + 1,"
            + " closed_at = CASE WHEN #{to} = 'CLOSED' THEN #{at} ELSE closed_at END"
            + " WHERE trade_no = #{tradeNo} AND status = #{from}")
    int transition(@Param("tradeNo") String tradeNo, @Param("from") String from, @Param("to") String to,
                   @Param("at") LocalDateTime at);

    /** Reads the row with an exclusive lock, inside the caller's transaction (refund reservation, confirm). */
    @Select("SELECT " + READ_COLUMNS + " FROM trade_order WHERE trade_no = #{tradeNo} FOR UPDATE")
    TradeDO lock(String tradeNo);

    @Update("UPDATE trade_order SET status = 'PAYING', pay_order_no = #{payOrderNo}, updated_at = #{at},"
            + " version = version + 1 WHERE trade_no = #{tradeNo} AND status = 'WAIT_PAY'")
    int beginPay(@Param("tradeNo") String tradeNo, @Param("payOrderNo") String payOrderNo, @Param("at") LocalDateTime at);

    /** {@link #beginPay} only if the row is still at {@code version} (the trade as this instance wrote it). */
    @Update("UPDATE trade_order SET status = 'PAYING', pay_order_no = #{payOrderNo}, updated_at = #{at},"
            + " version = version + 1 WHERE trade_no = #{tradeNo} AND status = 'WAIT_PAY' AND version = #{version}")
    int beginPayAtVersion(@Param("tradeNo") String tradeNo, @Param("payOrderNo") String payOrderNo,
                          @Param("at") LocalDateTime at, @Param("version") int version);

    @Update("UPDATE trade_order SET status = 'WAIT_PAY', pay_order_no = NULL, updated_at = #{at},"
            + " version = version + 1 WHERE trade_no = #{tradeNo} AND status = 'PAYING' AND pay_order_no = #{payOrderNo}")
    int abandonPay(@Param("tradeNo") String tradeNo, @Param("payOrderNo") String payOrderNo, @Param("at") LocalDateTime at);

    String MARK_PAID = "UPDATE trade_order SET status = #{status}, paid_minor = #{paidMinor}, payer_id = #{payerId},"
            + " paid_method = #{paidMethod}, paid_channel = #{paidChannel},"
            + " coupon_id = #{p.couponId}, coupon_name = #{p.couponName}, coupon_minor = #{p.couponMinor},"
            + " coupon_funded_by = #{p.couponFundedBy}, points_minor = #{p.pointsMinor},"
            + " paid_at = #{at}, updated_at = #{at}, version = version + 1"
            + " WHERE trade_no = #{tradeNo} AND status = 'PAYING' AND pay_order_no = #{payOrderNo}";

    /**
     * One statement marks the trade paid ({@code SUCCESS}, or {@code AUTHORIZED} for a pre-authorisation)
     * and records how: a reader never sees it paid without its payment.
     */
    @Update(MARK_PAID)
    int markPaid(@Param("tradeNo") String tradeNo, @Param("payOrderNo") String payOrderNo, @Param("status") String status,
                 @Param("paidMinor") long paidMinor, @Param("payerId") String payerId,
                 @Param("paidMethod") String paidMethod, @Param("paidChannel") String paidChannel,
                 @Param("p") TradeDO promotion, @Param("at") LocalDateTime at);

    /** {@link #markPaid} only if the row is still at {@code version} (the trade as this instance wrote it). */
    @Update(MARK_PAID + " AND version = #{version}")
    int markPaidAtVersion(@Param("tradeNo") String tradeNo, @Param("payOrderNo") String payOrderNo,
                          @Param("status") String status, @Param("paidMinor") long paidMinor, @Param("payerId") String payerId,
                          @Param("paidMethod") String paidMethod, @Param("paidChannel") String paidChannel,
                          @Param("p") TradeDO promotion, @Param("at") LocalDateTime at, @Param("version") int version);

    /** A pre-authorisation's capture or void: once, from AUTHORIZED only. */
    @Update("UPDATE trade_order SET status = #{to}, paid_minor = #{paidMinor}, updated_at = #{at}, version = version + 1"
            + " WHERE trade_no = #{tradeNo} AND status = 'AUTHORIZED'")
    int endAuthorisation(@Param("tradeNo") String tradeNo, @Param("to") String to, @Param("paidMinor") long paidMinor,
                         @Param("at") LocalDateTime at);

    /** Reserve or give back refunded money; the guard keeps the sum within [0, paid]. */
    @Update("UPDATE trade_order SET refunded_minor = refunded_minor + #{delta}, updated_at = #{at}, version = version + 1"
            + " WHERE trade_no = #{tradeNo} AND refunded_minor + #{delta} <= paid_minor AND refunded_minor + #{delta} >= 0")
    int addRefunded(@Param("tradeNo") String tradeNo, @Param("delta") long delta, @Param("at") LocalDateTime at);
}
