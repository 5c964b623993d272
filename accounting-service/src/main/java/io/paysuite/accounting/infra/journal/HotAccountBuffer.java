package io.paysuite.accounting.infra.journal;

import io.paysuite.accounting.config.LedgerProperties;
import io.paysuite.accounting.ledger.AccountTotals;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hot-account buffer. Merchant pending, platform fee income and channel clearing take a line in
 * nearly every posting; updating their one balance row in each posting's transaction would make
 * all postings of a big merchant queue on that row lock. Instead a posting inserts a hot account's
 * line marked unapplied and leaves the row alone; {@link #applyBatch()} later sums a batch of
 * unapplied lines per account and, in one transaction, adds the sums to the rows and marks the
 * lines applied. Readers add the unapplied lines to the row (one statement, one snapshot), so
 * balances and the trial balance are exact at every moment; only the row lags.
 *
 * <p>Hot accounts are never never-negative (see AccountType), so deferring their row update can
 * never let a balance check pass that should fail.
 */
@Component
public class HotAccountBuffer {

    private final boolean enabled;
    private final int batchSize;
    private final JournalMapper journal;
    private final AccountMapper accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    HotAccountBuffer(LedgerProperties properties, JournalMapper journal, AccountMapper accounts,
                     TransactionTemplate transactions, Clock clock) {
        this.enabled = properties.hotAccounts().enabled();
        this.batchSize = properties.hotAccounts().batchSize();
        this.journal = journal;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whether a line on this type is buffered (inserted unapplied) rather than applied at once. */
    public boolean buffers(AccountType type) {
        return enabled && type.hot();
    }

    /**
     * Folds one batch of buffered lines into their accounts' rows. Safe with several appliers (one
     * per instance): each takes its lines with SKIP LOCKED, and marks only lines still unapplied.
     *
     * @return the number of lines applied; {@code batchSize} means more may be waiting
     */
    public int applyBatch() {
        Integer applied = transactions.execute(status -> {
            List<JournalLineDO> lines = journal.lockUnapplied(batchSize);
            if (lines.isEmpty()) {
                return 0;
            }
            Map<String, long[]> sums = new TreeMap<>(); // code order, as postings lock rows
            for (JournalLineDO line : lines) {
                long[] sum = sums.computeIfAbsent(line.accountCode, code -> new long[2]);
                int side = "DEBIT".equals(line.side) ? 0 : 1;
                sum[side] = Math.addExact(sum[side], line.amount);
            }
            LocalDateTime at = LocalDateTime.now(clock);
            sums.forEach((code, sum) -> {
                AccountType type = AccountRef.parse(code).type();
                if (accounts.apply(code, sum[0], sum[1], AccountTotals.onNormalSide(type, sum[0], sum[1]), at) != 1) {
                    throw new IllegalStateException("buffered lines for a missing account " + code);
                }
            });
            int marked = journal.markApplied(lines.stream().map(line -> line.id).toList());
            if (marked != lines.size()) {
                // another applier applied some of them: roll back rather than count them twice
                throw new IllegalStateException("marked " + marked + " of " + lines.size() + " buffered lines");
            }
            return marked;
        });
        return applied == null ? 0 : applied;
    }

    public int batchSize() {
        return batchSize;
    }
}
