package io.paysuite.accounting.config;

import io.paysuite.api.event.Topics;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settlement and payouts: {@code paysuite.settlement.*}.
 *
 * @param zone              the merchants' day (the same as their bills'): a cycle's days are days in it
 * @param namesrv           RocketMQ name server (the launcher passes {@code paysuite.events.namesrv})
 * @param topic             topic of {@code SETTLEMENT_FINISHED}; cashier reads the same setting as {@code paysuite.cashier.notify.ledger-topic}
 * @param producerGroup     transactional producer group; the broker's check-back asks any live member
 * @param gracePeriod       a half message whose settlement is still not final after this long is rolled back
 * @param payoutTopic       where channel-gateway announces {@code PAYOUT_FINAL}
 * @param payoutGroup       the consumer group of those announcements
 * @param runCron           when the daily run settles "today" (in {@code zone}): after midnight, so yesterday is closed
 * @param sweepEvery        how often settlements still {@code PROCESSING} are driven on (their payout asked again)
 * @param sweepAfter        a settlement is swept when it has not changed for this long
 * @param lockAtLeastFor    how long the daily run keeps its cluster-wide lock after it started, even when it finished
 *                          sooner: an instance whose clock or tick lags by less than this finds the lock still held
 *                          and skips the day instead of running it again (below the job's two-hour {@code lockAtMostFor},
 *                          which ShedLock requires; read by the job's {@code @SchedulerLock} under the same key)
 */
@ConfigurationProperties("paysuite.settlement")
public record SettlementProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("127.0.0.1:19876") String namesrv,
        @DefaultValue(Topics.LEDGER_EVENT) String topic,
        @DefaultValue("paysuite-settlement-tx") String producerGroup,
        @DefaultValue("60s") Duration gracePeriod,
        @DefaultValue(Topics.CHANNEL_EVENT) String payoutTopic,
        @DefaultValue("paysuite-accounting-payout-final") String payoutGroup,
        @DefaultValue("0 30 1 * * *") String runCron,
        @DefaultValue("60s") Duration sweepEvery,
        @DefaultValue("60s") Duration sweepAfter,
        @DefaultValue("1m") Duration lockAtLeastFor) {

    /** The daily run's {@code lockAtMostFor}: longer than any run takes, so a crashed holder frees the day by the next one. */
    public static final Duration DAILY_RUN_LOCK_AT_MOST_FOR = Duration.ofHours(2);

    public SettlementProperties {
        if (lockAtLeastFor.isNegative() || lockAtLeastFor.compareTo(DAILY_RUN_LOCK_AT_MOST_FOR) >= 0) {
            throw new IllegalArgumentException("paysuite.settlement.lock-at-least-for must be at least 0 and below "
                    + DAILY_RUN_LOCK_AT_MOST_FOR + ", was " + lockAtLeastFor);
        }
    }
}
