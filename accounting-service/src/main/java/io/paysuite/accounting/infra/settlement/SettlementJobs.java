package io.paysuite.accounting.infra.settlement;

import io.paysuite.accounting.config.SettlementProperties;
import io.paysuite.accounting.settlement.SettlementRun;
import io.paysuite.accounting.settlement.Settlement;
import io.paysuite.kit.sweep.Sweep;
import io.paysuite.api.settlement.SettlementRunCmd;
import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled settlement jobs, each run by one instance at a time across the cluster (the kit's
 * {@code ScheduledJobsAutoConfiguration}: Spring's {@code @Scheduled} + ShedLock on this database).
 * The lock only keeps two instances from running together; the run itself stays idempotent per
 * merchant and date through the settlement's unique key, so a late second run finds the work done.
 * {@code paysuite.jobs.enabled=false} turns them off.
 */
@Component
@ConditionalOnProperty(prefix = "paysuite.jobs", name = "enabled", matchIfMissing = true)
public class SettlementJobs {

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
    @SchedulerLock(name = "settlement-daily-run", lockAtMostFor = "PT2H")
    public void daily() {
        run.run(new SettlementRunCmd(LocalDate.now(clock.withZone(properties.zone())), "scheduler"));
    }

    /** Drives settlements whose payout has no final answer yet. */
    @Scheduled(fixedDelayString = "${paysuite.settlement.sweep-every:60s}", initialDelayString = "${paysuite.settlement.sweep-every:60s}")
    @SchedulerLock(name = "settlement-payout-sweep", lockAtMostFor = "PT10M")
    public void sweepPayouts() {
        sweep.run();
    }
}
