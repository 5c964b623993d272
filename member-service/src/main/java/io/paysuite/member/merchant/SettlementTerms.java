package io.paysuite.member.merchant;

import io.paysuite.api.member.SettlementAccountDTO;
import io.paysuite.api.member.SettlementTermsDTO;

/**
 * A merchant's settlement terms as stored, the account number in full (it leaves member-service
 * only through {@link #account()}, for the payout).
 *
 * @param accountNo null when no account was set
 */
public record SettlementTerms(String merchantId, int cycleDays, String accountNo, String accountName, String bankName,
                              String notifyUrl) {

    /** Terms of a merchant that never set any. */
    public static final int DEFAULT_CYCLE_DAYS = 1;

    public static SettlementTerms defaults(String merchantId) {
        return new SettlementTerms(merchantId, DEFAULT_CYCLE_DAYS, null, null, null, null);
    }

    public SettlementTermsDTO masked() {
        return new SettlementTermsDTO(merchantId, cycleDays, mask(accountNo), accountName, bankName, notifyUrl);
    }

    public SettlementAccountDTO account() {
        return new SettlementAccountDTO(merchantId, accountNo, accountName, bankName);
    }

    public static String mask(String accountNo) {
        return SettlementAccountDTO.mask(accountNo);
    }

    @Override
    public String toString() {
        return "SettlementTerms[merchantId=" + merchantId + ", cycleDays=" + cycleDays + ", account=" + mask(accountNo) + "]";
    }
}
