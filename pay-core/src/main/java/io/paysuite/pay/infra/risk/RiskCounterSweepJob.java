package io.paysuite.pay.infra.risk;

import io.paysuite.pay.risk.StaleRiskCounters;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs {@link StaleRiskCounters} every {@code paysuite.risk.sweep-interval}, once across all pay-core instances: the
 * kit's scheduled jobs (Spring {@code @Scheduled} with a ShedLock {@code @SchedulerLock} held in pay-core's own database,
 * table {@code shedlock} beside {@code risk_counter} in ds_0). Two instances sweeping at once would only delete the
 * same rows; the lock keeps them from doing the work twice.
 */
public class RiskCounterSweepJob {

    private static final Logger log = LoggerFactory.getLogger(RiskCounterSweepJob.class);

    private final StaleRiskCounters stale;

    public RiskCounterSweepJob(StaleRiskCounters stale) {
        this.stale = stale;
    }

    @Scheduled(fixedDelayString = "${paysuite.risk.sweep-interval:PT10M}", initialDelayString = "${paysuite.risk.sweep-interval:PT10M}")
    @SchedulerLock(name = "pay-risk-counter-sweep", lockAtMostFor = "PT30M")
    public void sweep() {
        try {
            long removed = stale.sweep();
            if (removed > 0) {
                log.info("risk counter sweep removed {} stale bucket(s)", removed);
            }
        } catch (RuntimeException e) {
            log.warn("risk counter sweep failed; the next run tries again: {}", e.toString());
        }
    }
}
