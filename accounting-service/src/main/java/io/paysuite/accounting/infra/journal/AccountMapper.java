package io.paysuite.accounting.infra.journal;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * {@code account}. Totals change only through {@link #apply} and {@link #applyGuarded}, called by
 * the journal poster and the hot-account applier with a journal line beside every change.
 */
@Mapper
public interface AccountMapper {

    /** Opens the account if it is not there; a no-op (0 rows) if it is. */
    @Insert("INSERT IGNORE INTO account (code, type, owner_id, currency, created_at, updated_at)"
            + " VALUES (#{code}, #{type}, #{ownerId}, #{currency}, #{at}, #{at})")
    int open(@Param("code") String code, @Param("type") String type, @Param("ownerId") String ownerId,
             @Param("currency") String currency, @Param("at") LocalDateTime at);

    @Update("UPDATE account SET debit_total = debit_total + #{debit}, credit_total = credit_total + #{credit},"
            + " balance = balance + #{balanceDelta}, version = version + 1, updated_at = #{at} WHERE code = #{code}")
    int apply(@Param("code") String code, @Param("debit") long debit, @Param("credit") long credit,
              @Param("balanceDelta") long balanceDelta, @Param("at") LocalDateTime at);

    /**
     * The never-negative update: the row changes only if the balance stays ≥ 0, checked and written
     * under the row lock by the database in one statement (no read-then-write race).
     */
    @Update("UPDATE account SET debit_total = debit_total + #{debit}, credit_total = credit_total + #{credit},"
            + " balance = balance + #{balanceDelta}, version = version + 1, updated_at = #{at}"
            + " WHERE code = #{code} AND balance + #{balanceDelta} >= 0")
    int applyGuarded(@Param("code") String code, @Param("debit") long debit, @Param("credit") long credit,
                     @Param("balanceDelta") long balanceDelta, @Param("at") LocalDateTime at);

    String TOTALS = "SELECT a.code, a.type, a.debit_total, a.credit_total,"
            + " COALESCE(b.debit, 0) AS buffered_debit, COALESCE(b.credit, 0) AS buffered_credit FROM account a"
            + " LEFT JOIN (SELECT account_code, SUM(CASE WHEN side = 'DEBIT' THEN amount ELSE 0 END) AS debit,"
            + " SUM(CASE WHEN side = 'CREDIT' THEN amount ELSE 0 END) AS credit FROM journal_line WHERE applied = 0"
            + " GROUP BY account_code) b ON b.account_code = a.code";

    /**
     * One statement, so one InnoDB read view: an applier committing between "read the row" and
     * "read the buffered lines" can neither hide lines nor count them twice.
     */
    @Select(TOTALS + " WHERE a.code = #{code}")
    AccountTotalsRow totals(String code);

    @Select(TOTALS + " WHERE a.currency = #{currency} ORDER BY a.code")
    List<AccountTotalsRow> totalsOf(String currency);
}
