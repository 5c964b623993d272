package io.paysuite.channel.infra;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code authorisation_completion} (V14). */
@Mapper
public interface CompletionMapper {

    record Row(String completionNo, String authorisationNo, String payOrderNo, String tradeNo, String merchantId, String channel,
               String method, long capturedMinor, String currency, String channelTradeNo, LocalDateTime endedAt,
               LocalDateTime completedAt) {
    }

    String COLUMNS = "completion_no, authorisation_no, pay_order_no, trade_no, merchant_id, channel, method, captured_minor,"
            + " currency, channel_trade_no, ended_at, completed_at";

    /** A repeat hits a unique key and is ignored: the first record stands. */
    @Insert("INSERT IGNORE INTO authorisation_completion (" + COLUMNS + ") VALUES (#{completionNo}, #{authorisationNo},"
            + " #{payOrderNo}, #{tradeNo}, #{merchantId}, #{channel}, #{method}, #{capturedMinor}, #{currency}, #{channelTradeNo},"
            + " #{endedAt}, #{completedAt})")
    int insert(Row row);

    @Select("SELECT " + COLUMNS + " FROM authorisation_completion WHERE authorisation_no = #{authorisationNo}")
    Row findByAuthorisation(String authorisationNo);

    @Select("SELECT " + COLUMNS + " FROM authorisation_completion WHERE completion_no = #{completionNo}")
    Row find(String completionNo);

    /** Served by {@code idx_completion_channel_completed}. */
    @Select("SELECT " + COLUMNS + " FROM authorisation_completion WHERE channel = #{channel} AND completed_at >= #{from}"
            + " AND completed_at < #{to}")
    List<Row> findCompletedBetween(@Param("channel") String channel, @Param("from") LocalDateTime from,
                                   @Param("to") LocalDateTime to);
}
