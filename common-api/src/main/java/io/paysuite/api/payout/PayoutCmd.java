package io.paysuite.api.payout;

import io.paysuite.api.money.Money;
import java.io.Serializable;

/**
 * Pay money out to a bank account. {@code payoutNo} is the idempotency key: the same number with
 * the same content answers the payout as it stands; with other content it is refused.
 *
 * @param payoutNo      ours, unique, chosen by the owner of the money (e.g. derived from the settlement number)
 * @param purpose       whose money and why
 * @param ownerId       the merchant id ({@code SETTLEMENT}) or buyer id ({@code WITHDRAWAL})
 * @param amount        positive, in minor units
 * @param bankAccountNo the full account or card number; never answered back unmasked
 * @param accountName   the account holder's name as the bank knows it
 * @param remark        what the receiver's statement shows (e.g. the settlement number)
 */
public record PayoutCmd(String payoutNo, PayoutPurpose purpose, String ownerId, Money amount, String bankAccountNo,
                        String accountName, String remark) implements Serializable {

    @Override
    public String toString() {
        return "PayoutCmd[payoutNo=" + payoutNo + ", purpose=" + purpose + ", ownerId=" + ownerId + ", amount=" + amount
                + ", bankAccountNo=****, accountName=" + accountName + ", remark=" + remark + "]";
    }
}
