package io.paysuite.accounting.infra.wallet;

import io.paysuite.kit.sweep.Sweep;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drives withdrawals whose payout has no final answer yet (a lost {@code PAYOUT_FINAL}, an unknown
 * payout answer, a crash between the hold and the payout call), one instance at a time across the
 * cluster (the kit's ShedLock {@code @Scheduled} jobs, as settlement's). Each re-drive is idempotent.
 */
@Component
@ConditionalOnProperty(prefix = "paysuite.jobs", name = "enabled", matchIfMissing = true)
public class WalletJobs {

    private final Sweep<String> sweep;

    public WalletJobs(@Qualifier("withdrawalSweep") Sweep<String> sweep) {
        this.sweep = sweep;
    }

    @Scheduled(fixedDelayString = "${paysuite.wallet.sweep-every:60s}", initialDelayString = "${paysuite.wallet.sweep-every:60s}")
    @SchedulerLock(name = "wallet-withdrawal-sweep", lockAtMostFor = "PT10M")
    public void sweepWithdrawals() {
        sweep.run();
    }
}
