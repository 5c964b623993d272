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

    /** Notes trades to check; a trade already waiting keeps its place and is marked as noted again. */
    @Insert("<script>INSERT INTO crosscheck_pending (trade_no, refund_no, noted_at, attempts, renoted) VALUES"
            + "<foreach collection='rows' item='r' separator=','>(#{r.tradeNo}, #{r.refundNo}, #{r.notedAt}, 0, 0)</foreach>"
            + " ON DUPLICATE KEY UPDATE renoted = 1</script>")
    int note(@Param("rows") List<PendingRow> rows);

    /**
     * Claims a round's due checks in one statement. Under READ COMMITTED a row another instance is
     * claiming at the same moment is waited for and then read again, so it no longer matches: each row
     * is one round's. {@code renoted} is reset: the check about to run reads what that news said.
     */
    @Update("UPDATE crosscheck_pending SET noted_at = #{now}, renoted = 0, claim = #{claim} WHERE noted_at < #{before}"
            + " ORDER BY noted_at LIMIT #{limit}")
    int claimDue(@Param("before") LocalDateTime before, @Param("now") LocalDateTime now, @Param("claim") String claim,
                 @Param("limit") int limit);

    @Select("SELECT trade_no, refund_no, noted_at, attempts FROM crosscheck_pending WHERE noted_at = #{now} AND claim = #{claim}"
            + " ORDER BY trade_no, refund_no")
    List<PendingRow> claimed(@Param("now") LocalDateTime now, @Param("claim") String claim);

    @Update("UPDATE crosscheck_pending SET attempts = attempts + 1 WHERE trade_no = #{tradeNo} AND refund_no = #{refundNo}")
    int lookAgain(@Param("tradeNo") String tradeNo, @Param("refundNo") String refundNo);

    String PENDING_KEYS = "<foreach collection='checks' item='c' open='(' separator=' OR ' close=')'>"
            + "(trade_no = #{c.tradeNo} AND refund_no = #{c.refundNo})</foreach>";

    /** Forgets finished checks, except those noted again since their claim. */
    @Delete("<script>DELETE FROM crosscheck_pending WHERE " + PENDING_KEYS + " AND renoted = 0</script>")
    int forget(@Param("checks") List<PendingRow> checks);

    /** The finished checks that were noted again since their claim (the only ones {@link #forget} left) wait again. */
    @Update("<script>UPDATE crosscheck_pending SET noted_at = #{now}, attempts = 0, renoted = 0 WHERE " + PENDING_KEYS
            + " AND renoted = 1</script>")
    int renote(@Param("checks") List<PendingRow> checks, @Param("now") LocalDateTime now);

    @Insert("<script>INSERT INTO crosscheck_trade (trade_no, checked_at) VALUES"
            + "<foreach collection='tradeNos' item='t' separator=','>(#{t}, #{at})</foreach>"
            + " ON DUPLICATE KEY UPDATE checked_at = GREATEST(checked_at, VALUES(checked_at))</script>")
    int checked(@Param("tradeNos") List<String> tradeNos, @Param("at") LocalDateTime at);

    /** The first entry of the look-back window: where a starting sweep begins (by idx_entry_posted_at). */
    @Select("SELECT COALESCE(MIN(id), (SELECT COALESCE(MAX(id), 0) + 1 FROM journal_entry)) FROM journal_entry"
            + " WHERE posted_at >= #{since}")
    long firstEntrySince(@Param("since") LocalDateTime since);

    /** Entries after the cursor posted before {@code before}, by primary key. */
    @Select("SELECT e.id, e.biz_no, e.posted_at, c.checked_at FROM journal_entry e"
            + " LEFT JOIN crosscheck_trade c ON c.trade_no = e.biz_no"
            + " WHERE e.id >= #{fromId} AND e.posted_at < #{before} ORDER BY e.id LIMIT #{limit}")
    List<EntryRow> entriesFrom(@Param("fromId") long fromId, @Param("before") LocalDateTime before, @Param("limit") int limit);

    /** By uk_crosscheck_finding's leading trade_no. */
    @Select("<script>SELECT " + FindingRow.COLUMNS + " FROM crosscheck_finding WHERE trade_no IN"
            + "<foreach collection='tradeNos' item='t' open='(' separator=',' close=')'>#{t}</foreach>"
            + " AND status = 'OPEN' ORDER BY id</script>")
    List<FindingRow> openOf(@Param("tradeNos") List<String> tradeNos);

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
