package io.paysuite.channel.infra;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface ChannelRefundMapper {

    record Row(String refundNo, String channelOrderNo, String channel, long amountMinor, String currency, String status,
               String rawCode, String channelRefundNo, LocalDateTime createdAt, LocalDateTime updatedAt, LocalDateTime finishedAt) {
    }

    String COLUMNS = "refund_no, channel_order_no, channel, amount_minor, currency, status, raw_code, channel_refund_no,"
            + " created_at, updated_at, finished_at";

    @Insert("INSERT IGNORE INTO channel_refund (" + COLUMNS + ") VALUES (#{refundNo}, #{channelOrderNo}, #{channel},"
            + " #{amountMinor}, #{currency}, #{status}, #{rawCode}, #{channelRefundNo}, #{createdAt}, #{updatedAt}, #{finishedAt})")
    int insert(Row row);

    @Select("SELECT " + COLUMNS + " FROM channel_refund WHERE refund_no = #{refundNo}")
    Row find(String refundNo);

    /**
     * Refunds of a channel that became SUCCESS in {@code [from, to)} (UTC), for reconciliation; served by
     * {@code idx_channel_refund_finished} (V7).
     */
    @Select("SELECT " + COLUMNS + " FROM channel_refund WHERE channel = #{channel} AND finished_at >= #{from}"
            + " AND finished_at < #{to} AND status = 'SUCCESS'")
    List<Row> findSucceededBetween(@Param("channel") String channel, @Param("from") LocalDateTime from,
                                   @Param("to") LocalDateTime to);

    @Update("UPDATE channel_refund SET status = #{to}, raw_code = COALESCE(#{rawCode}, raw_code),"
            + " channel_refund_no = COALESCE(#{channelRefundNo}, channel_refund_no), updated_at = #{at},"
            + " finished_at = CASE WHEN #{to} IN ('SUCCESS', 'FAILED') THEN #{at} ELSE finished_at END"
            + " WHERE refund_no = #{refundNo} AND status = #{from}")
    int transition(@Param("refundNo") String refundNo, @Param("from") String from, @Param("to") String to,
                   @Param("rawCode") String rawCode, @Param("channelRefundNo") String channelRefundNo, @Param("at") LocalDateTime at);
}
