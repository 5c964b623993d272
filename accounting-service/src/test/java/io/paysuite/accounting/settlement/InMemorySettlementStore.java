package io.paysuite.accounting.settlement;

import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.settlement.SettlementStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The settlement store in memory, with the two unique keys the database has (one settlement per merchant, date and
 * currency; one settlement per due entry) decided inside one monitor, as MariaDB decides them inside the claim's
 * transaction. It is also the settlements' {@link SettlementEvents}: {@link #finish} is the compare-and-set
 * {@code PROCESSING → PAID | FAILED}, and the finished settlements are the notifications that would be sent.
 */
final class InMemorySettlementStore implements SettlementStore {

    private final Map<String, List<DueEntry>> postings = new HashMap<>();
    private final Map<Long, String> claimedBy = new HashMap<>();
    private final Map<String, Settlement> settlements = new LinkedHashMap<>();
    private final Map<String, List<DueEntry>> items = new HashMap<>();
    private final List<Settlement> finished = new ArrayList<>();
    private long nextEntryId = 1;
    private int refusedClaims;
    /** When set, every {@link #due} waits here once it has read, so that two runs read the same due before either claims. */
    private volatile CyclicBarrier dueRead;

    /** A posting that changed the merchant's pending money (its journal entry is the test's to post). */
    synchronized DueEntry posted(String merchantId, String bizType, Instant postedAt, long pendingDelta, long feeDelta) {
        long id = nextEntryId++;
        DueEntry entry = new DueEntry(id, "E" + id, bizType + "-" + id, bizType, "T" + id, postedAt, pendingDelta, feeDelta);
        postings.computeIfAbsent(merchantId, m -> new ArrayList<>()).add(entry);
        return entry;
    }

    void letRunsReadTheDueTogether(CyclicBarrier barrier) {
        dueRead = barrier;
    }

    /** {@link SettlementEvents#finish}: the first final answer wins. */
    synchronized boolean finish(Settlement s, SettlementStatus to, PayoutStatus payoutStatus, Instant paidAt) {
        Settlement stored = settlements.get(s.settlementNo());
        if (stored == null || stored.status() != SettlementStatus.PROCESSING) {
            return false;
        }
        Settlement done = stored.withPayout(s.payoutNo(), s.bankAccount(), payoutStatus).finished(to, payoutStatus, paidAt);
        settlements.put(s.settlementNo(), done);
        finished.add(done);
        return true;
    }

    synchronized List<Settlement> finished() {
        return List.copyOf(finished);
    }

    /** Claims the unique keys turned away: each is a run that lost the race for a settlement. */
    synchronized int refusedClaims() {
        return refusedClaims;
    }

    synchronized List<Settlement> all() {
        return List.copyOf(settlements.values());
    }

    @Override
    public synchronized List<String> merchantsWithDue(String currency, Instant before) {
        return postings.keySet().stream().filter(m -> !unclaimed(m, before).isEmpty()).sorted().toList();
    }

    @Override
    public List<DueEntry> due(String merchantId, String currency, Instant cutoff) {
        List<DueEntry> due;
        synchronized (this) {
            due = unclaimed(merchantId, cutoff);
        }
        CyclicBarrier barrier = dueRead;
        if (barrier != null) {
            try {
                barrier.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the other run never read the due of " + merchantId, e);
            }
        }
        return due;
    }

    @Override
    public synchronized boolean claim(Settlement settlement, List<DueEntry> entries) {
        if (findRun(settlement.merchantId(), settlement.settleDate(), settlement.currency()).isPresent()
                || entries.stream().anyMatch(e -> claimedBy.containsKey(e.entryId()))) {
            refusedClaims++;
            return false;
        }
        settlements.put(settlement.settlementNo(), settlement);
        items.put(settlement.settlementNo(), List.copyOf(entries));
        entries.forEach(e -> claimedBy.put(e.entryId(), settlement.settlementNo()));
        return true;
    }

    @Override
    public synchronized Optional<Settlement> find(String settlementNo) {
        return Optional.ofNullable(settlements.get(settlementNo));
    }

    @Override
    public synchronized Optional<Settlement> findByPayoutNo(String payoutNo) {
        return settlements.values().stream().filter(s -> payoutNo.equals(s.payoutNo())).findFirst();
    }

    @Override
    public synchronized Optional<Settlement> findRun(String merchantId, LocalDate date, String currency) {
        return settlements.values().stream().filter(s -> s.merchantId().equals(merchantId) && s.settleDate().equals(date)
                && s.currency().equals(currency)).findFirst();
    }

    @Override
    public synchronized Optional<Settlement> latestBefore(String merchantId, String currency, LocalDate date) {
        return settlements.values().stream().filter(s -> s.merchantId().equals(merchantId) && s.currency().equals(currency)
                && s.settleDate().isBefore(date)).max(Comparator.comparing(Settlement::settleDate));
    }

    @Override
    public synchronized List<Settlement> list(String merchantId, LocalDate from, LocalDate to) {
        return settlements.values().stream().filter(s -> s.merchantId().equals(merchantId) && !s.settleDate().isBefore(from)
                && !s.settleDate().isAfter(to)).sorted(Comparator.comparing(Settlement::settleDate)).toList();
    }

    @Override
    public synchronized List<Settlement> ofDate(LocalDate date) {
        return settlements.values().stream().filter(s -> s.settleDate().equals(date)).toList();
    }

    @Override
    public synchronized List<DueEntry> items(String settlementNo) {
        return items.getOrDefault(settlementNo, List.of());
    }

    @Override
    public synchronized void recordPayout(String settlementNo, String payoutNo, String bankAccount, String payoutStatus) {
        settlements.computeIfPresent(settlementNo, (no, s) -> s.withPayout(payoutNo, bankAccount, PayoutStatus.valueOf(payoutStatus)));
    }

    @Override
    public synchronized List<Settlement> openOf(String merchantId, String currency) {
        return settlements.values().stream().filter(s -> s.merchantId().equals(merchantId) && s.currency().equals(currency)
                && s.status() == SettlementStatus.PROCESSING).toList();
    }

    @Override
    public synchronized List<Settlement> processing(Instant before, int limit) {
        return settlements.values().stream().filter(s -> s.status() == SettlementStatus.PROCESSING
                && s.createdAt().isBefore(before)).limit(limit).toList();
    }

    private List<DueEntry> unclaimed(String merchantId, Instant before) {
        return postings.getOrDefault(merchantId, List.of()).stream()
                .filter(e -> e.postedAt().isBefore(before) && !claimedBy.containsKey(e.entryId()))
                .sorted(Comparator.comparing(DueEntry::postedAt).thenComparingLong(DueEntry::entryId)).toList();
    }
}
