package io.paysuite.pay.infra.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class ZooKeeperRiskRuleSourceTest {

    final ZooKeeperRiskRuleSource source = new ZooKeeperRiskRuleSource(
            new RiskProperties("zookeeper://127.0.0.1:2181?backup=x", "/paysuite/rules/risk", "UTC", 1.0), Clock.systemUTC());

    @Test
    void aRefusedDocumentKeepsTheLastGoodOne() {
        source.load("{\"version\": 4, \"rules\": [{\"id\":\"s\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"max_amount\":5}]}");
        source.load("{\"version\": 5, \"rules\": oops");

        assertThat(source.current().version()).isEqualTo(4);
        assertThat(source.current().ids()).containsExactly("s");
    }

    @Test
    void aDeletedDocumentMeansNoRules() {
        source.load("{\"version\": 4, \"rules\": []}");
        source.load(null);

        assertThat(source.current().rules()).isEmpty();
    }

    @Test
    void theRegistryAddressIsUsedWithoutItsSchemeAndQuery() {
        assertThat(new RiskProperties("zookeeper://127.0.0.1:2181?backup=x", "/p", "UTC", 1).zookeeperConnect()).isEqualTo("127.0.0.1:2181");
        assertThat(new RiskProperties("nacos://127.0.0.1:8848", "/p", "UTC", 1).zookeeperConnect()).isEmpty();
        assertThat(new RiskProperties("h:1,h:2", "/p", "UTC", 1).zookeeperConnect()).isEqualTo("h:1,h:2");
    }
}
