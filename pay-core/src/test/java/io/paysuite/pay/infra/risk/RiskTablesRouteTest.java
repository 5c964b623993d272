package io.paysuite.pay.infra.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.risk.RiskAction;
import io.paysuite.api.risk.RiskDecisionQry;
import io.paysuite.kit.sharding.ShardReads;
import io.paysuite.pay.risk.RiskTallies;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every statement of the risk engine's counters and decisions runs on the single tables' route (ds_0, past ShardingSphere). */
class RiskTablesRouteTest {

    final List<String> routed = new ArrayList<>();
    final ShardReads shards = new ShardReads() {
        @Override
        public <T> T byOrderNo(String logicTable, String orderNo, Supplier<T> statement) {
            throw new AssertionError("the risk tables are not sharded");
        }

        @Override
        public <T> T onSingleTable(String singleTable, Supplier<T> statement) {
            routed.add(singleTable);
            return statement.get();
        }
    };

    @Test
    void theCountersReadAddAndSweepOnTheSingleTablesRoute() {
        MyBatisRiskCounters counters = new MyBatisRiskCounters(mock(RiskCounterMapper.class), Clock.systemUTC(), shards);

        counters.read(new RiskTallies.Buckets(List.of("k"), List.of("b"), null, "2026-12-07", List.of()));
        counters.add(List.of(new RiskTallies.Tally("k", "b", 1, 100)));
        counters.add(List.of()); // nothing to add: no statement
        counters.removeUpdatedBefore(Instant.parse("2026-12-05T00:00:00Z"), 100);

        assertThat(routed).containsExactly("risk_counter", "risk_counter", "risk_counter");
    }

    @Test
    void theDecisionsAreWrittenAndReadOnTheSingleTablesRoute() {
        MyBatisRiskDecisions decisions = new MyBatisRiskDecisions(mock(RiskDecisionMapper.class), 1.0, shards);

        decisions.record(MyBatisRiskDecisionsTest.decision(RiskAction.REVIEW, List.of("r1[REVIEW: jump]"), List.of()));
        decisions.askedToStepUp("T1", "R1", "B1", PayMethod.BALANCE, Instant.parse("2026-12-06T11:50:00Z"));
        decisions.recent(new RiskDecisionQry(10, "B1", null, null, null));

        assertThat(routed).containsExactly("risk_decision", "risk_decision", "risk_decision");
    }
}
