package io.paysuite.trade.infra.trade;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Logic table {@code trade_order}. Every statement names {@code trade_no}, so ShardingSphere
 * routes it to exactly one physical table (see GeneShardingAlgorithm).
 */
@Mapper
public interface TradeMapper {

    String COLUMNS = "trade_no, merchant_id, out_trade_no, trade_type, status, amount_minor, currency,"
            + " paid_minor, refunded_minor, subject, buyer_id, attach, notify_url, return_url, time_expire,"
            + " created_at, updated_at, paid_at, closed_at, version";

    @Insert("INSERT INTO trade_order (" + COLUMNS + ") VALUES (#{tradeNo}, #{merchantId}, #{outTradeNo},"
            + " #{tradeType}, #{status}, #{amountMinor}, #{currency}, #{paidMinor}, #{refundedMinor}, #{subject},"
            + " #{buyerId}, #{attach}, #{notifyUrl}, #{returnUrl}, #{timeExpire}, #{createdAt}, #{updatedAt},"
            + " #{paidAt}, #{closedAt}, #{version})")
    int insert(TradeDO row);

    @Select("SELECT " + COLUMNS + " FROM trade_order WHERE trade_no = #{tradeNo}")
    TradeDO findByTradeNo(String tradeNo);

    @Update("UPDATE trade_order SET status = #{to}, updated_at = #{at}, version = version + 1,"
            + " closed_at = CASE WHEN #{to} = 'CLOSED' THEN #{at} ELSE closed_at END"
            + " WHERE trade_no = #{tradeNo} AND status = #{from}")
    int transition(@Param("tradeNo") String tradeNo, @Param("from") String from, @Param("to") String to,
                   @Param("at") LocalDateTime at);
}
