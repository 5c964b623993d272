package io.paysuite.pay.infra.order;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/**
 * Logic table {@code pay_order}. Every statement names {@code pay_order_no} or {@code trade_no}
 * (same gene), so ShardingSphere routes it to exactly one physical table.
 */
@Mapper
public interface PayOrderMapper {

    String INSERT_COLUMNS = "pay_order_no, trade_no, request_no, request_digest, buyer_id, merchant_id, method, status,"
            + " amount_minor, currency, created_at, updated_at, finished_at, version, fail_code, channel";

    /**
     * Read with a combination payment's parts (written by {@link #planParts}, {@link #recordCoupon},
     * {@link #recordPoints}) and the announced mark ({@link #markAnnounced}).
     */
    String COLUMNS = INSERT_COLUMNS + ", coupon_id, coupon_name, coupon_minor, coupon_funded_by, use_points, points, points_minor,"
            + " announced_at";

    @Insert("INSERT INTO pay_order (" + INSERT_COLUMNS + ") VALUES (#{payOrderNo}, #{tradeNo}, #{requestNo},"
            + " #{requestDigest}, #{buyerId}, #{merchantId}, #{method}, #{status}, #{amountMinor}, #{currency},"
            + " #{createdAt}, #{updatedAt}, #{finishedAt}, #{version}, #{failCode}, #{channel})")
    int insert(PayOrderDO row);

    @Select("SELECT " + COLUMNS + " FROM pay_order WHERE pay_order_no = #{payOrderNo}")
    PayOrderDO find(String payOrderNo);

    @Select("SELECT " + COLUMNS + " FROM pay_order WHERE trade_no = #{tradeNo} AND request_no = #{requestNo}")
    PayOrderDO findByRequest(@Param("tradeNo") String tradeNo, @Param("requestNo") String requestNo);

    /** A trade's pay orders, oldest first; trade_no carries the gene, so one physical table. */
    @Select("SELECT " + COLUMNS + " FROM pay_order WHERE trade_no = #{tradeNo} ORDER BY created_at, pay_order_no")
    List<PayOrderDO> findByTrade(String tradeNo);

    /**
     * {@link #findByTrade} for several trades in one statement: ShardingSphere sends it to the tables the
     * trade numbers' genes name (each answers only the rows it holds), never once per trade. In no
     * particular order across tables: the caller orders.
     */
    @Select("<script>SELECT " + COLUMNS + " FROM pay_order WHERE trade_no IN"
            + "<foreach collection='tradeNos' item='no' open='(' separator=',' close=')'>#{no}</foreach></script>")
    List<PayOrderDO> findByTrades(@Param("tradeNos") Collection<String> tradeNos);

    /**
     * Compare-and-set on status; stamps finished_at when the new status is final. No other statement
     * gives the channel a value (insert writes it null), so it lands with SUCCESS or not at all.
     */
    @Update("UPDATE pay_order SET status = #{to}, fail_code = #{failCode}, channel = #{channel}, updated_at = #{at},"
            + " version = version + 1,"
            + " finished_at = CASE WHEN #{to} IN ('SUCCESS', 'FAILED') THEN #{at} ELSE finished_at END"
            + " WHERE pay_order_no = #{payOrderNo} AND status = #{from}")
    int transition(@Param("payOrderNo") String payOrderNo, @Param("from") String from, @Param("to") String to,
                   @Param("failCode") String failCode, @Param("channel") String channel,
                   @Param("at") LocalDateTime at);

    /** The buyer's coupon and points intent, only while the order has not been charged. */
    @Update("UPDATE pay_order SET coupon_id = #{couponId}, use_points = #{usePoints}, version = version + 1"
            + " WHERE pay_order_no = #{payOrderNo} AND status = 'CREATED'")
    int planParts(@Param("payOrderNo") String payOrderNo, @Param("couponId") String couponId,
                  @Param("usePoints") boolean usePoints);

    /** What the coupon's freeze answered; a repeat writes the same values. */
    @Update("UPDATE pay_order SET coupon_name = #{name}, coupon_minor = #{minor}, coupon_funded_by = #{fundedBy},"
            + " version = version + 1 WHERE pay_order_no = #{payOrderNo} AND coupon_id IS NOT NULL")
    int recordCoupon(@Param("payOrderNo") String payOrderNo, @Param("name") String name, @Param("minor") long minor,
                     @Param("fundedBy") String fundedBy);

    /** What the points' freeze answered; a repeat writes the same values. */
    @Update("UPDATE pay_order SET points = #{points}, points_minor = #{minor}, version = version + 1"
            + " WHERE pay_order_no = #{payOrderNo} AND use_points = 1")
    int recordPoints(@Param("payOrderNo") String payOrderNo, @Param("points") long points, @Param("minor") long minor);

    /**
     * Marks SUCCESS pay orders announced: the broker stored their {@code PAY_SUCCEEDED}. One statement for many
     * numbers: ShardingSphere routes the IN list by the numbers' genes and runs one UPDATE per physical table they
     * name. A mark already written stays (the first is kept); only SUCCESS rows are marked. Touches neither
     * {@code version} nor {@code updated_at}: it records delivery, not a change of the pay order.
     */
    @Update("<script>UPDATE pay_order SET announced_at = #{at} WHERE pay_order_no IN"
            + "<foreach collection='payOrderNos' item='no' open='(' separator=',' close=')'>#{no}</foreach>"
            + " AND status = 'SUCCESS' AND announced_at IS NULL</script>")
    int markAnnounced(@Param("payOrderNos") Collection<String> payOrderNos, @Param("at") LocalDateTime at);
}
