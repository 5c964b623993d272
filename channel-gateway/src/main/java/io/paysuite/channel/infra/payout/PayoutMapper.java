package io.paysuite.channel.infra.payout;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface PayoutMapper {

    record Row(String payoutNo, String purpose, String ownerId, long amountMinor, String currency, String accountSealed,
               String accountLast4, String accountName, String remark, String status, String rawCode, String channelPayoutNo,
               LocalDateTime createdAt, LocalDateTime updatedAt, LocalDateTime finishedAt) {
    }

    String COLUMNS = "payout_no, purpose, owner_id, amount_minor, currency, account_sealed, account_last4, account_name, remark,"
            + " status, raw_code, channel_payout_no, created_at, updated_at, finished_at";

    @Insert("INSERT IGNORE INTO payout (" + COLUMNS + ") VALUES (#{payoutNo}, #{purpose}, #{ownerId}, #{amountMinor}, #{currency},"
            + " #{accountSealed}, #{accountLast4}, #{accountName}, #{remark}, #{status}, #{rawCode}, #{channelPayoutNo},"
            + " #{createdAt}, #{updatedAt}, #{finishedAt})")
    int insert(Row row);

    @Select("SELECT " + COLUMNS + " FROM payout WHERE payout_no = #{payoutNo}")
    Row find(String payoutNo);

    @Update("UPDATE payout SET status = #{to}, raw_code = COALESCE(#{rawCode}, raw_code),"
            + " channel_payout_no = COALESCE(#{channelPayoutNo}, channel_payout_no), updated_at = #{at},"
            + " finished_at = CASE WHEN #{to} IN ('SUCCESS', 'FAILED') THEN #{at} ELSE finished_at END"
            + " WHERE payout_no = #{payoutNo} AND status = #{from}")
    int transition(@Param("payoutNo") String payoutNo, @Param("from") String from, @Param("to") String to,
                   @Param("rawCode") String rawCode, @Param("channelPayoutNo") String channelPayoutNo, @Param("at") LocalDateTime at);

    @Update("UPDATE payout SET raw_code = COALESCE(#{rawCode}, raw_code),"
            + " channel_payout_no = COALESCE(#{channelPayoutNo}, channel_payout_no), updated_at = #{at}"
            + " WHERE payout_no = #{payoutNo} AND status = 'PROCESSING'")
    int noteAnswer(@Param("payoutNo") String payoutNo, @Param("rawCode") String rawCode,
                   @Param("channelPayoutNo") String channelPayoutNo, @Param("at") LocalDateTime at);

    @Select("<script>SELECT " + COLUMNS + " FROM payout <where>"
            + "<if test='status != null'>status = #{status}</if>"
            + "<if test='ownerId != null'> AND owner_id = #{ownerId}</if>"
            + "</where> ORDER BY created_at DESC, payout_no DESC LIMIT #{limit}</script>")
    List<Row> list(@Param("status") String status, @Param("ownerId") String ownerId, @Param("limit") int limit);

    /** The janitor's find: payouts still {@code PROCESSING}, created before {@code before}, oldest first; read only. */
    @Select("SELECT payout_no FROM payout WHERE status = 'PROCESSING' AND created_at < #{before}"
            + " ORDER BY created_at, payout_no LIMIT #{limit}")
    List<String> inFlightSince(@Param("before") LocalDateTime before, @Param("limit") int limit);

    /** Payouts that succeeded, created within [from, to): what the payout bill of that day should list. */
    @Select("SELECT " + COLUMNS + " FROM payout WHERE status = 'SUCCESS' AND created_at >= #{from} AND created_at < #{to}")
    List<Row> succeededBetween(@Param("from") LocalDateTime from, @Param("to") LocalDateTime to);
}
