package io.paysuite.pay.risk;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.risk.RiskDecisionDTO;
import io.paysuite.api.risk.RiskDecisionQry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** In-memory stand-ins for the risk engine's ports. */
public final class RiskFakes {

    public static final ZoneId ZONE = ZoneOffset.UTC;

    private RiskFakes() {
    }

    /** A risk engine with no rules: every payment allowed (for tests of the rest of the money path). */
    public static RiskEngine allowAll(Clock clock) {
        return new RiskEngine(new Rules(RiskRules.NONE), new Counters(), new Decisions(), new SimpleMeterRegistry(), clock, ZONE);
    }

    public static final class Rules implements RiskRuleSource {
        volatile RiskRules current;
        final List<String> published = new ArrayList<>();

        public Rules(RiskRules current) {
            this.current = current;
        }

        public static Rules of(String json) {
            return new Rules(RiskRules.parse(json, Instant.EPOCH));
        }

        @Override
        public RiskRules current() {
            return current;
        }

        @Override
        public void onChange(Consumer<RiskRules> listener) {
        }

        @Override
        public String path() {
            return "/paysuite/rules/risk";
        }

        @Override
        public void publish(String document) {
            published.add(document);
        }
    }

    public static final class Counters implements RiskCounters {
        final Map<String, RiskTallies.Tally> rows = new HashMap<>();
        boolean down;
        int statements;

        @Override
        public synchronized List<RiskTallies.Tally> read(RiskTallies.Buckets buckets) {
            statements++;
            if (down) {
                throw new IllegalStateException("database unreachable");
            }
            return rows.values().stream().filter(t -> buckets.keys().contains(t.key()) && buckets.buckets().contains(t.bucket())
                    || buckets.cardPrefix() != null && t.key().startsWith(buckets.cardPrefix()) && t.bucket().equals(buckets.today()))
                    .toList();
        }

        @Override
        public synchronized void add(List<RiskTallies.Tally> increments) {
            statements++;
            if (down) {
                throw new IllegalStateException("database unreachable");
            }
            for (RiskTallies.Tally t : increments) {
                rows.merge(t.key() + "|" + t.bucket(), t,
                        (a, b) -> new RiskTallies.Tally(a.key(), a.bucket(), a.count() + b.count(), a.sumMinor() + b.sumMinor()));
            }
        }
    }

    public static final class Decisions implements RiskDecisions {
        final List<RiskDecision> recorded = new CopyOnWriteArrayList<>();

        @Override
        public void record(RiskDecision decision) {
            recorded.add(decision);
        }

        @Override
        public List<RiskDecisionDTO> recent(RiskDecisionQry qry) {
            return List.of();
        }
    }
}
