package io.paysuite.accounting.infra.wallet;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Tables {@code wallet_transfer}, {@code wallet_transfer_day}, {@code wallet_withdrawal}, and the wallet's journal lines. */
@Mapper
public interface WalletMapper {

    String TRANSFER = "transfer_no, from_buyer_id, request_no, to_buyer_id, amount_minor, currency, posting_key, transfer_day,"
            + " created_at";
    String WITHDRAWAL = "withdrawal_no, buyer_id, request_no, card_id, card_last_four, amount_minor, currency, status,"
            + " created_at, finished_at";

    @Insert("INSERT INTO wallet_transfer (" + TRANSFER + ") VALUES (#{transferNo}, #{fromBuyerId}, #{requestNo}, #{toBuyerId},"
            + " #{amountMinor}, #{currency}, #{postingKey}, #{transferDay}, #{createdAt})")
    void insertTransfer(TransferRow row);

    @Select("SELECT " + TRANSFER + " FROM wallet_transfer WHERE from_buyer_id = #{buyerId} AND request_no = #{requestNo}")
    TransferRow findTransfer(@Param("buyerId") String buyerId, @Param("requestNo") String requestNo);

    /**
     * The day's row, at zero when new, locked exclusively either way until commit. Not {@code INSERT IGNORE}:
     * on an existing row that takes a shared lock, and two transfers both holding it and then both
     * updating the row deadlock; {@code ON DUPLICATE KEY UPDATE} takes the exclusive lock at once.
     */
    @Insert("INSERT INTO wallet_transfer_day (buyer_id, transfer_day, currency, transferred_minor)"
            + " VALUES (#{buyerId}, #{day}, #{currency}, 0) ON DUPLICATE KEY UPDATE transferred_minor = transferred_minor")
    void openDay(@Param("buyerId") String buyerId, @Param("day") LocalDate day, @Param("currency") String currency);

    /** Adds the amount unless the day's total would pass the limit: 1 row, or 0 when refused. Locks the row until commit. */
    @Update("UPDATE wallet_transfer_day SET transferred_minor = transferred_minor + #{amount}"
            + " WHERE buyer_id = #{buyerId} AND transfer_day = #{day} AND currency = #{currency}"
            + " AND transferred_minor + #{amount} <= #{limit}")
    int addToDay(@Param("buyerId") String buyerId, @Param("day") LocalDate day, @Param("currency") String currency,
                 @Param("amount") long amount, @Param("limit") long limit);

    @Insert("INSERT INTO wallet_withdrawal (" + WITHDRAWAL + ") VALUES (#{withdrawalNo}, #{buyerId}, #{requestNo}, #{cardId},"
            + " #{cardLastFour}, #{amountMinor}, #{currency}, #{status}, #{createdAt}, #{finishedAt})")
    void insertWithdrawal(WithdrawalRow row);

    @Select("SELECT " + WITHDRAWAL + " FROM wallet_withdrawal WHERE buyer_id = #{buyerId} AND request_no = #{requestNo}")
    WithdrawalRow findWithdrawal(@Param("buyerId") String buyerId, @Param("requestNo") String requestNo);

    @Select("SELECT " + WITHDRAWAL + " FROM wallet_withdrawal WHERE withdrawal_no = #{withdrawalNo}")
    WithdrawalRow findWithdrawalByNo(@Param("withdrawalNo") String withdrawalNo);

    @Update("UPDATE wallet_withdrawal SET status = #{to}, finished_at = #{at} WHERE withdrawal_no = #{withdrawalNo}"
            + " AND status = #{from}")
    int transition(@Param("withdrawalNo") String withdrawalNo, @Param("from") String from, @Param("to") String to,
                   @Param("at") LocalDateTime at);

    @Select("SELECT withdrawal_no FROM wallet_withdrawal WHERE status = 'PROCESSING' AND created_at < #{before}"
            + " ORDER BY created_at LIMIT #{limit}")
    List<String> processing(@Param("before") LocalDateTime before, @Param("limit") int limit);

    /** The account's lines, newest first, with their entries (index idx_line_account). */
    @Select("SELECT e.entry_no, e.biz_type, e.biz_no, l.side, l.amount, e.currency, e.posted_at"
            + " FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id"
            + " WHERE l.account_code = #{account} ORDER BY l.id DESC LIMIT #{limit}")
    List<LineRow> newestLines(@Param("account") String account, @Param("limit") int limit);
}
