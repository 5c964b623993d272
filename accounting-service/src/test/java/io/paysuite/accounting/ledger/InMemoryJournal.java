package io.paysuite.accounting.ledger;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.PostingLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The journal in memory for the ledger's unit tests: idempotent on the key with the digest check,
 * never-negative accounts refused as on MariaDB, and a trade posting composed from the trade's
 * entries inside the same lock as the write (here one monitor; on MariaDB the trade's row lock).
 */
public final class InMemoryJournal implements Journal {

    private record Stored(JournalEntryDTO entry, String digest, String memo) {
    }

    private final List<Stored> entries = new ArrayList<>();

    @Override
    public synchronized JournalEntryDTO post(EntryDraft draft) {
        return post(draft, () -> { });
    }

    /** {@code alongside} runs once the entry is known to post, so a refused entry leaves it unrun (a rollback, here). */
    @Override
    public synchronized JournalEntryDTO post(EntryDraft draft, Runnable alongside) {
        Optional<Stored> earlier = stored(draft.postingKey());
        if (earlier.isPresent()) {
            return repeat(earlier.get(), draft.postingKey(), draft.digest());
        }
        Map<AccountRef, Long> effect = new HashMap<>(); // per account, as one entry moves it
        draft.lines().forEach(line -> effect.merge(line.account(), delta(line), Long::sum));
        effect.forEach((account, delta) -> {
            if (account.type().neverNegative() && balance(account) + delta < 0) {
                throw new BizException(ErrorCode.INSUFFICIENT_BALANCE, account.code() + " cannot go below zero");
            }
        });
        alongside.run();
        JournalEntryDTO entry = new JournalEntryDTO("J" + (entries.size() + 1), draft.postingKey(), draft.bizType(), draft.bizNo(),
                draft.currency(), draft.lines(), Instant.EPOCH.plusSeconds(entries.size()));
        entries.add(new Stored(entry, draft.digest(), draft.memo()));
        return entry;
    }

    @Override
    public synchronized JournalEntryDTO post(TradePosting posting) {
        Optional<Stored> earlier = stored(posting.postingKey());
        if (earlier.isPresent()) {
            return repeat(earlier.get(), posting.postingKey(), posting.digest());
        }
        List<Posted> trade = entries.stream().filter(s -> s.entry().bizNo().equals(posting.tradeNo()))
                .map(s -> new Posted(s.entry().postingKey(), s.entry().bizType(), s.entry().currency(), s.memo(), s.entry().lines()))
                .toList();
        return post(posting.compose(trade));
    }

    /** A journal in which the buyer's wallet already holds {@code amount}. */
    public static InMemoryJournal withWallet(String buyer, long amount) {
        InMemoryJournal journal = new InMemoryJournal();
        journal.fund(buyer, amount);
        return journal;
    }

    /** A wallet's money, as a general entry would put it there. */
    public synchronized void fund(String buyer, long amount) {
        post(new EntryDraft("fund-" + buyer + "-" + entries.size(), "WALLET_TOPUP", buyer, "CNY", List.of(
                new PostingLine(new AccountRef(AccountType.PLATFORM_FUNDING, AccountRef.PLATFORM, "CNY"), AccountType.Side.DEBIT, amount),
                new PostingLine(new AccountRef(AccountType.BUYER_WALLET, buyer, "CNY"), AccountType.Side.CREDIT, amount)),
                null, "fund"));
    }

    /** The account's balance on its normal side. */
    public synchronized long balance(AccountRef account) {
        return entries.stream().flatMap(s -> s.entry().lines().stream()).filter(l -> l.account().equals(account))
                .mapToLong(InMemoryJournal::delta).sum();
    }

    /** Total debits − total credits over every line: zero when the trial balance balances. */
    public synchronized long imbalance() {
        return entries.stream().flatMap(s -> s.entry().lines().stream())
                .mapToLong(l -> l.side() == AccountType.Side.DEBIT ? l.amount() : -l.amount()).sum();
    }

    @Override
    public synchronized Optional<JournalEntryDTO> entryByKey(String postingKey) {
        return stored(postingKey).map(Stored::entry);
    }

    @Override
    public synchronized List<JournalEntryDTO> entriesOf(String bizNo) {
        return entries.stream().map(Stored::entry).filter(e -> e.bizNo().equals(bizNo)).toList();
    }

    @Override
    public synchronized List<Touching> entriesTouching(List<String> accountCodes, Instant from, Instant to, int limit) {
        return entries.stream().filter(s -> s.entry().lines().stream().anyMatch(l -> accountCodes.contains(l.account().code())))
                .map(s -> new Touching(s.entry(), s.memo())).limit(limit).toList();
    }

    /** The memo an entry was posted with. */
    synchronized String memoOf(String postingKey) {
        return stored(postingKey).map(Stored::memo).orElseThrow();
    }

    private Optional<Stored> stored(String postingKey) {
        return entries.stream().filter(s -> s.entry().postingKey().equals(postingKey)).findFirst();
    }

    private static JournalEntryDTO repeat(Stored first, String postingKey, String digest) {
        if (!first.digest().equals(digest)) {
            throw new BizException(ErrorCode.POSTING_KEY_USED, "posting key " + postingKey + " was used for other content");
        }
        return first.entry();
    }

    private static long delta(PostingLine line) {
        boolean onNormalSide = line.side() == line.account().type().normalSide();
        return onNormalSide ? line.amount() : -line.amount();
    }
}
