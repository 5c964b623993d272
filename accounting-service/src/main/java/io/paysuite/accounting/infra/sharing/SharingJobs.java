package io.paysuite.accounting.infra.sharing;

import io.paysuite.accounting.sharing.SharingOrder;
import io.paysuite.kit.sweep.Sweep;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The sweep of profit-sharing orders left {@code PROCESSING}, one instance at a time across the
 * cluster (the kit's scheduled jobs: {@code @Scheduled} + ShedLock); the redrive itself is idempotent.
 */
@Component
@ConditionalOnProperty(prefix = "paysuite.jobs", name = "enabled", matchIfMissing = true)
public class SharingJobs {

    private final Sweep<SharingOrder> sharingSweep;

    public SharingJobs(Sweep<SharingOrder> sharingSweep) {
        this.sharingSweep = sharingSweep;
    }

    @Scheduled(fixedDelayString = "${paysuite.sharing.sweep-every:30s}", initialDelayString = "${paysuite.sharing.sweep-every:30s}")
    @SchedulerLock(name = "profit-sharing-sweep", lockAtMostFor = "PT10M")
    public void sweepOrders() {
        sharingSweep.run();
    }
}
