package io.paysuite.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.deploy.infra.EmbeddedServer;
import io.paysuite.deploy.infra.ExternalInfra;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InfraPlanTest {

    private static final SuiteConfig LOCAL = SuiteConfig.local(Path.of("/repo"), Path.of("/tmp/paysuite-plan"));

    @Test
    void theEmbeddedRunStartsZooKeeperTheDatabaseTheBrokerAndSeata() {
        assertThat(InfraPlan.embedded(LOCAL, null)).containsExactlyInAnyOrder(EmbeddedServer.values());
        assertThat(InfraPlan.embedded(LOCAL, " ")).contains(EmbeddedServer.ZOOKEEPER);
    }

    @Test
    void underSomeoneElsesRegistryNoZooKeeperIsStarted() {
        assertThat(InfraPlan.embedded(LOCAL, "nacos://127.0.0.1:28848?username=nacos&password=p"))
                .containsExactlyInAnyOrder(EmbeddedServer.DATABASE, EmbeddedServer.ROCKETMQ, EmbeddedServer.SEATA);
    }

    @Test
    void theExternalModeStartsNothing() {
        ExternalInfra servers = InfraEnvironment.read(InfraEnvironmentTest.production()).orElseThrow();
        assertThat(InfraPlan.embedded(LOCAL.withExternal(servers), null)).isEmpty();
    }
}
