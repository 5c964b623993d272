package io.paysuite.kit.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateTableTest {

    enum Light { RED, GREEN, AMBER, OFF }

    static final StateTable<Light> LIGHTS = StateTable.of("light", Light.class)
            .allow(Light.RED, Light.GREEN, Light.OFF)
            .allow(Light.GREEN, Light.AMBER)
            .allow(Light.AMBER, Light.RED)
            .terminal(Light.OFF)
            .build();

    @Test
    void allowsOnlyWhatTheTableSays() {
        assertThat(LIGHTS.allows(Light.RED, Light.GREEN)).isTrue();
        assertThat(LIGHTS.allows(Light.GREEN, Light.RED)).isFalse();
        assertThat(LIGHTS.isFinal(Light.OFF)).isTrue();
        assertThat(LIGHTS.isFinal(Light.RED)).isFalse();
        assertThat(LIGHTS.next(Light.RED)).containsExactlyInAnyOrder(Light.GREEN, Light.OFF);
    }

    @Test
    void requireRefusesAChangeOutsideTheTableWithAnAlarm() {
        assertThatThrownBy(() -> LIGHTS.require(Light.OFF, Light.RED))
                .isInstanceOf(StateTable.IllegalTransitionException.class)
                .hasMessage("ALARM: light transition OFF -> RED is not in the table");
    }

    @Test
    void aForgottenStateOrAFinalStateWithAWayOutIsRefusedAtBuild() {
        assertThatThrownBy(() -> StateTable.of("light", Light.class).allow(Light.RED, Light.GREEN).build())
                .hasMessageContaining("has no transition and is not declared final");
        assertThatThrownBy(() -> StateTable.of("light", Light.class)
                .allow(Light.RED, Light.GREEN).allow(Light.GREEN, Light.AMBER).allow(Light.AMBER, Light.RED)
                .allow(Light.OFF, Light.RED).terminal(Light.OFF).build())
                .hasMessageContaining("final state OFF has transitions");
        assertThatThrownBy(() -> StateTable.of("light", Light.class).allow(Light.RED, Light.RED))
                .hasMessageContaining("itself");
    }

    @Test
    void everyPairFindsAMachineThatDisobeysItsTable() {
        Map<Integer, Light> stored = new HashMap<>();
        int[] next = {0};
        // obeys the table
        List<String> none = StateTableCheck.everyPair(LIGHTS,
                from -> { stored.put(++next[0], from); return next[0]; },
                (id, to) -> {
                    if (!LIGHTS.allows(stored.get(id), to)) {
                        return false;
                    }
                    stored.put(id, to);
                    return true;
                },
                stored::get);
        assertThat(none).isEmpty();
        // moves anything anywhere
        List<String> wrong = StateTableCheck.everyPair(LIGHTS,
                from -> { stored.put(++next[0], from); return next[0]; },
                (id, to) -> { stored.put(id, to); return true; },
                stored::get);
        assertThat(wrong).contains("OFF -> RED: not in the table, but moved=true and stored RED");
    }

    @Test
    void tablesAreImmutable() {
        assertThatThrownBy(() -> LIGHTS.next(Light.RED).add(Light.AMBER)).isInstanceOf(UnsupportedOperationException.class);
    }
}
