package io.paysuite.accounting.infra.journal;

import io.paysuite.accounting.config.LedgerProperties;
import io.paysuite.accounting.ledger.AccountTotals;
import io.paysuite.accounting.ledger.EntryDraft;
import io.paysuite.accounting.ledger.Journal;
import io.paysuite.accounting.ledger.TradePosting;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.kit.jdbc.DuplicateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts entries on MariaDB. One transaction holds the entry row, its lines and every non-buffered
 * balance update, so an entry and its effect on balances exist together or not at all.
 *
 * <ul>
 *   <li>Idempotency is the unique index on {@code posting_key}: of concurrent duplicates one insert
 *       wins, the others wait on its key lock and then fail with a duplicate key, read the winner's
 *       entry and answer it (same digest) or {@code POSTING_KEY_USED} (other digest). An entry composed
 *       from its command alone is inserted without looking first (the usual first posting costs no
 *       read; a repeat costs one failed insert); a trade posting looks first, since composing it again
 *       from the trade's entries could be refused (a refund already taken) instead of answered.</li>
 *   <li>Rows are updated last and in account-code order, so two postings sharing accounts lock them
 *       in the same order (no deadlock between them) and hold the locks only until commit. A
 *       deadlock or lock-wait timeout that still happens (e.g. duplicate-key waiters) rolled the
 *       loser back whole, and it is retried up to {@code lockRetries} times.</li>
 *   <li>A never-negative account is updated with the balance check in the same statement; 0 rows
 *       means {@code INSUFFICIENT_BALANCE}, which rolls the whole entry back.</li>
 *   <li>Hot accounts' lines go to the {@link HotAccountBuffer} (inserted unapplied, row untouched).</li>
 *   <li>A trade posting (release, refund, reversal) first locks its trade ({@link JournalMapper#lockTrade}),
 *       then composes its lines from the trade's entries: two postings of one trade never both
 *       decide on the same "refunded before" or "escrow held".</li>
 * </ul>
 */
@Component
public class JournalPoster implements Journal {

    private static final Logger log = LoggerFactory.getLogger(JournalPoster.class);

    private final JournalMapper journal;
    private final AccountMapper accounts;
    private final AccountBook accountBook;
    private final HotAccountBuffer buffer;
    private final HotAccountApplier applier;
    private final EntryNumbers entryNumbers;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int lockRetries;

    JournalPoster(JournalMapper journal, AccountMapper accounts, AccountBook accountBook, HotAccountBuffer buffer,
                  HotAccountApplier applier, EntryNumbers entryNumbers, TransactionTemplate transactions, Clock clock, LedgerProperties properties) {
        this.journal = journal;
        this.accounts = accounts;
        this.accountBook = accountBook;
        this.buffer = buffer;
        this.applier = applier;
        this.entryNumbers = entryNumbers;
        this.transactions = transactions;
        this.clock = clock;
        this.lockRetries = properties.lockRetries();
    }

    @Override
    public JournalEntryDTO post(EntryDraft draft) {
        return post(draft.postingKey(), draft.digest(), false, () -> draft, () -> draft);
    }

    /** The draft is composed once; {@code alongside} runs inside the posting's transaction (again on a retry). */
    @Override
    public JournalEntryDTO post(EntryDraft draft, Runnable alongside) {
        return post(draft.postingKey(), draft.digest(), false, () -> draft, () -> {
            alongside.run();
            return draft;
        });
    }

    /**
     * The trade's entries are read once without the lock, only to open the accounts the entry will
     * likely touch before the transaction (see {@link AccountBook}); the entry that is written is
     * composed again inside the transaction, after {@link JournalMapper#lockTrade} — under READ
     * COMMITTED each read then sees every posting of the trade committed before the lock was granted.
     */
    @Override
    public JournalEntryDTO post(TradePosting posting) {
        return post(posting.postingKey(), posting.digest(), true, () -> posting.compose(tradeEntries(posting.tradeNo())), () -> {
            journal.lockTrade(posting.tradeNo());
            return posting.compose(tradeEntries(posting.tradeNo()));
        });
    }

    /**
     * @param lookFirst whether a repeat is looked for before composing (see the class doc)
     * @param unlocked  composes the entry before the transaction (its accounts are opened)
     * @param locked    composes the entry written, inside the transaction
     */
    private JournalEntryDTO post(String postingKey, String digest, boolean lookFirst, Supplier<EntryDraft> unlocked,
                                 Supplier<EntryDraft> locked) {
        if (lookFirst) {
            JournalEntryDO earlier = journal.findByKey(postingKey);
            if (earlier != null) {
                return repeat(earlier, postingKey, digest);
            }
        }
        Set<String> opened = new HashSet<>();
        open(unlocked.get(), opened);
        for (int attempt = 1; ; attempt++) {
            try {
                JournalEntryDTO posted = transactions.execute(status -> {
                    EntryDraft draft = locked.get();
                    if (!draft.lines().stream().allMatch(line -> opened.contains(line.account().code()))) {
                        throw new AccountsToOpen(draft); // rolls back: accounts are opened outside the transaction
                    }
                    return write(draft);
                });
                if (posted.lines().stream().anyMatch(line -> buffer.buffers(line.account().type()))) {
                    applier.linesBuffered(); // committed: the applier's SKIP LOCKED read sees them now
                }
                // one line per money movement: with the trace id every log line carries, a payment's
                // entries are found from the request that caused them
                log.info("journal entry posted entry_no={} posting_key={}", posted.entryNo(), postingKey);
                return posted;
            } catch (AccountsToOpen toOpen) {
                open(toOpen.draft, opened); // another posting of the trade changed its lines; compose again
                attempt--;
            } catch (DataIntegrityViolationException e) {
                JournalEntryDO first = DuplicateKey.isCause(e) ? journal.findByKey(postingKey) : null;
                if (first == null) {
                    throw e; // not our key (an entry number collision would be a bug): a system error
                }
                return repeat(first, postingKey, digest);
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= lockRetries) {
                    throw e;
                }
                log.warn("posting {} lost a lock conflict (attempt {}), retrying: {}", postingKey, attempt, e.getMessage());
            }
        }
    }

    private void open(EntryDraft draft, Set<String> opened) {
        accountBook.openAll(draft.lines());
        draft.lines().forEach(line -> opened.add(line.account().code()));
    }

    /** A composed entry touches an account not opened before its transaction. */
    private static final class AccountsToOpen extends RuntimeException {
        final transient EntryDraft draft;

        AccountsToOpen(EntryDraft draft) {
            super(null, null, false, false);
            this.draft = draft;
        }
    }

    private List<Journal.Posted> tradeEntries(String tradeNo) {
        List<JournalEntryDO> entries = journal.findByBizNo(tradeNo);
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PostingLine>> lines = linesByEntry(tradeNo);
        return entries.stream().map(entry -> new Journal.Posted(entry.postingKey, entry.bizType, entry.currency, entry.memo,
                lines.getOrDefault(entry.id, List.of()))).toList();
    }

    private JournalEntryDTO write(EntryDraft draft) {
        Instant postedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS); // DATETIME(3): what a repeat reads back
        LocalDateTime at = LocalDateTime.ofInstant(postedAt, ZoneOffset.UTC);
        JournalEntryDO entry = new JournalEntryDO();
        entry.entryNo = entryNumbers.next();
        entry.postingKey = draft.postingKey();
        entry.bizType = draft.bizType();
        entry.bizNo = draft.bizNo();
        entry.currency = draft.currency();
        entry.contentDigest = draft.digest();
        entry.memo = draft.memo();
        entry.postedAt = at;
        journal.insertEntry(entry);

        List<JournalLineDO> rows = new ArrayList<>();
        Map<String, long[]> effect = new TreeMap<>(); // account code → {debit, credit}, in lock order
        for (PostingLine line : draft.lines()) {
            boolean buffered = buffer.buffers(line.account().type());
            rows.add(lineRow(entry.id, rows.size() + 1, line, !buffered));
            if (!buffered) {
                long[] sum = effect.computeIfAbsent(line.account().code(), code -> new long[2]);
                int side = line.side() == AccountType.Side.DEBIT ? 0 : 1;
                sum[side] = Math.addExact(sum[side], line.amount());
            }
        }
        journal.insertLines(rows);

        effect.forEach((code, sum) -> {
            AccountType type = AccountRef.parse(code).type();
            long delta = AccountTotals.onNormalSide(type, sum[0], sum[1]);
            if (type.neverNegative()) {
                if (accounts.applyGuarded(code, sum[0], sum[1], delta, at) == 0) {
                    throw new BizException(ErrorCode.INSUFFICIENT_BALANCE, code + " cannot go below zero");
                }
            } else if (accounts.apply(code, sum[0], sum[1], delta, at) == 0) {
                throw new IllegalStateException("account " + code + " was not opened");
            }
        });
        return new JournalEntryDTO(entry.entryNo, draft.postingKey(), draft.bizType(), draft.bizNo(), draft.currency(),
                draft.lines(), postedAt);
    }

    private JournalEntryDTO repeat(JournalEntryDO first, String postingKey, String digest) {
        if (!first.contentDigest.equals(digest)) {
            throw new BizException(ErrorCode.POSTING_KEY_USED, "posting key " + postingKey + " was used for other content");
        }
        return dto(first);
    }

    @Override
    public Optional<JournalEntryDTO> entryByKey(String postingKey) {
        return Optional.ofNullable(journal.findByKey(postingKey)).map(this::dto);
    }

    @Override
    public List<JournalEntryDTO> entriesOf(String bizNo) {
        List<JournalEntryDO> entries = journal.findByBizNo(bizNo);
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PostingLine>> lines = linesByEntry(bizNo);
        return entries.stream().map(entry -> dto(entry, lines.getOrDefault(entry.id, List.of()))).toList();
    }

    /** Two statements for all the numbers (entries, then their lines), not two per number. */
    @Override
    public Map<String, List<JournalEntryDTO>> entriesOf(java.util.Collection<String> bizNos) {
        Map<String, List<JournalEntryDTO>> entries = new java.util.LinkedHashMap<>();
        bizNos.forEach(bizNo -> entries.put(bizNo, new ArrayList<>()));
        if (bizNos.isEmpty()) {
            return entries;
        }
        List<String> numbers = List.copyOf(entries.keySet());
        List<JournalEntryDO> rows = journal.findByBizNos(numbers);
        if (rows.isEmpty()) {
            return entries;
        }
        Map<Long, List<PostingLine>> lines = journal.linesByBizNos(numbers).stream().collect(Collectors.groupingBy(
                row -> row.entryId, Collectors.mapping(JournalPoster::line, Collectors.toList())));
        rows.forEach(entry -> entries.computeIfAbsent(entry.bizNo, bizNo -> new ArrayList<>())
                .add(dto(entry, lines.getOrDefault(entry.id, List.of()))));
        return entries;
    }

    /** The lines of every entry with this biz_no, by entry id. */
    private Map<Long, List<PostingLine>> linesByEntry(String bizNo) {
        return journal.linesByBizNo(bizNo).stream().collect(Collectors.groupingBy(
                row -> row.entryId, Collectors.mapping(JournalPoster::line, Collectors.toList())));
    }

    @Override
    public List<Touching> entriesTouching(List<String> accountCodes, java.time.Instant from, java.time.Instant to, int limit) {
        List<JournalEntryDO> entries = journal.touching(accountCodes, java.time.LocalDateTime.ofInstant(from, ZoneOffset.UTC),
                java.time.LocalDateTime.ofInstant(to, ZoneOffset.UTC), limit);
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PostingLine>> lines = journal.linesOfEntries(entries.stream().map(e -> e.id).toList()).stream()
                .collect(Collectors.groupingBy(row -> row.entryId, Collectors.mapping(JournalPoster::line, Collectors.toList())));
        return entries.stream().map(entry -> new Touching(dto(entry, lines.getOrDefault(entry.id, List.of())), entry.memo))
                .toList();
    }

    private JournalEntryDTO dto(JournalEntryDO entry) {
        return dto(entry, journal.linesOf(entry.id).stream().map(JournalPoster::line).toList());
    }

    private static JournalEntryDTO dto(JournalEntryDO entry, List<PostingLine> lines) {
        return new JournalEntryDTO(entry.entryNo, entry.postingKey, entry.bizType, entry.bizNo, entry.currency, lines,
                entry.postedAt.toInstant(ZoneOffset.UTC));
    }

    private static PostingLine line(JournalLineDO row) {
        return new PostingLine(AccountRef.parse(row.accountCode), AccountType.Side.valueOf(row.side), row.amount);
    }

    private static JournalLineDO lineRow(long entryId, int lineNo, PostingLine line, boolean applied) {
        JournalLineDO row = new JournalLineDO();
        row.entryId = entryId;
        row.lineNo = lineNo;
        row.accountCode = line.account().code();
        row.side = line.side().name();
        row.amount = line.amount();
        row.applied = applied;
        return row;
    }
}
