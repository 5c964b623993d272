package io.paysuite.pay.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.RiskContext;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What the rules cost a payment in pay-core's own CPU (docs/benchmarks.md, "Risk rules: cost per payment"):
 * 1 000 payments through every kind of rule with in-memory counters, after a warm-up. Printed, never asserted
 * (timing depends on the machine); the database's share (one SELECT, one upsert, one insert) is not in it.
 */
class RiskEngineCostTest {

    static final String EVERY_KIND = """
            {"version": 1, "rules": [
              {"id": "single", "kind": "SINGLE_LIMIT", "action": "BLOCK", "max_amount": 50000000},
              {"id": "buyer-day", "kind": "DAILY_LIMIT", "action": "REVIEW", "subject": "BUYER", "max_amount": 900000000},
              {"id": "merchant-day", "kind": "DAILY_LIMIT", "action": "BLOCK", "subject": "MERCHANT", "max_amount": 900000000},
              {"id": "buyer-minute", "kind": "VELOCITY", "action": "BLOCK", "subject": "BUYER", "window": "MINUTE", "max_count": 100000},
              {"id": "ip-day", "kind": "VELOCITY", "action": "BLOCK", "subject": "IP", "window": "DAY", "max_count": 100000},
              {"id": "lists", "kind": "BLACKLIST", "action": "BLOCK", "buyers": ["B-X"], "ips": ["10.9.9.9"], "devices": ["d-x"]},
              {"id": "jump", "kind": "AMOUNT_JUMP", "action": "REVIEW", "factor": 50, "min_history": 3},
              {"id": "device-cards", "kind": "CARDS_PER_DEVICE", "action": "REVIEW", "max_cards": 100000}]}
            """;

    @Test
    void aThousandPaymentsThroughEveryKindOfRuleArePrintedWithTheirCost() {
        RiskFakes.Counters counters = new RiskFakes.Counters();
        RiskFakes.Decisions decisions = new RiskFakes.Decisions();
        RiskEngine engine = new RiskEngine(RiskFakes.Rules.of(EVERY_KIND), counters, decisions, new SimpleMeterRegistry(),
                Clock.systemUTC(), RiskFakes.ZONE, RiskFakes.STEP_UP_WINDOW);

        run(engine, 10_000, "W"); // warm-up: JIT
        decisions.recorded.clear();
        int before = counters.statements;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime(); // the thread's own CPU: fair on a shared, loaded machine
        long start = System.nanoTime();
        run(engine, 1_000, "M");
        long nanos = System.nanoTime() - start;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;

        System.out.printf(Locale.ROOT, "risk rules: 1000 payments, 8 rules, %.1f ms in all, %.1f us per payment (%.1f us of CPU),"
                        + " %d counter statements (%.1f per payment), %d decisions%n",
                nanos / 1e6, nanos / 1e3 / 1_000, cpu / 1e3 / 1_000, counters.statements - before, (counters.statements - before) / 1_000.0,
                decisions.recorded.size());
        assertThat(decisions.recorded).hasSize(1_000).allSatisfy(d -> assertThat(d.failed()).isEmpty());
    }

    private static void run(RiskEngine engine, int payments, String prefix) {
        for (int i = 0; i < payments; i++) {
            String buyer = prefix + "B" + (i % 50);
            TradeDTO trade = new TradeDTO(prefix + "T" + i, "M" + (i % 5), "O" + i, TradeType.INSTANT, TradeStatus.WAIT_PAY,
                    Money.cny(100 + i % 700), Money.cny(0), Money.cny(0), "s", null, null, null, null, null, null, null, null);
            PayMethod method = i % 3 == 0 ? PayMethod.BANK_CARD : PayMethod.BALANCE;
            engine.screen(new PayCmd(trade.tradeNo(), buyer, method, "pw", "R" + i, method == PayMethod.BANK_CARD ? "TOKEN" + (i % 40) : null,
                    null, false, new RiskContext("10.0." + (i % 7) + ".1", "dev" + (i % 30))), trade);
        }
    }
}
