package io.paysuite.api.member;

import java.io.Serializable;

/**
 * Set a merchant's settlement terms (at onboarding or by an operator): the cycle T+N (1–30 days),
 * the settlement bank account (digits, 8–32), its holder and bank, and the default notify URL of
 * settlement notifications (https or http, may be null). The last call wins.
 */
public record SettlementTermsCmd(String merchantId, int cycleDays, String accountNo, String accountName, String bankName,
                                 String notifyUrl) implements Serializable {

    @Override
    public String toString() {
        return "SettlementTermsCmd[merchantId=" + merchantId + ", cycleDays=" + cycleDays + ", accountNo=****, accountName="
                + accountName + ", bankName=" + bankName + ", notifyUrl=" + notifyUrl + "]";
    }
}
