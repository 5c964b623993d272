package io.paysuite.accounting.infra.crosscheck;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.annotations.Delete;

import java.time.LocalDateTime;
import java.util.List;

/** {@code crosscheck_pending}, {@code crosscheck_trade}, {@code crosscheck_finding}, and the journal rows the sweep reads. */
@Mapper
public interface CrossCheckMapper {

    @Insert("INSERT INTO crosscheck_pending (trade_no, refund_no, noted_at, attempts, renoted) VALUES (#{tradeNo}, #{refundNo}, #{at}, 0, 0)"
            + " ON DUPLICATE KEY UPDATE renoted = 1")
    int note(@Param("tradeNo") String tradeNo, @Param("refundNo") String refundNo, @Param("at") LocalDateTime at);

    @Select("SELECT trade_no, refund_no, noted_at, attempts FROM crosscheck_pending WHERE noted_at < #{before}"
            + " ORDER BY noted_at LIMIT #{limit}")
    List<PendingRow> notedBefore(@Param("before") LocalDateTime before, @Param("limit") int limit);

    @Update("UPDATE crosscheck_pending SET noted_at = #{now}"
            + " WHERE trade_no = #{tradeNo} AND refund_no = #{refundNo} AND noted_at = #{notedAt}")
    int claim(@Param("tradeNo") String tradeNo, @Param("refundNo") String refundNo, @Param("notedAt") LocalDateTime notedAt,
              @Param("now") LocalDateTime now);

    @Update("UPDATE crosscheck_pending SET attempts = attempts + 1 WHERE trade_no = #{tradeNo} AND refund_no = #{refundNo}")
    int lookAgain(@Param("tradeNo") String tradeNo, @Param("refundNo") String refundNo);

    @Delete("DELETE FROM crosscheck_pending WHERE trade_no = #{tradeNo} AND refund_no = #{refundNo} AND renoted = 0")
    int forget(@Param("tradeNo") String tradeNo, @Param("refundNo") String refundNo);

    @Update("UPDATE crosscheck_pending SET noted_at = #{now}, attempts = 0, renoted = 0"
            + " WHERE trade_no = #{tradeNo} AND refund_no = #{refundNo}")
    int renote(@Param("tradeNo") String tradeNo, @Param("refundNo") String refundNo, @Param("now") LocalDateTime now);

    @Insert("INSERT INTO crosscheck_trade (trade_no, checked_at) VALUES (#{tradeNo}, #{at})"
            + " ON DUPLICATE KEY UPDATE checked_at = GREATEST(checked_at, VALUES(checked_at))")
    int checked(@Param("tradeNo") String tradeNo, @Param("at") LocalDateTime at);

    /** The first entry of the look-back window: where a starting sweep begins (by idx_entry_posted_at). */
    @Select("SELECT COALESCE(MIN(id), (SELECT COALESCE(MAX(id), 0) + 1 FROM journal_entry)) FROM journal_entry"
            + " WHERE posted_at >= #{since}")
    long firstEntrySince(@Param("since") LocalDateTime since);

    /** Entries after the cursor posted before {@code before}, by primary key. */
    @Select("SELECT e.id, e.biz_no, e.posted_at, c.checked_at FROM journal_entry e"
            + " LEFT JOIN crosscheck_trade c ON c.trade_no = e.biz_no"
            + " WHERE e.id >= #{fromId} AND e.posted_at < #{before} ORDER BY e.id LIMIT #{limit}")
    List<EntryRow> entriesFrom(@Param("fromId") long fromId, @Param("before") LocalDateTime before, @Param("limit") int limit);

    @Select("SELECT " + FindingRow.COLUMNS + " FROM crosscheck_finding WHERE trade_no = #{tradeNo} AND status = 'OPEN' ORDER BY id")
    List<FindingRow> openOf(String tradeNo);

    @Insert("INSERT INTO crosscheck_finding (trade_no, kind, subject, sides, status, first_seen, last_checked)"
            + " VALUES (#{tradeNo}, #{kind}, #{subject}, #{sides}, 'OPEN', #{now}, #{now})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insertFinding(FindingRow row);

    /**
     * Keeps an OPEN finding open, or opens a CLEARED one again (a new first sighting): answers 1 either way.
     * {@code status} is assigned last: MariaDB assigns left to right, so {@code first_seen} reads the old status.
     */
    @Update("UPDATE crosscheck_finding SET sides = #{sides}, last_checked = #{now},"
            + " first_seen = CASE WHEN status = 'OPEN' THEN first_seen ELSE #{now} END, cleared_at = NULL, status = 'OPEN'"
            + " WHERE trade_no = #{tradeNo} AND kind = #{kind} AND subject = #{subject}")
    int reopen(FindingRow row);

    @Select("SELECT status FROM crosscheck_finding WHERE trade_no = #{tradeNo} AND kind = #{kind} AND subject = #{subject}")
    String statusOf(@Param("tradeNo") String tradeNo, @Param("kind") String kind, @Param("subject") String subject);

    @Update("UPDATE crosscheck_finding SET status = 'CLEARED', cleared_at = #{now}, last_checked = #{now}"
            + " WHERE id = #{id} AND status = 'OPEN'")
    int clear(@Param("id") long id, @Param("now") LocalDateTime now);

    @Select("SELECT DISTINCT trade_no FROM crosscheck_finding WHERE status = 'OPEN' AND last_checked < #{before}"
            + " ORDER BY trade_no LIMIT #{limit}")
    List<String> openCheckedBefore(@Param("before") LocalDateTime before, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM crosscheck_finding WHERE status = 'OPEN'")
    long openCount();

    @Select("<script>SELECT " + FindingRow.COLUMNS + " FROM crosscheck_finding"
            + "<if test='status != null'> WHERE status = #{status}</if> ORDER BY id DESC LIMIT #{limit}</script>")
    List<FindingRow> list(@Param("status") String status, @Param("limit") int limit);
}
