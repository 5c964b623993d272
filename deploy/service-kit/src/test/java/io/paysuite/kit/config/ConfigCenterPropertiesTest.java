package io.paysuite.kit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigCenterPropertiesTest {

    static ConfigCenterProperties with(String address) {
        return new ConfigCenterProperties(address, "/paysuite/config", "PAYSUITE", Duration.ofSeconds(5));
    }

    @Test
    void theRegistryAddressPicksTheConfigCenter() {
        try (ConfigCenter zk = with(null).open("zookeeper://127.0.0.1:12181");
             ConfigCenter nacos = with("").open("nacos://10.0.0.5:8848?namespace=prod")) {
            assertThat(zk).isInstanceOf(ZookeeperConfigCenter.class);
            assertThat(zk.describe()).isEqualTo("zookeeper://127.0.0.1:12181/paysuite/config");
            assertThat(nacos).isInstanceOf(NacosConfigCenter.class);
            assertThat(nacos.describe()).isEqualTo("nacos://10.0.0.5:8848/PAYSUITE");
        }
    }

    @Test
    void anExplicitAddressOverridesTheRegistry() {
        assertThat(with("nacos://config:8848").resolve("zookeeper://127.0.0.1:12181").scheme()).isEqualTo("nacos");
    }

    @Test
    void addressesInTheRegistrysNotationAreUnderstood() {
        ConfigCenterAddress zk = ConfigCenterAddress.parse("zookeeper://zk1:2181?backup=zk2:2181,zk3:2181");
        ConfigCenterAddress nacos = ConfigCenterAddress.parse("nacos://n1:8848,n2:8848?namespace=prod&username=paysuite&password=s%26cret");

        assertThat(zk.servers()).isEqualTo("zk1:2181,zk2:2181,zk3:2181");
        assertThat(nacos.servers()).isEqualTo("n1:8848,n2:8848");
        assertThat(nacos.param("password")).isEqualTo("s&cret");
        assertThat(nacos.toString()).doesNotContain("cret");
        assertThat(ConfigCenterAddress.parse("127.0.0.1:12181").scheme()).isEqualTo("zookeeper");
        assertThatThrownBy(() -> ConfigCenterAddress.parse("etcd://e:2379")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAnyAddressTheRulesStayInTheProcess() {
        assertThat(with(null).open(null)).isInstanceOf(LocalConfigCenter.class);
    }

    @Test
    void aKeyIsSlashSeparatedLowerCaseSegments() {
        assertThat(ConfigCenter.checkKey("sentinel/channel-gateway/flow-rules")).isNotNull();
        assertThatThrownBy(() -> ConfigCenter.checkKey("/paysuite/config/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigCenter.checkKey("Routing Rules")).isInstanceOf(IllegalArgumentException.class);
    }
}
