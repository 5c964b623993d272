package io.paysuite.channel.recon;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.payout.Payout;
import java.time.LocalDate;

/**
 * The ledger's side of reconciliation: every entry balanced and under its own deterministic posting key, so a
 * repeat (a re-run, a retry after a lost answer) is the same entry.
 */
public interface ReconciliationLedger {

    /**
     * Clearing of a channel's bill day: {@code net} (gross − refunds, either sign) leaves {@code CHANNEL_CLEARING:<channel>},
     * {@code net − fee} arrives in {@code PLATFORM_BANK}, {@code fee} is booked to {@code CHANNEL_FEE_EXPENSE}.
     *
     * @return false when the ledger did not confirm it (asked again on the next run)
     */
    boolean clear(ChannelCode channel, LocalDate billDate, String postingKey, long net, long fee, String currency);

    /**
     * Books a difference an operator accepted or adjusted: {@code effect} (signed, see
     * {@link ReconDifference#clearingEffect()}) between the counter account and {@code RECONCILIATION_SUSPENSE}, the
     * operator and reason in the memo.
     *
     * @param owedBack the counter account is {@code ESCROW:PAYBACK} (the payment was booked as owed back to a buyer)
     *                 rather than {@code CHANNEL_CLEARING:<channel>}
     * @throws io.paysuite.api.error.BizException when the ledger refuses or does not answer (nothing is resolved)
     */
    void settleDifference(ReconDifference difference, String postingKey, long effect, boolean owedBack, String memo);

    /**
     * Books a payout difference an operator resolved: {@code bankEffect} (signed, see {@link ReconDifference#bankEffect()})
     * between {@code PLATFORM_BANK} and the counter account — the payout's owner ({@code MERCHANT_AVAILABLE:<owner>} for
     * a settlement, {@code BUYER_WALLET:<owner>} for a withdrawal) when {@code owner} is given, else
     * {@code RECONCILIATION_SUSPENSE} — the operator and reason in the memo.
     *
     * @throws io.paysuite.api.error.BizException when the ledger refuses (an owner's balance that no longer holds what
     *                                            is taken back: {@code INSUFFICIENT_BALANCE}) or does not answer
     */
    void settlePayoutDifference(ReconDifference difference, String postingKey, long bankEffect, Payout owner, String memo);

    /** Whether an entry is posted under {@code postingKey}. */
    boolean posted(String postingKey);
}
