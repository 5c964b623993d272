package io.paysuite.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteConfigTest {

    @Test
    void theLocalRunUsesTheDocumentedFixedPorts() {
        SuiteConfig local = SuiteConfig.local(Path.of("/repo"), Path.of("/repo/.paysuite"));

        assertThat(local.ports(ServiceId.TRADE_CORE)).isEqualTo(new ServicePorts(8081, 20881));
        // API.md: the open API and cashier pages on https 8443; the actuator on plain 8086
        assertThat(local.ports(ServiceId.CASHIER_SERVICE)).isEqualTo(new ServicePorts(8086, 20886, 8443));
        assertThat(local.sandboxPort()).isEqualTo(8099);
        assertThat(local.infra().zookeeperPort()).isEqualTo(12181);
    }

    @Test
    void aTestRunNeverGivesTwoPartsTheSamePort() {
        SuiteConfig tests = SuiteConfig.forTests(Path.of("/repo"), Path.of("/tmp/suite"));

        List<Integer> ports = new ArrayList<>();
        for (ServiceId id : ServiceId.values()) {
            ports.add(tests.ports(id).http());
            ports.add(tests.ports(id).dubbo());
            if (tests.ports(id).api() != 0) {
                ports.add(tests.ports(id).api());
            }
        }
        ports.add(tests.sandboxPort());
        assertThat(ports).doesNotHaveDuplicates();
    }

    @Test
    void shardedServicesOwnTwoPhysicalDatabasesAndTheOthersOne() {
        assertThat(ServiceId.TRADE_CORE.databases()).containsExactly("paysuite_trade_0", "paysuite_trade_1");
        assertThat(ServiceId.PAY_CORE.sharded()).isTrue();
        assertThat(ServiceId.MEMBER_SERVICE.sharded()).isFalse();
    }
}
