package io.paysuite.accounting.ledger;

import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.PostingLine;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * As {@link #post(EntryDraft)}, with {@code alongside} run in the same local transaction before the
     * entry is written: a record that must exist exactly when its entry does (a wallet transfer, a
     * withdrawal's state). What {@code alongside} throws rolls the entry back; a duplicate key it hits
     * is answered like the entry's own (the entry under the key, if committed, else the exception).
     * A repeat of the key answers the first entry without running it. (A default only so that a journal
     * written for one test need not implement it; the ledger's own journals do.)
     */
    default JournalEntryDTO post(EntryDraft draft, Runnable alongside) {
        throw new UnsupportedOperationException("this journal cannot post a record alongside an entry");
    }

    Optional<JournalEntryDTO> entryByKey(String postingKey);

    /** The entries whose {@code biz_no} is {@code bizNo}, with their lines, oldest first. */
    List<JournalEntryDTO> entriesOf(String bizNo);

    /**
     * {@link #entriesOf} of several business numbers; every number asked is a key (with an empty list
     * when it has no entry). The ledger's journal reads them all in two statements.
     */
    default Map<String, List<JournalEntryDTO>> entriesOf(Collection<String> bizNos) {
        Map<String, List<JournalEntryDTO>> entries = new LinkedHashMap<>();
        bizNos.forEach(bizNo -> entries.put(bizNo, entriesOf(bizNo)));
        return entries;
    }

    /**
     * Entries with a line on any of {@code accountCodes} posted in [from, to), oldest first, at most {@code limit},
     * with their memos (the merchant's statement reads a merchant discount there, which no line carries).
     */
    List<Touching> entriesTouching(List<String> accountCodes, java.time.Instant from, java.time.Instant to, int limit);

    /** An entry {@link #entriesTouching} found, and its memo. */
    record Touching(JournalEntryDTO entry, String memo) {
    }

    /**
     * Posts the entry a trade posting composes from the trade's own entries, read while holding the
     * trade's lock inside the posting's transaction: two postings of one trade (two refunds, a refund
     * and a release) are serialised, so neither composes from what the other is about to change. A
     * repeat of the key answers the first entry (same digest) without composing, or
     * {@code POSTING_KEY_USED}. Otherwise as {@link #post(EntryDraft)}.
     */
    JournalEntryDTO post(TradePosting posting);

    /**
     * One posted entry of a trade as a trade posting reads it ({@code memo} included: a refund
     * reversal names the refund entry it reverses there).
     */
    record Posted(String postingKey, String bizType, String currency, String memo, List<PostingLine> lines) {

        public Posted {
            lines = List.copyOf(lines);
        }
    }
}
