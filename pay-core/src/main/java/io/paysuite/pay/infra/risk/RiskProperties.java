package io.paysuite.pay.infra.risk;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The risk engine's settings: {@code paysuite.risk.*}.
 *
 * @param rulesKey         the config-center key of the rule document (the kit's {@code ConfigCenter}: ZooKeeper in
 *                         the embedded run, Nacos in production, whichever the registry address names)
 * @param zone             the zone whose calendar minutes and days the velocity and daily counters use
 * @param allowSampleRate  the share of plain ALLOW decisions (no rule fired or failed) written to {@code risk_decision}
 *                         (0–1, default 0.01: one in a hundred); REVIEW, BLOCK and any decision a rule fired or failed
 *                         in are always written. 1 writes every decision: one insert per payment
 * @param counterRetention how long a {@code risk_counter} bucket is kept after it was last counted (at least the
 *                         longest window, a day; default two days)
 * @param sweepInterval    how often the cluster-wide sweep of stale buckets runs (default ten minutes)
 * @param sweepBatch       rows deleted per statement by the sweep
 * @param stepUpWindow     how long after a REVIEW asked a balance or bound-card payment to step up the buyer may confirm
 *                         it with the payment password entered again (default ten minutes; a later confirmation is asked
 *                         to step up afresh)
 */
@ConfigurationProperties("paysuite.risk")
public record RiskProperties(
        @DefaultValue("pay-core/risk-rules") String rulesKey,
        @DefaultValue("Asia/Shanghai") String zone,
        @DefaultValue("0.01") double allowSampleRate,
        @DefaultValue("P2D") Duration counterRetention,
        @DefaultValue("PT10M") Duration sweepInterval,
        @DefaultValue("5000") int sweepBatch,
        @DefaultValue("PT10M") Duration stepUpWindow) {

    public RiskProperties {
        if (allowSampleRate < 0 || allowSampleRate > 1) {
            throw new IllegalArgumentException("paysuite.risk.allow-sample-rate must be from 0 to 1: " + allowSampleRate);
        }
        if (stepUpWindow == null || stepUpWindow.isNegative() || stepUpWindow.isZero()) {
            throw new IllegalArgumentException("paysuite.risk.step-up-window must be positive: " + stepUpWindow);
        }
    }

}
