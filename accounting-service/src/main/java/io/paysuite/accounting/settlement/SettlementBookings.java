package io.paysuite.accounting.settlement;

import io.paysuite.accounting.ledger.EntryRules;
import io.paysuite.accounting.ledger.Journal;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import java.util.List;

/**
 * The journal entries of a settlement and its payout, each balanced and under its own deterministic
 * key, so a re-run or a recovery posts nothing twice (the ledger answers the first entry):
 * <ul>
 *   <li>move ({@code STL-<settlement>}): Dr {@code MERCHANT_PENDING} / Cr {@code MERCHANT_AVAILABLE}
 *       by what the settlement moved (the other way round when refunds after settlement made it negative);</li>
 *   <li>hold ({@code PAYOUT-<payout>}): Dr {@code MERCHANT_AVAILABLE} / Cr {@code PAYOUT_IN_TRANSIT},
 *       before the payout is sent;</li>
 *   <li>final ({@code PAYOUT-FINAL-<payout>}): Dr {@code PAYOUT_IN_TRANSIT} / Cr {@code PLATFORM_BANK} when
 *       the payout succeeded, Cr {@code MERCHANT_AVAILABLE} when it failed — one key for both outcomes, so
 *       a contradicting second answer is refused ({@code POSTING_KEY_USED}) instead of booked.</li>
 * </ul>
 */
public final class SettlementBookings {

    public static final String MOVE = "SETTLEMENT";
    public static final String HOLD = "PAYOUT";
    public static final String PAID = "PAYOUT_PAID";
    public static final String RETURNED = "PAYOUT_RETURNED";

    private final EntryRules rules;
    private final Journal journal;

    public SettlementBookings(EntryRules rules, Journal journal) {
        this.rules = rules;
        this.journal = journal;
    }

    /** Posts the move, or nothing when the settlement moved zero. */
    public void move(Settlement s) {
        long moved = s.figures().moved();
        if (moved == 0) {
            return;
        }
        AccountRef pending = new AccountRef(AccountType.MERCHANT_PENDING, s.merchantId(), s.currency());
        AccountRef available = new AccountRef(AccountType.MERCHANT_AVAILABLE, s.merchantId(), s.currency());
        post(SettlementNumbers.moveKey(s.settlementNo()), MOVE, s, moved > 0 ? pending : available,
                moved > 0 ? available : pending, Math.abs(moved), "settlement " + s.settlementNo() + " of " + s.periodFrom()
                        + ".." + s.periodTo());
    }

    public void hold(Settlement s, String payoutNo) {
        post(SettlementNumbers.holdKey(payoutNo), HOLD, s,
                new AccountRef(AccountType.MERCHANT_AVAILABLE, s.merchantId(), s.currency()), transit(s), s.figures().net(),
                "payout " + payoutNo + " of settlement " + s.settlementNo());
    }

    public JournalEntryDTO paid(Settlement s, String payoutNo) {
        return post(SettlementNumbers.finalKey(payoutNo), PAID, s, transit(s),
                new AccountRef(AccountType.PLATFORM_BANK, AccountRef.PLATFORM, s.currency()), s.figures().net(),
                "payout " + payoutNo + " paid");
    }

    public JournalEntryDTO returned(Settlement s, String payoutNo) {
        return post(SettlementNumbers.finalKey(payoutNo), RETURNED, s, transit(s),
                new AccountRef(AccountType.MERCHANT_AVAILABLE, s.merchantId(), s.currency()), s.figures().net(),
                "payout " + payoutNo + " failed: back to available");
    }

    private static AccountRef transit(Settlement s) {
        return new AccountRef(AccountType.PAYOUT_IN_TRANSIT, s.merchantId(), s.currency());
    }

    private JournalEntryDTO post(String key, String bizType, Settlement s, AccountRef debit, AccountRef credit, long amount,
                                 String memo) {
        return journal.post(rules.draft(new PostingCmd(key, bizType, s.settlementNo(), s.currency(), List.of(
                new PostingLine(debit, AccountType.Side.DEBIT, amount),
                new PostingLine(credit, AccountType.Side.CREDIT, amount)), memo)));
    }
}
