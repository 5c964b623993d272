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
 */
@Validated
@ConfigurationProperties("paysuite.ledger")
public record LedgerProperties(
        @DefaultValue("CNY") @NotEmpty List<String> currencies,
        @DefaultValue("60") @Min(0) @Max(10_000) int defaultFeeBps,
        @DefaultValue("3") @Min(1) int lockRetries,
        @DefaultValue @Valid HotAccounts hotAccounts) {

    /**
     * @param enabled        post hot account types (AccountType.hot()) through the buffer; false = row-locked like the rest
     * @param applyInterval  pause between the applier's rounds
     * @param batchSize      buffered lines folded in per applier transaction
     */
    public record HotAccounts(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("200ms") Duration applyInterval,
            @DefaultValue("500") @Min(1) @Max(10_000) int batchSize) {
    }
}
