package io.paysuite.accounting.config;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The buyer's wallet: {@code paysuite.wallet.*}.
 *
 * @param transferDailyLimit what one buyer may transfer to others per day, in CNY minor units (500000 = ¥5,000.00)
 * @param zone               the buyers' day the limit counts in
 * @param payoutGroup        the consumer group of {@code PAYOUT_FINAL} for withdrawals (settlement's topic setting)
 * @param sweepEvery         how often withdrawals still {@code PROCESSING} are driven on (their payout asked again)
 * @param sweepAfter         a withdrawal is swept when it has been {@code PROCESSING} this long
 */
@ConfigurationProperties("paysuite.wallet")
public record WalletProperties(
        @DefaultValue("500000") long transferDailyLimit,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("paysuite-accounting-withdrawal-final") String payoutGroup,
        @DefaultValue("60s") Duration sweepEvery,
        @DefaultValue("60s") Duration sweepAfter) {
}
