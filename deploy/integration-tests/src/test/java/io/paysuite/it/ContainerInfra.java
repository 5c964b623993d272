package io.paysuite.it;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.paysuite.deploy.infra.ExternalDatabases;
import io.paysuite.deploy.infra.ExternalInfra;
import io.paysuite.deploy.launcher.InfraEnvironment;
import io.paysuite.deploy.launcher.ServiceId;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The integration tests' servers in containers ({@code -Ptestcontainers}, {@code paysuite.it.infra=testcontainers}):
 * two MySQL 8 servers (trade and pay each sharded over both, as in production), a RocketMQ name server and broker,
 * and Nacos as the registry and config center. The suite then starts against them through the launcher's external
 * mode, exactly as against production's servers. Without a Docker engine it refuses to start and says why: the
 * profile fails rather than pretend it ran.
 *
 * <p>The broker and Nacos get fixed host ports (free ones, chosen here) mapped to the same ports inside: RocketMQ's
 * clients connect to the address the broker registers, and Nacos' gRPC port is its HTTP port + 1000, so neither
 * works behind Docker's random port mapping.
 */
final class ContainerInfra {

    static final String SELECTOR = "paysuite.it.infra";
    private static final DockerImageName MYSQL = DockerImageName.parse("mysql:8.0.40");
    private static final DockerImageName ROCKETMQ = DockerImageName.parse("apache/rocketmq:5.3.3");
    private static final DockerImageName NACOS = DockerImageName.parse("nacos/nacos-server:v2.4.3");
    private static final String PASSWORD = "paysuite";

    private final List<GenericContainer<?>> containers = new ArrayList<>();

    private ContainerInfra() {
    }

    /** The container servers when {@code paysuite.it.infra=testcontainers}; empty for the embedded default. */
    static Optional<ExternalInfra> fromProperty() {
        if (!"testcontainers".equals(System.getProperty(SELECTOR, ""))) {
            return Optional.empty();
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("-Ptestcontainers: no Docker engine answers (DOCKER_HOST, /var/run/docker.sock"
                    + " or a Testcontainers configuration), so the integration tests cannot run against MySQL 8, RocketMQ"
                    + " and Nacos containers. Run them without the profile (embedded servers) or where Docker runs.");
        }
        ContainerInfra infra = new ContainerInfra();
        Runtime.getRuntime().addShutdownHook(new Thread(infra::stop, "testcontainers-stop"));
        ExternalInfra servers = infra.start();
        System.out.println("integration tests against containers: " + describe(servers));
        return Optional.of(servers);
    }

    private ExternalInfra start() {
        MySQLContainer<?> a = mysql();
        MySQLContainer<?> b = mysql();
        int brokerPort = freePort(-2);
        int nacosPort = freePort(1000);
        Network network = Network.newNetwork();
        GenericContainer<?> namesrv = new GenericContainer<>(ROCKETMQ).withCommand("sh", "mqnamesrv")
                .withNetwork(network).withNetworkAliases("namesrv").withExposedPorts(9876)
                .withEnv("JAVA_OPT_EXT", "-Xms256m -Xmx256m")
                .waitingFor(Wait.forLogMessage(".*The Name Server boot success.*", 1));
        namesrv.start();
        containers.add(namesrv);
        String host = DockerClientFactory.instance().dockerHostIpAddress();
        // the broker finds the name server on the containers' network and registers the host's address for our clients
        GenericContainer<?> broker = fixed(new GenericContainer<>(ROCKETMQ).withNetwork(network)
                .withEnv("JAVA_OPT_EXT", "-Xms512m -Xmx512m")
                .withCommand("sh", "-c", "printf 'brokerClusterName=PaysuiteCluster\\nbrokerName=broker-a\\nbrokerId=0\\n"
                        + "listenPort=" + brokerPort + "\\nbrokerIP1=" + host + "\\nautoCreateTopicEnable=true\\n"
                        + "autoCreateSubscriptionGroup=true\\ntimerWheelEnable=true\\ntimerFlushIntervalMs=10000\\ntransactionTimeOut=3000\\n"
                        + "transactionCheckInterval=1000\\ntransactionOpBatchInterval=200\\n' > /tmp/broker.conf"
                        + " && exec sh mqbroker -n namesrv:9876 -c /tmp/broker.conf")
                .waitingFor(Wait.forLogMessage(".*boot success.*", 1)), Map.of(brokerPort, brokerPort));
        broker.start();
        containers.add(broker);
        GenericContainer<?> nacos = fixed(new GenericContainer<>(NACOS).withEnv("MODE", "standalone")
                .withEnv("NACOS_AUTH_ENABLE", "false")
                .waitingFor(Wait.forHttp("/nacos/v1/console/health/readiness").forPort(8848)
                        .withStartupTimeout(Duration.ofMinutes(3))),
                Map.of(nacosPort, 8848, nacosPort + 1000, 9848));
        nacos.start();
        containers.add(nacos);

        Map<String, String> urls = new LinkedHashMap<>();
        for (ServiceId id : ServiceId.values()) {
            for (String database : id.databases()) {
                // the second of each sharded pair, and every other service's second half, on the other server
                boolean onB = database.endsWith("_1") || id == ServiceId.CHANNEL_GATEWAY || id == ServiceId.CASHIER_SERVICE;
                MySQLContainer<?> server = onB ? b : a;
                urls.put(database, "jdbc:mysql://" + server.getHost() + ":" + server.getMappedPort(MySQLContainer.MYSQL_PORT)
                        + "/" + database + "?useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=utf8&serverTimezone=UTC");
            }
        }
        return new ExternalInfra("nacos://" + host + ":" + nacosPort, host + ":" + namesrv.getMappedPort(9876), "",
                new ExternalDatabases(urls, "root", PASSWORD));
    }

    @SuppressWarnings("resource") // stopped in stop()
    private MySQLContainer<?> mysql() {
        MySQLContainer<?> container = new MySQLContainer<>(MYSQL).withUsername("root").withPassword(PASSWORD)
                .withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci", "--max-connections=500");
        container.start();
        containers.add(container);
        return container;
    }

    /** Host port → the same or another container port, bound as given (see the class comment for why). */
    private static <T extends GenericContainer<?>> T fixed(T container, Map<Integer, Integer> hostToContainer) {
        container.withExposedPorts(hostToContainer.values().toArray(Integer[]::new));
        container.withCreateContainerCmdModifier(cmd -> {
            List<PortBinding> bindings = new ArrayList<>();
            hostToContainer.forEach((hostPort, containerPort) ->
                    bindings.add(new PortBinding(Ports.Binding.bindPort(hostPort), new ExposedPort(containerPort))));
            cmd.getHostConfig().withPortBindings(bindings);
        });
        return container;
    }

    /** A free port p whose neighbour p + offset is free too (the broker's fast channel, Nacos' gRPC port). */
    private static int freePort(int offset) {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (offset == 0 || free(port + offset)) {
                    return port;
                }
            } catch (IOException e) {
                // try another
            }
        }
        throw new IllegalStateException("no free port pair found");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void stop() {
        for (int i = containers.size() - 1; i >= 0; i--) {
            try {
                containers.get(i).stop();
            } catch (RuntimeException e) {
                // Testcontainers' reaper removes what is left when the JVM ends
            }
        }
    }

    /** The variable names match the launcher's, so a failure message can name them. */
    static String describe(ExternalInfra infra) {
        return InfraEnvironment.REGISTRY + "=" + infra.registryAddress() + ", " + InfraEnvironment.NAMESRV + "="
                + infra.namesrvAddress() + ", databases " + infra.database().urls().keySet();
    }
}
