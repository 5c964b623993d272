package io.paysuite.channel.infra.recon;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.recon.ChannelReconciliation;
import io.paysuite.channel.recon.ReconciliationProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reconciles yesterday's bill (the channels' day) of every channel this gateway has bills of, and the payout channel's
 * account bill (a {@code PAYOUT} batch), on
 * {@code paysuite.reconciliation.cron}, once across all instances: the kit's scheduled jobs (Spring {@code @Scheduled}
 * with a ShedLock {@code @SchedulerLock} held in the gateway's own database). The lock keeps two instances from running
 * at once; the batch's unique (channel, bill date) key makes a late second run, or an operator's run of the same day,
 * the same batch refreshed. One channel's unavailable bill does not stop the others. The lock is held at least
 * {@code paysuite.reconciliation.lock-at-least-for} (a minute) after a run, so instances whose clocks or ticks differ by
 * less than that cannot run the day twice (ScheduledJobRunsOnceIT raises it to ten minutes).
 */
@Component
public class DailyReconciliationJob {

    private static final Logger log = LoggerFactory.getLogger(DailyReconciliationJob.class);

    private final ChannelReconciliation reconciliation;
    private final ReconciliationProperties properties;
    private final Clock clock;

    public DailyReconciliationJob(ChannelReconciliation reconciliation, ReconciliationProperties properties, Clock clock) {
        this.reconciliation = reconciliation;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${paysuite.reconciliation.cron:0 30 10 * * *}", zone = "${paysuite.reconciliation.zone:Asia/Shanghai}")
    @SchedulerLock(name = "channel-reconciliation", lockAtLeastFor = "${paysuite.reconciliation.lock-at-least-for:PT1M}",
            lockAtMostFor = "PT2H")
    public void reconcileYesterday() {
        LocalDate yesterday = LocalDate.now(clock.withZone(ZoneId.of(properties.zone()))).minusDays(1);
        log.info("daily reconciliation of {} runs on this instance (it holds the cluster-wide lock)", yesterday);
        for (ChannelCode channel : reconciliation.channels()) {
            try {
                reconciliation.run(channel, yesterday);
            } catch (RuntimeException failed) {
                log.error("CHANNEL_ALARM daily reconciliation of {} {} failed; an operator can run it again: {}", channel, yesterday,
                        failed.toString());
            }
        }
        if (reconciliation.payoutsHaveABill()) {
            try {
                reconciliation.runPayouts(yesterday);
            } catch (RuntimeException failed) {
                log.error("CHANNEL_ALARM daily payout reconciliation of {} failed; an operator can run it again: {}", yesterday,
                        failed.toString());
            }
        }
    }
}
