package io.paysuite.it.ledger;

import static io.paysuite.it.ledger.LedgerFixture.balanceOf;
import static io.paysuite.it.ledger.LedgerFixture.fund;
import static io.paysuite.it.ledger.LedgerFixture.payment;
import static io.paysuite.it.ledger.LedgerFixture.pending;
import static io.paysuite.it.ledger.LedgerFixture.trialBalance;
import static io.paysuite.it.ledger.LedgerFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.ledger.LedgerService;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.deploy.launcher.ServiceProcess;
import io.paysuite.it.SuiteHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Measures and prints postings per second onto ONE merchant's pending account, hot-account buffer
 * on versus row-locked posting, at 16 and 64 concurrent posters. Never fails on timing: figures
 * from a 2-core machine shared with other suites are indicative only. It does fail if the money is
 * wrong afterwards (every accepted payment credited exactly once, trial balance balanced).
 *
 * <p>How the two modes run in one suite: the suite's accounting-service (buffer on, the default)
 * and a second accounting-service instance started here with
 * {@code paysuite.ledger.hot-accounts.enabled=false} and {@code dubbo.registry.register=false}
 * (so no other test's calls reach it), both on the same MariaDB schema; each mode is called
 * directly on its instance's Dubbo port. Same jar, same database, only the switch differs.
 *
 * <p>Each poster thread pays from its own buyer wallet, so the wallets do not contend and the
 * merchant's pending account (with the shared platform fee income account) is the one hot spot.
 */
class HotAccountBenchmarkIT {

    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURE = Duration.ofSeconds(10);
    private static final int[] POSTERS = {16, 64};
    private static final long AMOUNT = 1_000;
    private static final long MERCHANT_SHARE = AMOUNT - 6; // fee 6 at the default 60 bps

    @Test
    void measurePostingsPerSecondOntoOneMerchantWithAndWithoutTheHotAccountBuffer() throws Exception {
        ServiceProcess buffered = SuiteHarness.suite().service(ServiceId.ACCOUNTING_SERVICE);
        ServiceProcess rowLocked = SuiteHarness.suite().startExtraInstance(ServiceId.ACCOUNTING_SERVICE, "accounting-rowlocked",
                Map.of("paysuite.ledger.hot-accounts.enabled", "false", "dubbo.registry.register", "false"));
        LedgerService hot = SuiteHarness.directReference(LedgerService.class, null, buffered.dubboPort());
        LedgerService locked = SuiteHarness.directReference(LedgerService.class, null, rowLocked.dubboPort());

        Map<String, Double> figures = new LinkedHashMap<>();
        try {
            for (int posters : POSTERS) {
                figures.put("row-locked x" + posters, run(locked, posters));
                figures.put("hot buffer x" + posters, run(hot, posters));
            }
        } finally {
            // the row-locked instance runs accounting's background work too (internal reconciliation's checks):
            // it must not outlive this benchmark into other ITs
            rowLocked.stop(Duration.ofSeconds(20));
        }

        StringBuilder report = new StringBuilder("\n=== HotAccountBenchmarkIT: payments/s onto one merchant's pending account ===\n");
        figures.forEach((mode, perSecond) -> report.append(String.format("%-18s %10.1f /s%n", mode, perSecond)));
        for (int posters : POSTERS) {
            report.append(String.format("speed-up at %d posters: %.1fx%n", posters,
                    figures.get("hot buffer x" + posters) / figures.get("row-locked x" + posters)));
        }
        System.out.println(report);
        assertThat(trialBalance(hot).balanced()).isTrue();
    }

    /** Payments per second during {@link #MEASURE}, after a warm-up; then checks the merchant got each one once. */
    private double run(LedgerService ledger, int posters) throws Exception {
        String merchant = unique("M_BENCH");
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < posters; i++) {
            buyers.add(unique("U_BENCH"));
            fund(ledger, buyers.get(i), 1_000_000_000L);
        }
        AtomicLong measured = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + WARM_UP.toNanos();
        long end = measureFrom + MEASURE.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(posters);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String buyer : buyers) {
                done.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        boolean ok = ledger.postPayment(payment(unique("bench"), unique("T"), buyer, merchant, AMOUNT, false)).success();
                        if (ok) {
                            accepted.incrementAndGet();
                            long now = System.nanoTime();
                            if (now >= measureFrom && now < end) {
                                measured.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long expected = accepted.get() * MERCHANT_SHARE;
        assertThat(balanceOf(ledger, pending(merchant))).isEqualTo(expected);
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(ledger.balance(pending(merchant)).data().buffered()).isZero());
        return measured.get() / (MEASURE.toNanos() / 1e9);
    }
}
