package io.paysuite.api.member;

import java.io.Serializable;

/** The full settlement bank account, only for the payout that needs it (a guarded method). */
public record SettlementAccountDTO(String merchantId, String accountNo, String accountName, String bankName)
        implements Serializable {

    /** How every answer shows an account number: {@code ****} and its last four digits, as banks print them. */
    public static String mask(String accountNo) {
        return accountNo == null ? null : "****" + accountNo.substring(Math.max(0, accountNo.length() - 4));
    }

    @Override
    public String toString() {
        return "SettlementAccountDTO[merchantId=" + merchantId + ", accountNo=****, accountName=" + accountName
                + ", bankName=" + bankName + "]";
    }
}
