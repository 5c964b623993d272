package io.paysuite.channel.infra;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ChannelOrderMapper {

    String COLUMNS = "channel_order_no, pay_order_no, trade_no, merchant_id, channel, method, amount_minor, currency, subject,"
            + " status, code_url, channel_trade_no, raw_code, final_source, expires_at, created_at, updated_at, finished_at, version,"
            + " attempt, rerouted_to, authorisation";

    @Insert("INSERT IGNORE INTO channel_order (" + COLUMNS + ") VALUES (#{channelOrderNo}, #{payOrderNo}, #{tradeNo},"
            + " #{merchantId}, #{channel}, #{method}, #{amountMinor}, #{currency}, #{subject}, #{status}, #{codeUrl},"
            + " #{channelTradeNo}, #{rawCode}, #{finalSource}, #{expiresAt}, #{createdAt}, #{updatedAt}, #{finishedAt}, #{version},"
            + " #{attempt}, #{reroutedTo}, #{authorisation})")
    int insert(ChannelOrderDO row);

    /** The pay order's current charge: its highest attempt. */
    @Select("SELECT " + COLUMNS + " FROM channel_order WHERE pay_order_no = #{payOrderNo} ORDER BY attempt DESC LIMIT 1")
    ChannelOrderDO findByPayOrder(String payOrderNo);

    @Select("SELECT " + COLUMNS + " FROM channel_order WHERE pay_order_no = #{payOrderNo} ORDER BY attempt")
    List<ChannelOrderDO> findAttempts(String payOrderNo);

    /**
     * {@link #findAttempts} of several pay orders in one statement ({@code uk_channel_order_pay_attempt}), each
     * pay order's attempts first first; the caller keeps each one's highest, as {@link #findByPayOrder} does. A
     * reroute is rare, so a pay order has one row here nearly always.
     */
    @Select("<script>SELECT " + COLUMNS + " FROM channel_order WHERE pay_order_no IN"
            + "<foreach collection='payOrderNos' item='no' open='(' separator=',' close=')'>#{no}</foreach>"
            + " ORDER BY pay_order_no, attempt</script>")
    List<ChannelOrderDO> findAttemptsOfPayOrders(@Param("payOrderNos") Collection<String> payOrderNos);

    /** Set once: the first decision about a refused attempt stands (compare-and-set on NULL). */
    @Update("UPDATE channel_order SET rerouted_to = #{to}, updated_at = #{at}, version = version + 1"
            + " WHERE channel_order_no = #{channelOrderNo} AND status = 'FAILED' AND rerouted_to IS NULL")
    int decideReroute(@Param("channelOrderNo") String channelOrderNo, @Param("to") String to, @Param("at") LocalDateTime at);

    @Select("SELECT " + COLUMNS + " FROM channel_order WHERE channel_order_no = #{channelOrderNo}")
    ChannelOrderDO find(String channelOrderNo);

    /**
     * The ops console's search by the channel's number. No index on channel_trade_no yet (an operator's lookup, not
     * a payment path): a scan, newest first.
     */
    @Select("SELECT " + COLUMNS + " FROM channel_order WHERE channel_trade_no = #{channelTradeNo} ORDER BY created_at DESC LIMIT 1")
    ChannelOrderDO findByChannelTradeNo(String channelTradeNo);

    /**
     * Orders of a channel that became SUCCESS in {@code [from, to)} (UTC), for reconciliation: a range on
     * {@code finished_at} behind an equality on {@code channel}, served by {@code idx_channel_order_finished}.
     * A card pre-authorisation is left out: it froze the card's amount and is no line of the channel's file.
     */
    @Select("SELECT " + COLUMNS + " FROM channel_order WHERE channel = #{channel} AND finished_at >= #{from}"
            + " AND finished_at < #{to} AND status = 'SUCCESS' AND authorisation = 0")
    List<ChannelOrderDO> findSucceededBetween(@Param("channel") String channel, @Param("from") LocalDateTime from,
                                              @Param("to") LocalDateTime to);

    /** Compare-and-set on status; keeps known values when the answer carries none; stamps finished_at on final states. */
    @Update("UPDATE channel_order SET status = #{to}, code_url = COALESCE(#{codeUrl}, code_url),"
            + " channel_trade_no = COALESCE(#{channelTradeNo}, channel_trade_no), raw_code = COALESCE(#{rawCode}, raw_code),"
            + " final_source = COALESCE(#{finalSource}, final_source), updated_at = #{at}, version = version + 1,"
            + " finished_at = CASE WHEN #{to} IN ('SUCCESS', 'FAILED') THEN #{at} ELSE finished_at END"
            + " WHERE channel_order_no = #{channelOrderNo} AND status = #{from}")
    int transition(@Param("channelOrderNo") String channelOrderNo, @Param("from") String from, @Param("to") String to,
                   @Param("codeUrl") String codeUrl, @Param("channelTradeNo") String channelTradeNo,
                   @Param("rawCode") String rawCode, @Param("finalSource") String finalSource, @Param("at") LocalDateTime at);

    @Update("UPDATE channel_order SET code_url = #{codeUrl}, updated_at = #{at}, version = version + 1"
            + " WHERE channel_order_no = #{channelOrderNo} AND status = 'PROCESSING' AND code_url IS NULL")
    int rememberCodeUrl(@Param("channelOrderNo") String channelOrderNo, @Param("codeUrl") String codeUrl,
                        @Param("at") LocalDateTime at);

    @Insert("INSERT INTO channel_conflict (channel_order_no, held_status, claimed_status, raw_code, source, detail, created_at)"
            + " VALUES (#{channelOrderNo}, #{held}, #{claimed}, #{rawCode}, #{source}, #{detail}, #{at})")
    int insertConflict(@Param("channelOrderNo") String channelOrderNo, @Param("held") String held,
                       @Param("claimed") String claimed, @Param("rawCode") String rawCode, @Param("source") String source,
                       @Param("detail") String detail, @Param("at") LocalDateTime at);

    @Insert("INSERT INTO channel_conflict (channel_order_no, held_status, claimed_status, raw_code, channel_trade_no, paid_minor,"
            + " currency, refund_no, source, detail, created_at) VALUES (#{channelOrderNo}, #{held}, 'SUCCESS', #{rawCode},"
            + " #{channelTradeNo}, #{paidMinor}, #{currency}, #{refundNo}, #{source}, #{detail}, #{at})")
    int insertLateSuccess(@Param("channelOrderNo") String channelOrderNo, @Param("held") String held, @Param("rawCode") String rawCode,
                          @Param("channelTradeNo") String channelTradeNo, @Param("paidMinor") long paidMinor,
                          @Param("currency") String currency, @Param("refundNo") String refundNo, @Param("source") String source,
                          @Param("detail") String detail, @Param("at") LocalDateTime at);

    @Select("SELECT channel_trade_no FROM channel_conflict WHERE channel_order_no = #{channelOrderNo} AND refund_no IS NOT NULL"
            + " AND channel_trade_no IS NOT NULL ORDER BY id LIMIT 1")
    String lateChannelTradeNo(@Param("channelOrderNo") String channelOrderNo);

    /** A late success as stored; column names map by MyBatis' underscore-to-camel-case setting. */
    record LateRow(Long id, String channelOrderNo, String heldStatus, String rawCode, String source, String detail,
                   String channelTradeNo, Long paidMinor, String currency, String refundNo, LocalDateTime createdAt) {
    }

    @Select("SELECT id, channel_order_no, held_status, raw_code, source, detail, channel_trade_no, paid_minor, currency, refund_no,"
            + " created_at FROM channel_conflict WHERE refund_no IS NOT NULL ORDER BY id DESC LIMIT #{limit}")
    List<LateRow> lateResults(@Param("limit") int limit);
}
