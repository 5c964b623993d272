package io.paysuite.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.member.RegisterBuyerCmd;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeType;
import io.paysuite.deploy.infra.DatabaseServer;
import io.paysuite.it.SuiteHarness;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Measures and prints — never fails on timing — end-to-end balance payments per second (create
 * trade + pay, each through Dubbo across trade-core, pay-core, member-service and
 * accounting-service) at several concurrencies, the database server's raw commit rate in the same
 * run, and what one payment costs the database: MariaDB's global status deltas over each measured
 * step divided by its payments — {@code Handler_commit} (every transaction, read-only ones
 * included), COMMIT + INSERT + UPDATE statements, and InnoDB fsyncs ({@code Innodb_data_fsyncs}).
 * The deltas include the
 * background work of the step (the hot-account applier, consumers), which is part of the cost. Figures go to {@code docs/benchmarks.md} by hand with the machine and date.
 */
class PaymentThroughputBenchmarkIT {

    private static final long SECONDS = Long.getLong("bench.seconds", 10);
    private static final int[] CONCURRENCY = {1, 4, 16, 32};

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pay = SuiteHarness.reference(PayService.class, null);
    private final MemberService members = SuiteHarness.reference(MemberService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    private final String merchant = "M_BENCH_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);

    @Test
    void endToEndBalancePaymentsPerSecond() throws Exception {
        DatabaseServer db = SuiteHarness.suite().infra().database();
        db.createDatabase("paysuite_bench");
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            buyers.add(buyer());
        }
        payOnce(buyers.get(0)); // warm the paths once
        StringBuilder report = new StringBuilder("\nPaymentThroughputBenchmarkIT (" + SECONDS + " s per step)\n");
        for (int threads : CONCURRENCY) {
            long commitsBefore = status(db, "Handler_commit");
            long fsyncsBefore = status(db, "Innodb_data_fsyncs");
            long writesBefore = status(db, "Com_commit") + status(db, "Com_insert") + status(db, "Com_update");
            Run run = measure(threads, buyers);
            assertThat(run.ok).as("payments at concurrency %d", threads).isPositive();
            double ok = Math.max(1, run.ok);
            double commits = (status(db, "Handler_commit") - commitsBefore) / ok;
            double fsyncs = (status(db, "Innodb_data_fsyncs") - fsyncsBefore) / ok;
            double writes = (status(db, "Com_commit") + status(db, "Com_insert") + status(db, "Com_update") - writesBefore) / ok;
            report.append(String.format("  concurrency %2d: %6.1f payments/s, p50 %4d ms, p99 %5d ms, %d ok, %d refused/unknown;"
                            + " per payment: %.1f transactions (Handler_commit, reads included), %.1f COMMIT+INSERT+UPDATE"
                            + " statements, %.1f InnoDB fsyncs%n", threads, run.ok / (double) SECONDS, run.p(50), run.p(99),
                    run.ok, run.other, commits, writes, fsyncs));
        }
        report.append(String.format("  raw database commit rate (16 threads, 1-row INSERT autocommit): %.0f commits/s%n",
                rawCommitRate(db, 16)));
        System.out.println(report);
    }

    private record Run(long ok, long other, long[] latencies) {
        long p(int percentile) {
            if (latencies.length == 0) {
                return 0;
            }
            long[] sorted = latencies.clone();
            java.util.Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
        }
    }

    private Run measure(int threads, List<String> buyers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong ok = new AtomicLong();
        AtomicLong other = new AtomicLong();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String buyer = buyers.get(t % buyers.size());
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    if (payOnce(buyer)) {
                        ok.incrementAndGet();
                        latencies.add((System.nanoTime() - start) / 1_000_000);
                    } else {
                        other.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return new Run(ok.get(), other.get(), latencies.stream().mapToLong(Long::longValue).toArray());
    }

    private boolean payOnce(String buyer) {
        Result<TradeDTO> trade = trades.create(new CreateTradeCmd(merchant, "B-" + UUID.randomUUID().toString().substring(0, 30),
                TradeType.INSTANT, Money.cny(1 + ThreadLocalRandom.current().nextInt(100)), "bench", buyer,
                "https://merchant.example/n", null, null, null));
        if (!trade.success()) {
            return false;
        }
        Result<PayOrderDTO> paid = pay.pay(new PayCmd(trade.data().tradeNo(), buyer, PayMethod.BALANCE, "246810",
                "R-" + UUID.randomUUID()));
        return paid.success() && paid.data().status() == PayOrderStatus.SUCCESS;
    }

    private String buyer() {
        String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        BuyerDTO buyer = members.registerBuyer(new RegisterBuyerCmd(phone, "bench-pass-1", "246810", "bench")).data();
        ledger.post(new PostingCmd("BENCH-FUND-" + UUID.randomUUID(), "FUNDING", buyer.buyerId(), "CNY", List.of(
                new PostingLine(new AccountRef(AccountType.PLATFORM_FUNDING, AccountRef.PLATFORM, "CNY"), AccountType.Side.DEBIT, 100_000_000),
                new PostingLine(new AccountRef(AccountType.BUYER_WALLET, buyer.buyerId(), "CNY"), AccountType.Side.CREDIT, 100_000_000)),
                "bench funding"));
        return buyer.buyerId();
    }

    private static long status(DatabaseServer db, String variable) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("paysuite_bench"), db.username(), db.password());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW GLOBAL STATUS LIKE '" + variable + "'")) {
            return r.next() ? r.getLong(2) : 0; // a variable this server version does not have counts as 0

        }
    }

    private static double rawCommitRate(DatabaseServer db, int threads) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("paysuite_bench"), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS commit_probe (id BIGINT AUTO_INCREMENT PRIMARY KEY, v BIGINT NOT NULL) ENGINE=InnoDB");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong commits = new AtomicLong();
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(db.jdbcUrl("paysuite_bench"), db.username(), db.password());
                     PreparedStatement insert = c.prepareStatement("INSERT INTO commit_probe (v) VALUES (?)")) {
                    while (System.nanoTime() < deadline) {
                        insert.setLong(1, System.nanoTime());
                        insert.executeUpdate();
                        commits.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return commits.get() / 5.0;
    }
}
