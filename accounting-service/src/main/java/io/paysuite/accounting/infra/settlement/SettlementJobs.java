package io.paysuite.accounting.infra.settlement;

import io.paysuite.accounting.config.SettlementProperties;
import io.paysuite.accounting.settlement.SettlementRun;
import io.paysuite.accounting.settlement.Settlement;
import io.paysuite.kit.sweep.Sweep;
import io.paysuite.api.settlement.SettlementRunCmd;
import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled settlement jobs, each run by one instance at a time across the cluster (the kit's
 * {@code ScheduledJobsAutoConfiguration}: Spring's {@code @Scheduled} + ShedLock on this database).
 * The daily run's lock is held at least {@code paysuite.settlement.lock-at-least-for} (a minute) after the run
 * started, so an instance whose clock or tick lags by less than that finds it held and skips the day, instead
 * of starting a second run the moment the first one released it. Behind the lock, the run itself stays
 * idempotent per merchant and date through the settlement's unique key (and each due entry is claimed by one
 * settlement only), so a run that gets past the lock anyway — a lag longer than that, an operator's run of the
 * same date — finds the work done and only drives it on. {@code paysuite.jobs.enabled=false} turns them off.
 */
@Component
@ConditionalOnProperty(prefix = "paysuite.jobs", name = "enabled", matchIfMissing = true)
public class SettlementJobs {

    private static final Logger log = LoggerFactory.getLogger(SettlementJobs.class);

    private final SettlementRun run;
    private final Sweep<Settlement> sweep;
    private final SettlementProperties properties;
    private final Clock clock;

    public SettlementJobs(SettlementRun run, Sweep<Settlement> sweep, SettlementProperties properties, Clock clock) {
        this.run = run;
        this.sweep = sweep;
        this.properties = properties;
        this.clock = clock;
    }

    /** Settles today's due (yesterday's postings for T+1) once a day, in the merchants' zone. */
    @Scheduled(cron = "${paysuite.settlement.run-cron:0 30 1 * * *}", zone = "${paysuite.settlement.zone:Asia/Shanghai}")
    @SchedulerLock(name = "settlement-daily-run", lockAtLeastFor = "${paysuite.settlement.lock-at-least-for:PT1M}",
            lockAtMostFor = "PT2H") // SettlementProperties.DAILY_RUN_LOCK_AT_MOST_FOR (an annotation needs the literal)
    public void daily() {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        log.info("daily settlement run of {} runs on this instance (it holds the cluster-wide lock)", today);
        run.run(new SettlementRunCmd(today, "scheduler"));
    }

    /** Drives settlements whose payout has no final answer yet. */
    @Scheduled(fixedDelayString = "${paysuite.settlement.sweep-every:60s}", initialDelayString = "${paysuite.settlement.sweep-every:60s}")
    @SchedulerLock(name = "settlement-payout-sweep", lockAtMostFor = "PT10M")
    public void sweepPayouts() {
        sweep.run();
    }
}
