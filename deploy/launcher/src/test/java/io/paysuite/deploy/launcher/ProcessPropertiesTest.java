package io.paysuite.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.deploy.infra.ExternalInfra;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessPropertiesTest {

    @TempDir
    static Path work;

    private static final String NACOS = "nacos://nacos:8848?username=nacos&password=n4cos-s3cret";

    private static Map<String, String> production(ServiceId id, ExternalInfra servers, SuiteConfig config) {
        return new ServiceArguments(config, servers, ChannelKeys.ensure(work)).of(id, config.ports(id), 1, Map.of());
    }

    @Test
    void theCommandLineOfAServiceCarriesNoPasswordAndItsEnvironmentCarriesThem() throws Exception {
        Map<String, String> env = InfraEnvironmentTest.production();
        env.put("PAYSUITE_REGISTRY", NACOS);
        ExternalInfra servers = InfraEnvironment.read(env).orElseThrow();
        SuiteConfig config = SuiteConfig.local(Path.of("/repo"), work).withExternal(servers);

        for (ServiceId id : ServiceId.values()) {
            ProcessProperties split = ProcessProperties.split(production(id, servers, config));
            ServiceProcess process = new ServiceProcess(id.module(), Path.of("/repo/x.jar"), config.ports(id), config.serviceJvmArgs(),
                    split, work);

            String commandLine = String.join(" ", process.command());
            assertThat(commandLine).as(id + " command line").doesNotContain("s3cret").doesNotContain("n4cos-s3cret")
                    .contains("--server.port=").contains("--paysuite.events.namesrv=namesrv:9876");
            JsonNode secrets = new ObjectMapper().readTree(split.environment().get("SPRING_APPLICATION_JSON"));
            assertThat(secrets.path("dubbo.registry.address").asText()).as(id + " registry").isEqualTo(NACOS);
            assertThat(secrets.path(id.sharded() ? "paysuite.sharding.password" : "spring.datasource.password").asText())
                    .as(id + " database password").isEqualTo("s3cret");
        }
    }

    @Test
    void aRegistryWithoutCredentialsAndTheKeyFilesStayOnTheCommandLine() {
        ProcessProperties split = ProcessProperties.split(Map.of("dubbo.registry.address", "zookeeper://127.0.0.1:12181",
                "paysuite.internal-calls.secret-file", "/keys/internal-call.key"));

        assertThat(split.arguments()).containsExactlyInAnyOrder("--dubbo.registry.address=zookeeper://127.0.0.1:12181",
                "--paysuite.internal-calls.secret-file=/keys/internal-call.key");
        assertThat(split.environment()).isEmpty();
    }

    @Test
    void passwordsSecretsPeppersAndCredentialsInAnAddressAreSecrets() {
        assertThat(ProcessProperties.isSecret("spring.datasource.password", "x")).isTrue();
        assertThat(ProcessProperties.isSecret("paysuite.member.pay-password.pepper", "x")).isTrue();
        assertThat(ProcessProperties.isSecret("x.url", "jdbc:mysql://h/db?user=u&password=p")).isTrue();
        assertThat(ProcessProperties.isSecret("x.url", "redis://user:pw@h:6379")).isTrue();
        assertThat(ProcessProperties.isSecret("paysuite.cashier.ops.token-file", "/k/ops-token")).isFalse();
        assertThat(ProcessProperties.isSecret("paysuite.sharding.urls[0]", "jdbc:mariadb://127.0.0.1:13306/paysuite_trade_0")).isFalse();
    }
}
