package io.paysuite.cashier.infra.notify;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code merchant_notification} and {@code notification_attempt}; times are UTC. */
@Mapper
public interface NotificationMapper {

    /** A row of {@code merchant_notification}, columns in this order. */
    record NotificationDO(String eventId, String merchantId, String tradeNo, String eventType, String notifyUrl,
                          String body, String status, int attempts, LocalDateTime nextAttemptAt,
                          LocalDateTime createdAt, LocalDateTime deliveredAt) {
    }

    /** A row of {@code notification_attempt}, columns in this order. */
    record AttemptDO(long id, String eventId, Integer attemptNo, String kind, LocalDateTime attemptedAt,
                     Integer httpStatus, String error, long durationMs) {
    }

    /** An attempt with its notification's event type, columns in this order. */
    record TradeAttemptDO(String eventType, String eventId, Integer attemptNo, String kind, LocalDateTime attemptedAt,
                          Integer httpStatus, String error, long durationMs) {
    }

    /** A PENDING notification's event id and the attempts made so far. */
    record DueDO(String eventId, int attempts) {
    }

    String COLUMNS = "event_id, merchant_id, trade_no, event_type, notify_url, body, status, attempts,"
            + " next_attempt_at, created_at, delivered_at";
    String SUMMARY_COLUMNS = "event_id, merchant_id, trade_no, event_type, notify_url, '' AS body, status, attempts,"
            + " next_attempt_at, created_at, delivered_at";
    String ATTEMPT_COLUMNS = "id, event_id, attempt_no, kind, attempted_at, http_status, error, duration_ms";

    /** Throws {@code DuplicateKeyException} when the event is stored already. */
    @Insert("INSERT INTO merchant_notification (" + COLUMNS + ") VALUES (#{eventId}, #{merchantId}, #{tradeNo},"
            + " #{eventType}, #{notifyUrl}, #{body}, #{status}, #{attempts}, #{nextAttemptAt}, #{createdAt}, #{deliveredAt})")
    int insert(NotificationDO row);

    @Select("SELECT " + COLUMNS + " FROM merchant_notification WHERE event_id = #{eventId}")
    NotificationDO find(@Param("eventId") String eventId);

    /** The claim of scheduled attempt {@code done + 1}: exactly one caller gets 1. */
    @Update("UPDATE merchant_notification SET attempts = attempts + 1, next_attempt_at = #{overdueAt}"
            + " WHERE event_id = #{eventId} AND attempts = #{done} AND status = 'PENDING'")
    int claim(@Param("eventId") String eventId, @Param("done") int done, @Param("overdueAt") LocalDateTime overdueAt);

    @Update("UPDATE merchant_notification SET next_attempt_at = #{nextAt}"
            + " WHERE event_id = #{eventId} AND attempts = #{attempt} AND status = 'PENDING'")
    int failed(@Param("eventId") String eventId, @Param("attempt") int attempt, @Param("nextAt") LocalDateTime nextAt);

    /**
     * Scheduled attempt {@code attempt} was acknowledged: the row becomes DELIVERED and keeps the attempt
     * (its time, HTTP status and duration), so one statement both logs the attempt and moves the row.
     */
    @Update("UPDATE merchant_notification SET status = 'DELIVERED', delivered_at = #{at}, next_attempt_at = NULL,"
            + " delivered_http_status = #{httpStatus}, delivered_duration_ms = #{durationMs}"
            + " WHERE event_id = #{eventId} AND attempts = #{attempt} AND status = 'PENDING'")
    int delivered(@Param("eventId") String eventId, @Param("attempt") int attempt, @Param("at") LocalDateTime at,
                  @Param("httpStatus") int httpStatus, @Param("durationMs") long durationMs);

    /**
     * Gives back the claim of scheduled attempt {@code attempt} that was never started (no delivery slot,
     * or the instance is stopping): the attempt is due again at {@code dueAt}.
     */
    @Update("UPDATE merchant_notification SET attempts = attempts - 1, next_attempt_at = #{dueAt}"
            + " WHERE event_id = #{eventId} AND attempts = #{attempt} AND status = 'PENDING'")
    int release(@Param("eventId") String eventId, @Param("attempt") int attempt, @Param("dueAt") LocalDateTime dueAt);

    @Update("UPDATE merchant_notification SET status = 'GAVE_UP', next_attempt_at = NULL"
            + " WHERE event_id = #{eventId} AND attempts = #{attempt} AND status = 'PENDING'")
    int gaveUp(@Param("eventId") String eventId, @Param("attempt") int attempt);

    /** An operator's resend was acknowledged: whatever the schedule's state, the merchant has it now. */
    @Update("UPDATE merchant_notification SET status = 'DELIVERED', delivered_at = #{at}, next_attempt_at = NULL"
            + " WHERE event_id = #{eventId} AND status <> 'DELIVERED'")
    int deliveredByOperator(@Param("eventId") String eventId, @Param("at") LocalDateTime at);

    @Select("SELECT event_id, attempts FROM merchant_notification WHERE status = 'PENDING'"
            + " AND next_attempt_at < #{dueBefore} ORDER BY next_attempt_at LIMIT #{limit}")
    List<DueDO> overdue(@Param("dueBefore") LocalDateTime dueBefore, @Param("limit") int limit);

    @Select("<script>SELECT " + SUMMARY_COLUMNS + " FROM merchant_notification"
            + "<where><if test='status != null'>status = #{status}</if>"
            + "<if test='tradeNo != null'> AND trade_no = #{tradeNo}</if></where>"
            + " ORDER BY created_at DESC, event_id DESC LIMIT #{limit}</script>")
    List<NotificationDO> list(@Param("status") String status, @Param("tradeNo") String tradeNo, @Param("limit") int limit);

    @Insert("INSERT INTO notification_attempt (event_id, attempt_no, kind, attempted_at, http_status, error, duration_ms)"
            + " VALUES (#{eventId}, #{attemptNo}, #{kind}, #{attemptedAt}, #{httpStatus}, #{error}, #{durationMs})")
    int logAttempt(AttemptDO attempt);

    @Select("SELECT " + ATTEMPT_COLUMNS + " FROM notification_attempt WHERE event_id = #{eventId} ORDER BY id")
    List<AttemptDO> attempts(@Param("eventId") String eventId);

    /** The scheduled attempt that delivered the notification, kept on its row; null when there is none. */
    @Select("SELECT 0 AS id, event_id, attempts AS attempt_no, 'SCHEDULED' AS kind, delivered_at AS attempted_at,"
            + " delivered_http_status AS http_status, CAST(NULL AS CHAR) AS error, delivered_duration_ms AS duration_ms"
            + " FROM merchant_notification WHERE event_id = #{eventId} AND delivered_http_status IS NOT NULL")
    AttemptDO deliveredAttempt(@Param("eventId") String eventId);

    /** The scheduled attempts that delivered the notifications of a trade, kept on their rows. */
    @Select("SELECT event_type, event_id, attempts AS attempt_no, 'SCHEDULED' AS kind, delivered_at AS attempted_at,"
            + " delivered_http_status AS http_status, CAST(NULL AS CHAR) AS error, delivered_duration_ms AS duration_ms"
            + " FROM merchant_notification WHERE trade_no = #{tradeNo} AND delivered_http_status IS NOT NULL")
    List<TradeAttemptDO> deliveredAttemptsOfTrade(@Param("tradeNo") String tradeNo);

    /** Every logged attempt of every notification of a trade, with its notification's event type. */
    @Select("SELECT n.event_type, a.event_id, a.attempt_no, a.kind, a.attempted_at, a.http_status, a.error, a.duration_ms"
            + " FROM notification_attempt a JOIN merchant_notification n ON n.event_id = a.event_id"
            + " WHERE n.trade_no = #{tradeNo} ORDER BY a.id")
    List<TradeAttemptDO> attemptsOfTrade(@Param("tradeNo") String tradeNo);
}
