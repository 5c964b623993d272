package io.paysuite.accounting.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Settlements and the entries they settled (port; infra implements it on the ledger's database). */
public interface SettlementStore {

    /** Merchants with pending entries posted before {@code before} that no settlement took yet. */
    List<String> merchantsWithDue(String currency, Instant before);

    /** The merchant's unsettled entries on its pending account posted before {@code cutoff}, oldest first. */
    List<DueEntry> due(String merchantId, String currency, Instant cutoff);

    /**
     * Writes the settlement ({@code PROCESSING}) and claims its entries in one transaction. False when
     * the merchant's settlement of that date exists, or another run claimed one of the entries (nothing
     * written: the caller reads what is there).
     */
    boolean claim(Settlement settlement, List<DueEntry> entries);

    Optional<Settlement> find(String settlementNo);

    Optional<Settlement> findByPayoutNo(String payoutNo);

    Optional<Settlement> findRun(String merchantId, LocalDate date, String currency);

    /** The merchant's latest settlement before {@code date}, if any. */
    Optional<Settlement> latestBefore(String merchantId, String currency, LocalDate date);

    List<Settlement> list(String merchantId, LocalDate from, LocalDate to);

    List<Settlement> ofDate(LocalDate date);

    List<DueEntry> items(String settlementNo);

    /** Records the payout about to be sent (number, masked account, status); no state change. */
    void recordPayout(String settlementNo, String payoutNo, String bankAccount, String payoutStatus);

    /** The merchant's settlements still {@code PROCESSING}, oldest first. */
    List<Settlement> openOf(String merchantId, String currency);

    /** Settlements still {@code PROCESSING} last changed before {@code before}, oldest first. */
    List<Settlement> processing(Instant before, int limit);
}
