package io.paysuite.channel.recon;

import io.paysuite.api.channel.ChannelCode;
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

    /** Whether an entry is posted under {@code postingKey}. */
    boolean posted(String postingKey);
}
