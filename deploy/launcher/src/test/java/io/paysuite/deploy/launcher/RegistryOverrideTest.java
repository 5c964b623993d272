package io.paysuite.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.deploy.infra.DatabaseServer;
import io.paysuite.deploy.infra.Infrastructure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryOverrideTest {

    @Test
    void aRegistryWithoutTheExternalModeKeepsTheEmbeddedServersButNamesThatRegistry() {
        assertThat(RegistryOverride.fromEnvironment(Map.of("PAYSUITE_REGISTRY", " nacos://127.0.0.1:28848?username=nacos&password=p ")))
                .contains("nacos://127.0.0.1:28848?username=nacos&password=p");
    }

    @Test
    void noRegistryOrTheExternalModeMeansNoOverride() {
        assertThat(RegistryOverride.fromEnvironment(Map.of())).isEmpty();
        assertThat(RegistryOverride.fromEnvironment(Map.of("PAYSUITE_REGISTRY", " "))).isEmpty();
        assertThat(RegistryOverride.fromEnvironment(InfraEnvironmentTest.production())).isEmpty();
    }

    @Test
    void aRegistryThatIsNeitherNacosNorZookeeperIsRefused() {
        assertThatThrownBy(() -> RegistryOverride.fromEnvironment(Map.of("PAYSUITE_REGISTRY", "127.0.0.1:8848")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PAYSUITE_REGISTRY");
    }

    @Test
    void theServicesGetTheOverridingRegistryAndTheEmbeddedBrokerDatabaseAndSeata() {
        Embedded embedded = new Embedded();
        Infrastructure infra = RegistryOverride.around(embedded, "nacos://127.0.0.1:28848");

        assertThat(infra.registryAddress()).isEqualTo("nacos://127.0.0.1:28848");
        assertThat(infra.namesrvAddress()).isEqualTo("127.0.0.1:19876");
        assertThat(infra.seataAddress()).isEqualTo("127.0.0.1:8091");
        assertThatThrownBy(infra::zookeeperConnectString).isInstanceOf(IllegalStateException.class);
        infra.close();
        assertThat(embedded.closed).as("the embedded servers stop with the suite").isTrue();
    }

    @Test
    void withoutAnOverrideTheEmbeddedServersAreUsedAsTheyAre() {
        Embedded embedded = new Embedded();
        assertThat(RegistryOverride.around(embedded, null)).isSameAs(embedded);
    }

    @Test
    void theBannerAndLogLinesNeverShowTheRegistryPassword() {
        assertThat(RegistryOverride.printable("nacos://h:8848?username=nacos&password=s3cret&namespace=prod"))
                .isEqualTo("nacos://h:8848?username=nacos&password=***&namespace=prod");
        assertThat(new RegistryOverride(new Embedded(), "nacos://h:8848?password=s3cret").toString()).doesNotContain("s3cret");
    }

    private static final class Embedded implements Infrastructure {
        boolean closed;

        @Override
        public String registryAddress() {
            return "zookeeper://127.0.0.1:12181";
        }

        @Override
        public String namesrvAddress() {
            return "127.0.0.1:19876";
        }

        @Override
        public String seataAddress() {
            return "127.0.0.1:8091";
        }

        @Override
        public DatabaseServer database() {
            return null;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
