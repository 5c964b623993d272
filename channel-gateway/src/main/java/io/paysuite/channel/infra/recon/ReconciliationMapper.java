package io.paysuite.channel.infra.recon;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code recon_batch} and {@code recon_difference} (V7; kind and channel_status V10; expected_fee_minor V15). */
@Mapper
public interface ReconciliationMapper {

    record BatchRow(long id, String channel, LocalDate billDate, String currency, long matched, long differencesOpen,
                    long differencesResolved, long billPayments, long billRefunds, long billGrossMinor, long billRefundedMinor,
                    long billFeeMinor, long ourPaidMinor, long ourRefundedMinor, long clearedNetMinor, long clearedFeeMinor,
                    String clearingKey, int runs, int lastAdded, int lastSelfHealed, int lastAutoResolved, int lastEscalated,
                    LocalDateTime createdAt, LocalDateTime updatedAt, String kind, Long expectedFeeMinor) {
    }

    record DifferenceRow(long id, long batchId, String channel, LocalDate billDate, String kind, String type, String number,
                         String ourNo, Long ourAmountMinor, String ourStatus, String channelNo, Long channelAmountMinor,
                         String channelTradeNo, String currency, String status, String note, String resolutionAction,
                         String resolvedBy, String resolutionReason, String resolutionOutcome, String postingKey,
                         LocalDateTime resolvedAt, LocalDateTime createdAt, LocalDateTime updatedAt, String channelStatus) {
    }

    String BATCH_COLUMNS = "id, channel, bill_date, currency, matched, differences_open, differences_resolved, bill_payments,"
            + " bill_refunds, bill_gross_minor, bill_refunded_minor, bill_fee_minor, our_paid_minor, our_refunded_minor,"
            + " cleared_net_minor, cleared_fee_minor, clearing_key, runs, last_added, last_self_healed, last_auto_resolved,"
            + " last_escalated, created_at, updated_at, kind, expected_fee_minor";

    /** A difference with its batch's channel and day. */
    String DIFFERENCE_SELECT = "SELECT d.id, d.batch_id, b.channel, b.bill_date, d.kind, d.type, d.number, d.our_no,"
            + " d.our_amount_minor, d.our_status, d.channel_no, d.channel_amount_minor, d.channel_trade_no, d.currency, d.status,"
            + " d.note, d.resolution_action, d.resolved_by, d.resolution_reason, d.resolution_outcome, d.posting_key,"
            + " d.resolved_at, d.created_at, d.updated_at, d.channel_status FROM recon_difference d JOIN recon_batch b ON b.id = d.batch_id";

    @Insert("INSERT IGNORE INTO recon_batch (kind, channel, bill_date, currency, created_at, updated_at)"
            + " VALUES (#{kind}, #{channel}, #{billDate}, #{currency}, #{at}, #{at})")
    int insertBatch(@Param("kind") String kind, @Param("channel") String channel, @Param("billDate") LocalDate billDate, @Param("currency") String currency,
                    @Param("at") LocalDateTime at);

    @Select("SELECT " + BATCH_COLUMNS + " FROM recon_batch WHERE kind = #{kind} AND channel = #{channel} AND bill_date = #{billDate}")
    BatchRow findBatchByDay(@Param("kind") String kind, @Param("channel") String channel, @Param("billDate") LocalDate billDate);

    @Select("SELECT " + BATCH_COLUMNS + " FROM recon_batch WHERE id = #{id}")
    BatchRow findBatch(long id);

    @Select("<script>SELECT " + BATCH_COLUMNS + " FROM recon_batch <if test='channel != null'>WHERE channel = #{channel}</if>"
            + " ORDER BY bill_date DESC, id DESC LIMIT #{limit}</script>")
    List<BatchRow> batches(@Param("channel") String channel, @Param("limit") int limit);

    @Update("UPDATE recon_batch SET matched = #{matched}, differences_open = #{differencesOpen},"
            + " differences_resolved = #{differencesResolved}, bill_payments = #{billPayments}, bill_refunds = #{billRefunds},"
            + " bill_gross_minor = #{billGrossMinor}, bill_refunded_minor = #{billRefundedMinor}, bill_fee_minor = #{billFeeMinor},"
            + " expected_fee_minor = #{expectedFeeMinor}, our_paid_minor = #{ourPaidMinor}, our_refunded_minor = #{ourRefundedMinor}, runs = runs + 1,"
            + " last_added = #{lastAdded}, last_self_healed = #{lastSelfHealed}, last_auto_resolved = #{lastAutoResolved},"
            + " last_escalated = #{lastEscalated}, updated_at = #{updatedAt} WHERE id = #{id}")
    int saveRun(BatchRow row);

    @Update("UPDATE recon_batch SET cleared_net_minor = #{net}, cleared_fee_minor = #{fee}, clearing_key = #{key}, updated_at = #{at}"
            + " WHERE id = #{id}")
    int cleared(@Param("id") long id, @Param("net") long net, @Param("fee") long fee, @Param("key") String key,
                @Param("at") LocalDateTime at);

    @Insert("INSERT IGNORE INTO recon_difference (batch_id, kind, type, number, our_no, our_amount_minor, our_status, channel_no,"
            + " channel_amount_minor, channel_trade_no, channel_status, currency, status, created_at, updated_at) VALUES (#{batchId},"
            + " #{kind}, #{type}, #{number}, #{ourNo}, #{ourAmountMinor}, #{ourStatus}, #{channelNo}, #{channelAmountMinor},"
            + " #{channelTradeNo}, #{channelStatus}, #{currency}, #{status}, #{createdAt}, #{updatedAt})")
    int insertDifference(DifferenceRow row);

    @Select(DIFFERENCE_SELECT + " WHERE d.batch_id = #{batchId} ORDER BY d.id")
    List<DifferenceRow> differences(long batchId);

    @Select(DIFFERENCE_SELECT + " WHERE d.id = #{id}")
    DifferenceRow difference(long id);

    @Update("UPDATE recon_difference SET our_amount_minor = #{ourAmountMinor}, our_status = #{ourStatus},"
            + " channel_amount_minor = #{channelAmountMinor}, channel_trade_no = #{channelTradeNo}, channel_status = #{channelStatus},"
            + " updated_at = #{at} WHERE id = #{id}")
    int observed(@Param("id") long id, @Param("ourAmountMinor") Long ourAmountMinor, @Param("ourStatus") String ourStatus,
                 @Param("channelAmountMinor") Long channelAmountMinor, @Param("channelTradeNo") String channelTradeNo,
                 @Param("channelStatus") String channelStatus, @Param("at") LocalDateTime at);

    @Update("UPDATE recon_difference SET note = #{note}, updated_at = #{at} WHERE id = #{id}")
    int note(@Param("id") long id, @Param("note") String note, @Param("at") LocalDateTime at);

    /** Compare-and-set on status; the resolution's columns are written with it (null keeps them). */
    @Update("UPDATE recon_difference SET status = #{to}, note = COALESCE(#{note}, note),"
            + " resolution_action = COALESCE(#{action}, resolution_action), resolved_by = COALESCE(#{by}, resolved_by),"
            + " resolution_reason = COALESCE(#{reason}, resolution_reason),"
            + " resolution_outcome = COALESCE(#{outcome}, resolution_outcome), posting_key = COALESCE(#{postingKey}, posting_key),"
            + " resolved_at = COALESCE(#{resolvedAt}, resolved_at), updated_at = #{at} WHERE id = #{id} AND status = #{from}")
    int transition(@Param("id") long id, @Param("from") String from, @Param("to") String to, @Param("note") String note,
                   @Param("action") String action, @Param("by") String by, @Param("reason") String reason,
                   @Param("outcome") String outcome, @Param("postingKey") String postingKey,
                   @Param("resolvedAt") LocalDateTime resolvedAt, @Param("at") LocalDateTime at);
}
