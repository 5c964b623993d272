package io.paysuite.accounting.wallet;

import io.paysuite.accounting.ledger.EntryDraft;
import io.paysuite.accounting.ledger.EntryRules;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.money.Money;
import java.util.List;

/**
 * The wallet's journal entries, each balanced, two lines, under its own key:
 * <pre>
 *   transfer            WTR-&lt;transfer&gt;      Dr BUYER_WALLET:sender      / Cr BUYER_WALLET:receiver
 *   withdrawal (hold)   WDR-&lt;withdrawal&gt;    Dr BUYER_WALLET:buyer       / Cr PAYOUT_IN_TRANSIT:buyer
 *   withdrawal paid     WDR-FINAL-&lt;w&gt;       Dr PAYOUT_IN_TRANSIT:buyer  / Cr PLATFORM_BANK:PLATFORM
 *   withdrawal returned WDR-FINAL-&lt;w&gt;       Dr PAYOUT_IN_TRANSIT:buyer  / Cr BUYER_WALLET:buyer
 * </pre>
 * as settlement books a merchant's payout: one final key for both outcomes, so a contradicting second
 * answer is refused ({@code POSTING_KEY_USED}) and the first final answer wins. The wallet is never
 * negative (the journal refuses with {@code INSUFFICIENT_BALANCE}, nothing posted).
 */
public final class WalletEntries {

    public static final String TRANSFER = "WALLET_TRANSFER";
    public static final String WITHDRAWAL = "WITHDRAWAL";
    public static final String WITHDRAWAL_PAID = "WITHDRAWAL_PAID";
    public static final String WITHDRAWAL_RETURNED = "WITHDRAWAL_RETURNED";

    private final EntryRules rules;

    public WalletEntries(EntryRules rules) {
        this.rules = rules;
    }

    EntryDraft transfer(String transferNo, String from, String to, Money amount) {
        return draft("WTR-" + transferNo, TRANSFER, transferNo, wallet(from, amount), wallet(to, amount), amount,
                "transfer " + from + " -> " + to);
    }

    EntryDraft hold(Withdrawal w) {
        return draft("WDR-" + w.withdrawalNo(), WITHDRAWAL, w.withdrawalNo(), wallet(w.buyerId(), w.amount()), transit(w),
                w.amount(), "withdrawal to card " + w.cardId());
    }

    EntryDraft paid(Withdrawal w) {
        return draft(finalKey(w), WITHDRAWAL_PAID, w.withdrawalNo(), transit(w),
                new AccountRef(AccountType.PLATFORM_BANK, AccountRef.PLATFORM, w.amount().currency()), w.amount(),
                "withdrawal " + w.withdrawalNo() + " paid out");
    }

    EntryDraft returned(Withdrawal w) {
        return draft(finalKey(w), WITHDRAWAL_RETURNED, w.withdrawalNo(), transit(w), wallet(w.buyerId(), w.amount()),
                w.amount(), "withdrawal " + w.withdrawalNo() + " failed: back to the wallet");
    }

    static String finalKey(Withdrawal w) {
        return "WDR-FINAL-" + w.withdrawalNo();
    }

    private static AccountRef wallet(String buyerId, Money amount) {
        return new AccountRef(AccountType.BUYER_WALLET, buyerId, amount.currency());
    }

    private static AccountRef transit(Withdrawal w) {
        return new AccountRef(AccountType.PAYOUT_IN_TRANSIT, w.buyerId(), w.amount().currency());
    }

    private EntryDraft draft(String key, String bizType, String bizNo, AccountRef debit, AccountRef credit, Money amount,
                             String memo) {
        return rules.draft(new PostingCmd(key, bizType, bizNo, amount.currency(), List.of(
                new PostingLine(debit, AccountType.Side.DEBIT, amount.minor()),
                new PostingLine(credit, AccountType.Side.CREDIT, amount.minor())), memo));
    }
}
