package io.paysuite.pay.infra.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.kit.config.LocalConfigCenter;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ConfigCenterRiskRuleSourceTest {

    final LocalConfigCenter center = new LocalConfigCenter();
    final ConfigCenterRiskRuleSource source = new ConfigCenterRiskRuleSource(center,
            new RiskProperties("pay-core/risk-rules", "UTC", 1.0, java.time.Duration.ofDays(2), java.time.Duration.ofMinutes(10), 5000, java.time.Duration.ofMinutes(10)), Clock.systemUTC());

    @Test
    void aRefusedDocumentKeepsTheLastGoodOne() {
        source.load("{\"version\": 4, \"rules\": [{\"id\":\"s\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"max_amount\":5}]}");
        source.load("{\"version\": 5, \"rules\": oops");

        assertThat(source.current().version()).isEqualTo(4);
        assertThat(source.current().ids()).containsExactly("s");
    }

    @Test
    void theRefusedDocumentAndItsReasonAreKeptUntilAGoodOneComes() {
        source.load("{\"version\": 4, \"rules\": []}");
        source.load("{\"version\": 5, \"rules\": oops");

        assertThat(source.refused().text()).isEqualTo("{\"version\": 5, \"rules\": oops");
        assertThat(source.refused().reason()).isNotBlank();
        assertThat(source.refused().at()).isNotNull();

        source.load("{\"version\": 6, \"rules\": []}");

        assertThat(source.refused()).isNull();
    }

    @Test
    void aDeletedDocumentMeansNoRules() {
        source.load("{\"version\": 4, \"rules\": []}");
        source.load(null);

        assertThat(source.current().rules()).isEmpty();
    }

    @Test
    void aDocumentPublishedInTheConfigCenterAppliesLiveAndOneThereAtStartIsRead() {
        center.publish("pay-core/risk-rules", "{\"version\": 7, \"rules\": []}");
        source.start();
        assertThat(source.current().version()).isEqualTo(7);

        String read = source.stored().version();
        assertThat(source.publishIfUnchanged("{\"version\": 8, \"rules\": [{\"id\":\"s\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"max_amount\":5}]}", read)).isPresent();

        assertThat(source.current().version()).isEqualTo(8);
        assertThat(source.publishIfUnchanged("{\"version\": 9, \"rules\": []}", read))
                .as("a second save over the version read before the first").isEmpty();
        assertThat(source.current().version()).isEqualTo(8);
        assertThat(source.stored().text()).contains("\"version\": 8");
        source.stop();
        assertThat(source.isRunning()).isFalse();
    }
}
