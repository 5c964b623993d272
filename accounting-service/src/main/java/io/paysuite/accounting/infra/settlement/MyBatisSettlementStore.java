package io.paysuite.accounting.infra.settlement;

import io.paysuite.accounting.settlement.DueEntry;
import io.paysuite.accounting.settlement.Settlement;
import io.paysuite.accounting.settlement.SettlementFigures;
import io.paysuite.accounting.settlement.SettlementStore;
import io.paysuite.accounting.settlement.SettlementTransitions;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.settlement.SettlementStatus;
import io.paysuite.kit.jdbc.DuplicateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link SettlementStore} on the ledger's database. {@link #claim} writes the settlement and its
 * items in one transaction; the unique keys (merchant + date + currency; merchant + entry) decide
 * every race, never a check before the insert.
 *
 * <p>Each merchant pending account has a settled-up-to mark ({@code settlement_mark}): a journal position below which
 * every entry of the account is settled. {@link #claim} advances it in the settlement's own transaction, and
 * {@link #due} / {@link #merchantsWithDue} read only the lines after it, so a run no longer scans every pending line
 * the merchant ever had. The mark is the last entry posted {@link #LATE_COMMIT_GRACE} before the settlement's cutoff,
 * (or before now, for a run of a date whose cutoff has not come yet), not the newest entry claimed: entry ids are
 * taken when a posting inserts, and a posting may commit a little after a higher-numbered one. Everything numbered at
 * or below the mark was posted that long before both the cutoff and the run, so it had committed when the run read
 * what was due (the ledger's transactions last seconds), and was claimed then or before.
 * Lines above the mark are read again next time, and the claimed ones skipped as before: nothing is settled twice.
 */
@Repository
public class MyBatisSettlementStore implements SettlementStore {

    /** Far longer than any ledger transaction stays open; see the class comment. */
    static final Duration LATE_COMMIT_GRACE = Duration.ofHours(1);

    private final SettlementMapper mapper;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public MyBatisSettlementStore(SettlementMapper mapper, TransactionTemplate transactions, Clock clock) {
        this.mapper = mapper;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<String> merchantsWithDue(String currency, Instant before) {
        return mapper.pendingAccountsWithDue(currency, utc(before)).stream().map(code -> AccountRef.parse(code).ownerId()).toList();
    }

    @Override
    public List<DueEntry> due(String merchantId, String currency, Instant cutoff) {
        String pending = new AccountRef(AccountType.MERCHANT_PENDING, merchantId, currency).code();
        Long settledTo = mapper.settledTo(pending);
        return mapper.due(merchantId, pending, settledTo == null ? 0 : settledTo, utc(cutoff)).stream().map(MyBatisSettlementStore::entry).toList();
    }

    @Override
    public boolean claim(Settlement settlement, List<DueEntry> entries) {
        try {
            transactions.executeWithoutResult(status -> {
                mapper.insert(row(settlement));
                if (!entries.isEmpty()) {
                    mapper.insertItems(entries.stream().map(e -> item(settlement, e)).toList());
                }
                Long position = mapper.lastEntryBefore(utc(markBefore(settlement.cutoffAt(), clock.instant())));
                if (position != null) {
                    mapper.advanceMark(new AccountRef(AccountType.MERCHANT_PENDING, settlement.merchantId(), settlement.currency()).code(),
                            settlement.merchantId(), settlement.currency(), position, settlement.settleDate(), utc(clock.instant()));
                }
            });
            return true;
        } catch (DataIntegrityViolationException e) {
            if (DuplicateKey.isCause(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The mark covers entries posted before this: the grace before the cutoff, or before now when the cutoff is ahead. */
    static Instant markBefore(Instant cutoff, Instant now) {
        return (cutoff.isBefore(now) ? cutoff : now).minus(LATE_COMMIT_GRACE);
    }

    @Override
    public Optional<Settlement> find(String settlementNo) {
        return Optional.ofNullable(mapper.find(settlementNo)).map(MyBatisSettlementStore::settlement);
    }

    @Override
    public Optional<Settlement> findByPayoutNo(String payoutNo) {
        return Optional.ofNullable(mapper.findByPayoutNo(payoutNo)).map(MyBatisSettlementStore::settlement);
    }

    @Override
    public Optional<Settlement> findRun(String merchantId, LocalDate date, String currency) {
        return Optional.ofNullable(mapper.findRun(merchantId, date, currency)).map(MyBatisSettlementStore::settlement);
    }

    @Override
    public Optional<Settlement> latestBefore(String merchantId, String currency, LocalDate date) {
        return Optional.ofNullable(mapper.latestBefore(merchantId, currency, date)).map(MyBatisSettlementStore::settlement);
    }

    @Override
    public List<Settlement> list(String merchantId, LocalDate from, LocalDate to) {
        return mapper.list(merchantId, from, to).stream().map(MyBatisSettlementStore::settlement).toList();
    }

    @Override
    public List<Settlement> ofDate(LocalDate date) {
        return mapper.ofDate(date).stream().map(MyBatisSettlementStore::settlement).toList();
    }

    @Override
    public List<DueEntry> items(String settlementNo) {
        return mapper.items(settlementNo).stream().map(MyBatisSettlementStore::entry).toList();
    }

    @Override
    public void recordPayout(String settlementNo, String payoutNo, String bankAccount, String payoutStatus) {
        mapper.recordPayout(settlementNo, payoutNo, bankAccount, payoutStatus, utc(clock.instant()));
    }

    @Override
    public List<Settlement> openOf(String merchantId, String currency) {
        return mapper.openOf(merchantId, currency).stream().map(MyBatisSettlementStore::settlement).toList();
    }

    @Override
    public List<Settlement> processing(Instant before, int limit) {
        return mapper.processing(utc(before), limit).stream().map(MyBatisSettlementStore::settlement).toList();
    }

    /**
     * The compare-and-set from the settlement's state to {@code to}, asked of the table first (a
     * change outside it throws before anything is written). True when this call moved it.
     */
    public boolean transition(Settlement s, SettlementStatus to, PayoutStatus payoutStatus, Instant paidAt) {
        SettlementTransitions.TABLE.require(s.status(), to);
        return mapper.transition(s.settlementNo(), s.status().name(), to.name(), s.payoutNo(),
                payoutStatus == null ? null : payoutStatus.name(), paidAt == null ? null : utc(paidAt), utc(clock.instant())) == 1;
    }

    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    static SettlementRow row(Settlement s) {
        SettlementRow row = new SettlementRow();
        row.settlementNo = s.settlementNo();
        row.merchantId = s.merchantId();
        row.currency = s.currency();
        row.settleDate = s.settleDate();
        row.periodFrom = s.periodFrom();
        row.periodTo = s.periodTo();
        row.cutoffAt = utc(s.cutoffAt());
        row.gross = s.figures().gross();
        row.refunds = s.figures().refunds();
        row.fees = s.figures().fees();
        row.adjustments = s.figures().adjustments();
        row.carriedForward = s.figures().carriedForward();
        row.net = s.figures().net();
        row.status = s.status().name();
        row.payoutNo = s.payoutNo();
        row.bankAccount = s.bankAccount();
        row.payoutStatus = s.payoutStatus() == null ? null : s.payoutStatus().name();
        row.paidAt = s.paidAt() == null ? null : utc(s.paidAt());
        row.createdAt = utc(s.createdAt());
        row.updatedAt = row.createdAt;
        return row;
    }

    static Settlement settlement(SettlementRow row) {
        long moved = row.net - row.carriedForward;
        return new Settlement(row.settlementNo, row.merchantId, row.currency, row.settleDate, row.periodFrom, row.periodTo,
                instant(row.cutoffAt), new SettlementFigures(row.gross, row.refunds, row.fees, row.adjustments, moved,
                row.carriedForward, row.net), SettlementStatus.valueOf(row.status), row.payoutNo, row.bankAccount,
                row.payoutStatus == null ? null : PayoutStatus.valueOf(row.payoutStatus), instant(row.paidAt),
                instant(row.createdAt));
    }

    private static SettlementItemRow item(Settlement s, DueEntry e) {
        SettlementItemRow row = new SettlementItemRow();
        row.settlementNo = s.settlementNo();
        row.merchantId = s.merchantId();
        row.entryId = e.entryId();
        row.entryNo = e.entryNo();
        row.postingKey = e.postingKey();
        row.bizType = e.bizType();
        row.bizNo = e.bizNo();
        row.postedAt = utc(e.postedAt());
        row.pendingDelta = e.pendingDelta();
        row.feeDelta = e.feeDelta();
        return row;
    }

    private static DueEntry entry(SettlementItemRow row) {
        return new DueEntry(row.entryId, row.entryNo, row.postingKey, row.bizType, row.bizNo, instant(row.postedAt),
                row.pendingDelta, row.feeDelta);
    }
}
