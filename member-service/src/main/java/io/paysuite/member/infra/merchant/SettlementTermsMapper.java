package io.paysuite.member.infra.merchant;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Table {@code merchant_settlement_terms}. */
@Mapper
public interface SettlementTermsMapper {

    /** A row of the table. */
    class Row {
        public String merchantId;
        public int cycleDays;
        public String accountSealed;
        public String accountLast4;
        public String accountName;
        public String bankName;
        public String notifyUrl;
        public LocalDateTime updatedAt;
    }

    @Insert("INSERT INTO merchant_settlement_terms (merchant_id, cycle_days, account_sealed, account_last4, account_name,"
            + " bank_name, notify_url, updated_at) VALUES (#{r.merchantId}, #{r.cycleDays}, #{r.accountSealed},"
            + " #{r.accountLast4}, #{r.accountName}, #{r.bankName}, #{r.notifyUrl}, #{r.updatedAt})"
            + " ON DUPLICATE KEY UPDATE cycle_days = VALUES(cycle_days), account_sealed = VALUES(account_sealed),"
            + " account_last4 = VALUES(account_last4), account_name = VALUES(account_name), bank_name = VALUES(bank_name),"
            + " notify_url = VALUES(notify_url), updated_at = VALUES(updated_at)")
    int upsert(@Param("r") Row row);

    @Select("SELECT merchant_id, cycle_days, account_sealed, account_last4, account_name, bank_name, notify_url, updated_at"
            + " FROM merchant_settlement_terms WHERE merchant_id = #{merchantId}")
    Row find(String merchantId);
}
