package io.paysuite.accounting.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The ledger's rules that differ between deployments.
 *
 * @param currencies     ISO codes the ledger keeps accounts in; others answer CURRENCY_NOT_SUPPORTED
 * @param defaultFeeBps  fee rate of merchants without their own (60 bps = 0.60 %)
 * @param lockRetries    attempts of a posting that lost a deadlock or a lock wait (the loser rolled back whole)
 * @param hotAccounts    the hot-account buffer
 * @param feeRateCache   how long a merchant's fee rate is served from memory: a change made through
 *                       another instance reaches this one's postings at most this late (a change through
 *                       this one at once); each payment records the fee it charged on its own entry, and
 *                       refunds return that recorded fee, so a late rate never skews a trade's books
 */
@Validated
@ConfigurationProperties("paysuite.ledger")
public record LedgerProperties(
        @DefaultValue("CNY") @NotEmpty List<String> currencies,
        @DefaultValue("60") @Min(0) @Max(10_000) int defaultFeeBps,
        @DefaultValue("3") @Min(1) int lockRetries,
        @DefaultValue @Valid HotAccounts hotAccounts,
        @DefaultValue("30s") Duration feeRateCache) {

    /**
     * @param enabled        post hot account types (AccountType.hot()) through the buffer; false = row-locked like the rest
     * @param applyInterval  how soon after this instance buffered lines the applier folds them in (postings
     *                       within one interval share a round), and its first poll's wait when idle
     * @param batchSize      buffered lines folded in per applier transaction
     * @param idlePollMax    the longest wait between polls for lines other instances left: an idle poll
     *                       doubles its wait from {@code applyInterval} up to this (rows lag that long at
     *                       most; balances never do, readers add the unapplied lines)
     */
    public record HotAccounts(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200ms") Duration applyInterval,
            @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
            @DefaultValue("5s") Duration idlePollMax) {
    }
}
