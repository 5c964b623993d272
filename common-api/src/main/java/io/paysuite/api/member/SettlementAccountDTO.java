package io.paysuite.api.member;

import java.io.Serializable;

/** The full settlement bank account, only for the payout that needs it (a guarded method). */
public record SettlementAccountDTO(String merchantId, String accountNo, String accountName, String bankName)
        implements Serializable {

    @Override
    public String toString() {
        return "SettlementAccountDTO[merchantId=" + merchantId + ", accountNo=****, accountName=" + accountName
                + ", bankName=" + bankName + "]";
    }
}
