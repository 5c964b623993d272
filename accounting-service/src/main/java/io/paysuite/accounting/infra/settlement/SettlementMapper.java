package io.paysuite.accounting.infra.settlement;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Tables {@code settlement} and {@code settlement_item}, and the journal as settlement reads it. */
@Mapper
public interface SettlementMapper {

    String COLUMNS = "id, settlement_no, merchant_id, currency, settle_date, period_from, period_to, cutoff_at, gross, refunds,"
            + " fees, adjustments, carried_forward, net, status, payout_no, bank_account, payout_status, paid_at, created_at,"
            + " updated_at";

    /** The signed change of an account in a line: credits count +, debits −. */
    String CREDIT_MINUS_DEBIT = "(CASE WHEN l.side = 'CREDIT' THEN l.amount ELSE -l.amount END)";

    /**
     * Pending accounts of a currency with lines of entries posted before {@code before} no settlement claimed, looked
     * for only after each account's settled-up-to mark ({@code settlement_mark}; 0 when it has none): one range of
     * {@code idx_line_account_entry} per account.
     */
    @Select("SELECT a.code FROM account a LEFT JOIN settlement_mark m ON m.account_code = a.code"
            + " WHERE a.code LIKE CONCAT('MERCHANT_PENDING:%:', #{currency}) AND EXISTS (SELECT 1 FROM journal_line l"
            + " JOIN journal_entry e ON e.id = l.entry_id WHERE l.account_code = a.code"
            + " AND l.entry_id > COALESCE(m.settled_to_entry_id, 0) AND e.posted_at < #{before} AND e.biz_type <> 'SETTLEMENT'"
            + " AND NOT EXISTS (SELECT 1 FROM settlement_item i WHERE i.merchant_id = a.owner_id AND i.entry_id = e.id))")
    List<String> pendingAccountsWithDue(@Param("currency") String currency, @Param("before") LocalDateTime before);

    /**
     * The unsettled entries on one pending account posted before the cutoff, with the account's change
     * and the fee of each; the settlement's own moves are not due.
     */
    @Select("SELECT e.id AS entry_id, e.entry_no, e.posting_key, e.biz_type, e.biz_no, e.posted_at,"
            + " SUM(CASE WHEN l.account_code = #{pending} THEN " + CREDIT_MINUS_DEBIT + " ELSE 0 END) AS pending_delta,"
            + " SUM(CASE WHEN l.account_code LIKE 'PLATFORM_FEE_INCOME:%' THEN " + CREDIT_MINUS_DEBIT + " ELSE 0 END) AS fee_delta"
            + " FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id"
            + " WHERE e.id IN (SELECT pl.entry_id FROM journal_line pl WHERE pl.account_code = #{pending} AND pl.entry_id > #{after})"
            + " AND e.posted_at < #{cutoff} AND e.biz_type <> 'SETTLEMENT'"
            + " AND NOT EXISTS (SELECT 1 FROM settlement_item i WHERE i.merchant_id = #{merchantId} AND i.entry_id = e.id)"
            + " GROUP BY e.id, e.entry_no, e.posting_key, e.biz_type, e.biz_no, e.posted_at ORDER BY e.posted_at, e.id")
    List<SettlementItemRow> due(@Param("merchantId") String merchantId, @Param("pending") String pendingAccount,
                                @Param("after") long after, @Param("cutoff") LocalDateTime cutoff);

    /** The account's settled-up-to journal position; null when never settled. */
    @Select("SELECT settled_to_entry_id FROM settlement_mark WHERE account_code = #{account}")
    Long settledTo(String account);

    /** The journal position of the last entry posted before {@code before}, by the posted-at index; null when none. */
    @Select("SELECT id FROM journal_entry WHERE posted_at < #{before} ORDER BY posted_at DESC, id DESC LIMIT 1")
    Long lastEntryBefore(LocalDateTime before);

    /** Moves the account's mark forward to {@code position}, never back (settle_date is assigned first, from the old mark). */
    @Insert("INSERT INTO settlement_mark (account_code, merchant_id, currency, settled_to_entry_id, settle_date, updated_at)"
            + " VALUES (#{account}, #{merchantId}, #{currency}, #{position}, #{date}, #{at}) ON DUPLICATE KEY UPDATE"
            + " settle_date = IF(VALUES(settled_to_entry_id) > settled_to_entry_id, VALUES(settle_date), settle_date),"
            + " settled_to_entry_id = GREATEST(settled_to_entry_id, VALUES(settled_to_entry_id)), updated_at = VALUES(updated_at)")
    int advanceMark(@Param("account") String account, @Param("merchantId") String merchantId, @Param("currency") String currency,
                    @Param("position") long position, @Param("date") LocalDate date, @Param("at") LocalDateTime at);

    @Insert("INSERT INTO settlement (settlement_no, merchant_id, currency, settle_date, period_from, period_to, cutoff_at, gross,"
            + " refunds, fees, adjustments, carried_forward, net, status, payout_no, bank_account, payout_status, paid_at,"
            + " created_at, updated_at) VALUES (#{settlementNo}, #{merchantId}, #{currency}, #{settleDate}, #{periodFrom},"
            + " #{periodTo}, #{cutoffAt}, #{gross}, #{refunds}, #{fees}, #{adjustments}, #{carriedForward}, #{net}, #{status},"
            + " #{payoutNo}, #{bankAccount}, #{payoutStatus}, #{paidAt}, #{createdAt}, #{updatedAt})")
    int insert(SettlementRow row);

    @Insert("<script>INSERT INTO settlement_item (settlement_no, merchant_id, entry_id, entry_no, posting_key, biz_type, biz_no,"
            + " posted_at, pending_delta, fee_delta) VALUES <foreach collection='items' item='i' separator=','>"
            + "(#{i.settlementNo}, #{i.merchantId}, #{i.entryId}, #{i.entryNo}, #{i.postingKey}, #{i.bizType}, #{i.bizNo},"
            + " #{i.postedAt}, #{i.pendingDelta}, #{i.feeDelta})</foreach></script>")
    int insertItems(@Param("items") List<SettlementItemRow> items);

    @Select("SELECT " + COLUMNS + " FROM settlement WHERE settlement_no = #{settlementNo}")
    SettlementRow find(String settlementNo);

    @Select("SELECT " + COLUMNS + " FROM settlement WHERE payout_no = #{payoutNo}")
    SettlementRow findByPayoutNo(String payoutNo);

    @Select("SELECT " + COLUMNS + " FROM settlement WHERE merchant_id = #{merchantId} AND settle_date = #{date}"
            + " AND currency = #{currency}")
    SettlementRow findRun(@Param("merchantId") String merchantId, @Param("date") LocalDate date,
                          @Param("currency") String currency);

    @Select("SELECT " + COLUMNS + " FROM settlement WHERE merchant_id = #{merchantId} AND currency = #{currency}"
            + " AND settle_date < #{date} ORDER BY settle_date DESC LIMIT 1")
    SettlementRow latestBefore(@Param("merchantId") String merchantId, @Param("currency") String currency,
                               @Param("date") LocalDate date);

    @Select("SELECT " + COLUMNS + " FROM settlement WHERE merchant_id = #{merchantId} AND settle_date BETWEEN #{from} AND #{to}"
            + " ORDER BY settle_date, currency")
    List<SettlementRow> list(@Param("merchantId") String merchantId, @Param("from") LocalDate from, @Param("to") LocalDate to);

    @Select("SELECT " + COLUMNS + " FROM settlement WHERE settle_date = #{date} ORDER BY merchant_id, currency")
    List<SettlementRow> ofDate(LocalDate date);

    @Select("SELECT settlement_no, merchant_id, entry_id, entry_no, posting_key, biz_type, biz_no, posted_at, pending_delta,"
            + " fee_delta FROM settlement_item WHERE settlement_no = #{settlementNo} ORDER BY posted_at, entry_id")
    List<SettlementItemRow> items(String settlementNo);

    @Update("UPDATE settlement SET payout_no = #{payoutNo}, bank_account = #{bankAccount}, payout_status = #{payoutStatus},"
            + " updated_at = #{at} WHERE settlement_no = #{settlementNo} AND status = 'PROCESSING'")
    int recordPayout(@Param("settlementNo") String settlementNo, @Param("payoutNo") String payoutNo,
                     @Param("bankAccount") String bankAccount, @Param("payoutStatus") String payoutStatus,
                     @Param("at") LocalDateTime at);

    /** The compare-and-set of {@code SettlementTransitions}; the payout number is kept if already recorded. */
    @Update("UPDATE settlement SET status = #{to}, payout_no = COALESCE(payout_no, #{payoutNo}), payout_status = #{payoutStatus},"
            + " paid_at = #{paidAt}, updated_at = #{at} WHERE settlement_no = #{settlementNo} AND status = #{from}")
    int transition(@Param("settlementNo") String settlementNo, @Param("from") String from, @Param("to") String to,
                   @Param("payoutNo") String payoutNo, @Param("payoutStatus") String payoutStatus,
                   @Param("paidAt") LocalDateTime paidAt, @Param("at") LocalDateTime at);

    @Select("SELECT " + COLUMNS + " FROM settlement WHERE merchant_id = #{merchantId} AND currency = #{currency}"
            + " AND status = 'PROCESSING' ORDER BY settle_date")
    List<SettlementRow> openOf(@Param("merchantId") String merchantId, @Param("currency") String currency);

    @Select("SELECT " + COLUMNS + " FROM settlement WHERE status = 'PROCESSING' AND updated_at < #{before}"
            + " ORDER BY updated_at LIMIT #{limit}")
    List<SettlementRow> processing(@Param("before") LocalDateTime before, @Param("limit") int limit);
}
