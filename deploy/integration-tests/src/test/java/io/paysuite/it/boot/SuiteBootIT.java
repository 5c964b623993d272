package io.paysuite.it.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.nacos.api.naming.NamingFactory;
import com.alibaba.nacos.api.naming.NamingService;
import io.paysuite.api.system.RelayReply;
import io.paysuite.api.system.ServiceProbe;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.deploy.launcher.ServiceProcess;
import io.paysuite.deploy.launcher.Suite;
import io.paysuite.it.SuiteHarness;
import io.paysuite.kit.config.ConfigCenterAddress;
import io.paysuite.kit.config.NacosConfigCenter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SuiteBootIT {

    private final Suite suite = SuiteHarness.suite();

    @Test
    void theRegistryListsAllSixServices() throws Exception {
        // Dubbo 3 application-level discovery: one entry per application, whichever registry the suite runs on
        assertThat(registeredApplications()).containsAll(Arrays.stream(ServiceId.values()).map(ServiceId::module).toList());
    }

    /** ZooKeeper: a node per application under /services; Nacos: a naming service per application. */
    private List<String> registeredApplications() throws Exception {
        ConfigCenterAddress registry = ConfigCenterAddress.parse(suite.infra().registryAddress());
        if (registry.scheme().equals(ConfigCenterAddress.NACOS)) {
            NamingService naming = NamingFactory.createNamingService(NacosConfigCenter.clientProperties(registry));
            try {
                return naming.getServicesOfServer(1, 1000).getData();
            } finally {
                naming.shutDown();
            }
        }
        ZooKeeper zk = new ZooKeeper(suite.infra().zookeeperConnectString(), 10_000, event -> { });
        try {
            return zk.getChildren("/services", false);
        } finally {
            zk.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ServiceId.class)
    void everyServiceAnswersWithItsOwnDatabaseAndReachesTheNextOverDubbo(ServiceId id) {
        ServiceProbe probe = SuiteHarness.reference(ServiceProbe.class, id.module());

        RelayReply reply = probe.relay("it");

        assertThat(reply.error()).isNull();
        assertThat(reply.self().service()).isEqualTo(id.module());
        assertThat(reply.self().databaseUp()).isTrue();
        assertThat(reply.self().database()).startsWith(id.databases().get(0).replaceAll("_0$", ""));
        assertThat(reply.next().service()).isEqualTo(ServiceProbe.next(id.module()));
        assertThat(reply.next().databaseUp()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ServiceId.class)
    void everyServiceReportsHealthAndPrometheusMetrics(ServiceId id) throws Exception {
        ServiceProcess process = suite.service(id);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(process.healthUri()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(process.baseUri() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"" + id.module() + "\"").contains("jvm_memory_used_bytes");
    }
}
