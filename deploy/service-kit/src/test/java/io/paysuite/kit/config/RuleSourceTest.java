package io.paysuite.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.csp.sentinel.slots.block.flow.FlowRule;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSourceTest {

    record Limit(String merchant, Integer qps) {
    }

    static final String KEY = "test/limits";
    static final RuleFormat<Limit> FORMAT = RuleFormat.listOf(Limit.class, new ObjectMapper(),
            limit -> limit.merchant() == null ? "has no merchant" : limit.qps() == null || limit.qps() < 0 ? "has no qps >= 0" : null);
    static final List<Limit> DEFAULTS = List.of(new Limit("*", 200));

    final LocalConfigCenter center = new LocalConfigCenter();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final RuleSources sources = new RuleSources(center, new MicrometerRuleMetrics(meters));

    @Test
    void withNoDocumentTheDefaultsAreInForce() {
        RuleSource<Limit> source = sources.open(KEY, FORMAT, () -> DEFAULTS);

        assertThat(source.current()).isEqualTo(DEFAULTS);
        assertThat(source.changes()).isOne();
    }

    @Test
    void aDocumentPublishedAfterStartIsInForceAndCounted() {
        RuleSource<Limit> source = sources.open(KEY, FORMAT, () -> DEFAULTS);

        center.publish(KEY, "[{\"merchant\":\"M1\",\"qps\":5}]");

        assertThat(source.current()).containsExactly(new Limit("M1", 5));
        assertThat(source.changes()).isEqualTo(2);
        assertThat(meters.counter("paysuite.config.rules.accepted", "key", KEY).count()).isEqualTo(2);
    }

    @Test
    void aDocumentThatDoesNotParseIsRefusedAndTheLastGoodOneStays() {
        center.publish(KEY, "[{\"merchant\":\"M1\",\"qps\":5}]");
        RuleSource<Limit> source = sources.open(KEY, FORMAT, () -> DEFAULTS);

        center.publish(KEY, "[{\"merchant\":\"M1\",\"qps\":");

        assertThat(source.current()).containsExactly(new Limit("M1", 5));
        assertThat(source.refusals()).isOne();
        assertThat(meters.counter("paysuite.config.rules.refused", "key", KEY).count()).isOne();
    }

    @Test
    void theStateShowsTheDocumentInForceAndTheRefusedOneWithItsReasonUntilAGoodOneComes() {
        String good = "[{\"merchant\":\"M1\",\"qps\":5}]";
        String bad = "[{\"merchant\":\"M1\",\"qps\":-1}]";
        center.publish(KEY, good);
        RuleSource<Limit> source = sources.open(KEY, FORMAT, () -> DEFAULTS);

        center.publish(KEY, bad);

        assertThat(source.state().inForce()).isEqualTo(good);
        assertThat(source.state().refused().text()).isEqualTo(bad);
        assertThat(source.state().refused().reason()).isEqualTo("rule #0 has no qps >= 0");
        assertThat(source.state().refused().at()).isNotNull();

        center.remove(KEY);

        assertThat(source.state()).isEqualTo(new RuleSource.State(null, null));
    }

    @Test
    void aRefusedDocumentAtStartLeavesTheDefaultsAndShowsWhy() {
        center.publish(KEY, "not json");

        RuleSource.State state = sources.open(KEY, FORMAT, () -> DEFAULTS).state();

        assertThat(state.inForce()).isNull();
        assertThat(state.refused().text()).isEqualTo("not json");
        assertThat(state.refused().reason()).startsWith("not a JSON array of Limit");
    }

    @Test
    void aDocumentWithOneInvalidRuleIsRefusedWhole() {
        center.publish(KEY, "[{\"merchant\":\"M1\",\"qps\":5}]");
        RuleSource<Limit> source = sources.open(KEY, FORMAT, () -> DEFAULTS);

        center.publish(KEY, "[{\"merchant\":\"M2\",\"qps\":9},{\"merchant\":\"M3\",\"qps\":-1}]");
        center.publish(KEY, "null");
        center.publish(KEY, "{\"merchant\":\"M2\",\"qps\":9}");

        assertThat(source.current()).containsExactly(new Limit("M1", 5));
        assertThat(source.refusals()).isEqualTo(3);
        assertThat(source.changes()).isOne();
    }

    @Test
    void aBadDocumentAtStartLeavesTheDefaults() {
        center.publish(KEY, "not json");

        RuleSource<Limit> source = sources.open(KEY, FORMAT, () -> DEFAULTS);

        assertThat(source.current()).isEqualTo(DEFAULTS);
        assertThat(source.refusals()).isOne();
    }

    @Test
    void removingTheDocumentRestoresTheDefaults() {
        center.publish(KEY, "[{\"merchant\":\"M1\",\"qps\":5}]");
        RuleSource<Limit> source = sources.open(KEY, FORMAT, () -> DEFAULTS);

        center.remove(KEY);

        assertThat(source.current()).isEqualTo(DEFAULTS);
    }

    @Test
    void theSameTextTwiceIsOneChange() {
        RuleSource<Limit> source = sources.open(KEY, FORMAT, () -> DEFAULTS);
        List<List<Limit>> heard = new ArrayList<>();
        source.onChange(heard::add);

        center.publish(KEY, "[{\"merchant\":\"M1\",\"qps\":5}]");
        center.publish(KEY, "[{\"merchant\":\"M1\",\"qps\":5}]");

        assertThat(heard).containsExactly(DEFAULTS, List.of(new Limit("M1", 5)));
        assertThat(source.changes()).isEqualTo(2);
    }

    @Test
    void aClosedSourceNoLongerFollowsTheDocument() {
        RuleSource<Limit> source = sources.open(KEY, FORMAT, () -> DEFAULTS);
        source.close();

        center.publish(KEY, "[{\"merchant\":\"M1\",\"qps\":5}]");

        assertThat(source.current()).isEqualTo(DEFAULTS);
    }

    @Test
    void sentinelRulesReachTheSentinelPropertyAndABadOneDoesNot() {
        SentinelRuleDataSource<FlowRule> flow = new SentinelRuleDataSource<>(
                sources.open("sentinel/test/flow-rules", SentinelRuleFormats.FLOW, () -> List.of(new FlowRule("r").setCount(20))));
        List<List<FlowRule>> applied = new ArrayList<>();
        flow.getProperty().addListener(new com.alibaba.csp.sentinel.property.SimplePropertyListener<>() {
            @Override
            public void configUpdate(List<FlowRule> value) {
                applied.add(value);
            }
        });

        center.publish("sentinel/test/flow-rules", "[{\"resource\":\"r\",\"count\":3,\"grade\":1,\"app\":\"dashboard-field\"}]");
        center.publish("sentinel/test/flow-rules", "[{\"resource\":\"r\",\"count\":-3,\"grade\":1}]");

        assertThat(applied).extracting(rules -> rules.get(0).getCount()).containsExactly(20.0, 3.0);
        assertThat(flow.loadConfig()).singleElement().extracting(FlowRule::getCount).isEqualTo(3.0);
        assertThat(flow.readSource()).contains("-3");
    }
}
