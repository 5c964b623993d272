package io.paysuite.accounting.ledger;

import io.paysuite.api.ledger.JournalEntryDTO;
import java.util.List;
import java.util.Optional;

/** The journal and the balances it moves (port; infra implements it on MariaDB). */
public interface Journal {

    /**
     * Posts a checked entry in one transaction with its balance updates, or answers the entry
     * already posted under its key when the digest matches. Throws {@code POSTING_KEY_USED} when
     * the key holds other content and {@code INSUFFICIENT_BALANCE} when a never-negative account
     * would go below zero (then nothing is posted).
     */
    JournalEntryDTO post(EntryDraft draft);

    Optional<JournalEntryDTO> entryByKey(String postingKey);

    /** The entries whose {@code biz_no} is {@code bizNo}, with their lines, oldest first. */
    List<JournalEntryDTO> entriesOf(String bizNo);

    /** Entries with a line on any of {@code accountCodes} posted in [from, to), oldest first, at most {@code limit}. */
    List<JournalEntryDTO> entriesTouching(List<String> accountCodes, java.time.Instant from, java.time.Instant to, int limit);

    /** What the journal knows of a trade's earlier postings (entries whose biz_no is the trade number). */
    TradeHistory tradeHistory(String tradeNo, String feeIncomeAccount);

    /**
     * @param paid   whether a PAYMENT entry exists for the trade
     * @param feeCharged the fee credited to fee income by the trade's PAYMENT and RELEASE entries
     * @param released   what the trade's RELEASE entry took out of escrow (0 when none): the base
     *                   its fee was charged on
     */
    record TradeHistory(boolean paid, long feeCharged, long released) {

        public TradeHistory(boolean paid, long feeCharged) {
            this(paid, feeCharged, 0);
        }
    }
}
