package io.paysuite.channel.payout;

import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutDTO;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutStatus;
import java.time.Instant;

/**
 * A payout to a bank account, keyed by our payout number, which is also the payout channel's request
 * number (Alipay {@code out_biz_no}): sending it again is the same transfer at the channel.
 *
 * @param bankAccountNo   the full account number, needed to send the transfer again; sealed at rest by the repository
 * @param rawCode         the channel's last code (its status or refusal), for operators
 * @param channelPayoutNo the channel's own number, once it gave one
 */
public record Payout(String payoutNo, PayoutPurpose purpose, String ownerId, Money amount, String bankAccountNo, String accountName,
                     String remark, PayoutStatus status, String rawCode, String channelPayoutNo, Instant createdAt,
                     Instant finishedAt) {

    /** Only the last four digits ever leave this service. */
    public static String masked(String accountNo) {
        if (accountNo == null || accountNo.length() < 4) {
            return "****";
        }
        return "****" + accountNo.substring(accountNo.length() - 4);
    }

    public PayoutDTO toDTO() {
        return new PayoutDTO(payoutNo, purpose, ownerId, amount, masked(bankAccountNo), status, channelPayoutNo,
                status == PayoutStatus.FAILED ? rawCode : null, createdAt, finishedAt);
    }

    @Override
    public String toString() {
        return "Payout[payoutNo=" + payoutNo + ", purpose=" + purpose + ", ownerId=" + ownerId + ", amount=" + amount
                + ", bankAccountNo=" + masked(bankAccountNo) + ", status=" + status + ", rawCode=" + rawCode + "]";
    }
}
