package io.paysuite.pay.risk;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.risk.RiskDecisionDTO;
import io.paysuite.api.risk.RiskDecisionQry;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.risk.RiskAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** In-memory stand-ins for the risk engine's ports. */
public final class RiskFakes {

    public static final ZoneId ZONE = ZoneOffset.UTC;
    public static final Duration STEP_UP_WINDOW = Duration.ofMinutes(10);

    private RiskFakes() {
    }

    /** A risk engine with no rules: every payment allowed (for tests of the rest of the money path). */
    public static RiskEngine allowAll(Clock clock) {
        return new RiskEngine(new Rules(RiskRules.NONE), new Counters(), new Decisions(), new SimpleMeterRegistry(), clock, ZONE, STEP_UP_WINDOW);
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

        /** The config center's document and version: a counter, like the kit's LocalConfigCenter. */
        public String storedText;
        public String storedVersion = "absent";

        @Override
        public Stored stored() {
            return new Stored(storedText, storedVersion);
        }

        @Override
        public Optional<String> publishIfUnchanged(String document, String expectedVersion) {
            if (!storedVersion.equals(expectedVersion)) {
                return Optional.empty();
            }
            published.add(document);
            storedText = document;
            storedVersion = Integer.toString(published.size());
            return Optional.of(storedVersion);
        }
    }

    public static final class Counters implements RiskCounters {
        /** Ordered by key then bucket, like the table's primary key: the card prefix is a range. */
        final java.util.TreeMap<String, RiskTallies.Tally> rows = new java.util.TreeMap<>();
        boolean down;
        int statements;

        @Override
        public synchronized List<RiskTallies.Tally> read(RiskTallies.Buckets buckets) {
            statements++;
            if (down) {
                throw new IllegalStateException("database unreachable");
            }
            List<RiskTallies.Tally> found = new ArrayList<>();
            for (String key : buckets.keys()) {
                for (String bucket : buckets.buckets()) {
                    RiskTallies.Tally row = rows.get(key + "|" + bucket);
                    if (row != null) {
                        found.add(row);
                    }
                }
            }
            if (buckets.cardPrefix() != null) {
                rows.subMap(buckets.cardPrefix(), buckets.cardPrefix() + Character.MAX_VALUE).values().stream()
                        .filter(t -> t.bucket().equals(buckets.today())).forEach(found::add);
            }
            return found;
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

        @Override
        public int removeUpdatedBefore(java.time.Instant updatedBefore, int limit) {
            return 0; // the engine's tests never sweep (StaleRiskCountersTest does)
        }
    }

    public static final class Decisions implements RiskDecisions {
        final List<RiskDecision> recorded = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void record(RiskDecision decision) {
            recorded.add(decision);
        }

        @Override
        public boolean askedToStepUp(String tradeNo, String requestNo, String buyerId, PayMethod method, Instant since) {
            synchronized (recorded) {
                return recorded.stream().filter(d -> d.action() == RiskAction.REVIEW).map(RiskDecision::input)
                        .anyMatch(in -> in.tradeNo().equals(tradeNo) && requestNo.equals(in.requestNo())
                                && buyerId.equals(in.buyerId()) && in.method() == method && !in.at().isBefore(since));
            }
        }

        @Override
        public List<RiskDecisionDTO> recent(RiskDecisionQry qry) {
            return List.of();
        }
    }
}
