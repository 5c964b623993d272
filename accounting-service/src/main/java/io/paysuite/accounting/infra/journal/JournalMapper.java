package io.paysuite.accounting.infra.journal;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code journal_entry} and {@code journal_line}. */
@Mapper
public interface JournalMapper {

    String ENTRY_COLUMNS = "id, entry_no, posting_key, biz_type, biz_no, currency, content_digest, memo, posted_at";

    @Insert("INSERT INTO journal_entry (entry_no, posting_key, biz_type, biz_no, currency, content_digest, memo, posted_at)"
            + " VALUES (#{entryNo}, #{postingKey}, #{bizType}, #{bizNo}, #{currency}, #{contentDigest}, #{memo}, #{postedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insertEntry(JournalEntryDO entry);

    @Insert("<script>INSERT INTO journal_line (entry_id, line_no, account_code, side, amount, applied) VALUES"
            + "<foreach collection='lines' item='l' separator=','>"
            + "(#{l.entryId}, #{l.lineNo}, #{l.accountCode}, #{l.side}, #{l.amount}, #{l.applied})"
            + "</foreach></script>")
    int insertLines(@Param("lines") List<JournalLineDO> lines);

    @Select("SELECT " + ENTRY_COLUMNS + " FROM journal_entry WHERE posting_key = #{postingKey}")
    JournalEntryDO findByKey(String postingKey);

    @Select("SELECT id, entry_id, line_no, account_code, side, amount, applied FROM journal_line"
            + " WHERE entry_id = #{entryId} ORDER BY line_no")
    List<JournalLineDO> linesOf(long entryId);

    /** By idx_entry_biz; posting order, the id breaking ties within a millisecond. */
    @Select("SELECT " + ENTRY_COLUMNS + " FROM journal_entry WHERE biz_no = #{bizNo} ORDER BY posted_at, id")
    List<JournalEntryDO> findByBizNo(String bizNo);

    /** {@link #findByBizNo} of several numbers in one statement (internal reconciliation's round). */
    @Select("<script>SELECT " + ENTRY_COLUMNS + " FROM journal_entry WHERE biz_no IN"
            + "<foreach collection='bizNos' item='b' open='(' separator=',' close=')'>#{b}</foreach>"
            + " ORDER BY posted_at, id</script>")
    List<JournalEntryDO> findByBizNos(@Param("bizNos") List<String> bizNos);

    /** {@link #linesByBizNo} of several numbers in one statement. */
    @Select("<script>SELECT l.id, l.entry_id, l.line_no, l.account_code, l.side, l.amount, l.applied"
            + " FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id WHERE e.biz_no IN"
            + "<foreach collection='bizNos' item='b' open='(' separator=',' close=')'>#{b}</foreach>"
            + " ORDER BY l.entry_id, l.line_no</script>")
    List<JournalLineDO> linesByBizNos(@Param("bizNos") List<String> bizNos);

    /** The lines of every entry with this biz_no in one statement (not one query per entry). */
    @Select("SELECT l.id, l.entry_id, l.line_no, l.account_code, l.side, l.amount, l.applied"
            + " FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id"
            + " WHERE e.biz_no = #{bizNo} ORDER BY l.entry_id, l.line_no")
    List<JournalLineDO> linesByBizNo(String bizNo);

    /** Entries with a line on any of these accounts posted in [from, to): by idx_line_account. */
    @Select("<script>SELECT " + ENTRY_COLUMNS + " FROM journal_entry WHERE id IN (SELECT DISTINCT l.entry_id FROM journal_line l"
            + " WHERE l.account_code IN <foreach collection='accounts' item='a' open='(' separator=',' close=')'>#{a}</foreach>)"
            + " AND posted_at &gt;= #{from} AND posted_at &lt; #{to} ORDER BY posted_at, id LIMIT #{limit}</script>")
    List<JournalEntryDO> touching(@Param("accounts") List<String> accounts, @Param("from") java.time.LocalDateTime from,
                                  @Param("to") java.time.LocalDateTime to, @Param("limit") int limit);

    @Select("<script>SELECT id, entry_id, line_no, account_code, side, amount, applied FROM journal_line WHERE entry_id IN"
            + " <foreach collection='ids' item='i' open='(' separator=',' close=')'>#{i}</foreach> ORDER BY entry_id, line_no</script>")
    List<JournalLineDO> linesOfEntries(@Param("ids") List<Long> ids);

    /**
     * The trade's lock: its first PAYMENT entry row, locked until the posting commits. A trade
     * posting takes it first, before any other lock, so postings of one trade queue here and never
     * lock rows in two orders. Null (no lock) when the trade has no payment: nothing can then be
     * released, refunded or reversed, and the posting is refused.
     */
    @Select("SELECT id FROM journal_entry WHERE biz_no = #{tradeNo} AND biz_type = 'PAYMENT' ORDER BY id LIMIT 1 FOR UPDATE")
    Long lockTrade(String tradeNo);

    /**
     * Takes up to {@code limit} buffered lines for this applier. SKIP LOCKED: a second applier
     * (another instance) takes other lines instead of waiting, and a posting still in flight holds
     * its own fresh lines locked, so they are taken only once committed.
     */
    @Select("SELECT id, entry_id, line_no, account_code, side, amount, applied FROM journal_line"
            + " WHERE applied = 0 LIMIT #{limit} FOR UPDATE SKIP LOCKED")
    List<JournalLineDO> lockUnapplied(int limit);

    /**
     * By primary key only: these rows are already locked by this applier's {@link #lockUnapplied}.
     * A condition on {@code applied} could make the update walk the (applied, account_code) index
     * and wait on lines another applier holds while that applier waits on an account row this one
     * updated — a deadlock seen once in the benchmark run with two instances.
     */
    @Update("<script>UPDATE journal_line SET applied = 1 WHERE id IN"
            + "<foreach collection='ids' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
    int markApplied(@Param("ids") List<Long> ids);
}
