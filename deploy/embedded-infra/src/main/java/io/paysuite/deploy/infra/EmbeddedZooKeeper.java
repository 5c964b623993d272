package io.paysuite.deploy.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;

/**
 * A standalone ZooKeeper inside this JVM (the Dubbo registry), through ZooKeeper's own embedded API.
 * Data under {@code workDir/zookeeper}; the AdminServer (Jetty on 8080) is disabled.
 */
final class EmbeddedZooKeeper implements AutoCloseable {

    static final String NAME = "zookeeper";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final ZooKeeperServerEmbedded server;

    private EmbeddedZooKeeper(int port, ZooKeeperServerEmbedded server) {
        this.port = port;
        this.server = server;
    }

    static EmbeddedZooKeeper start(InfraConfig config) {
        InfraConfig.requireFree(NAME, config.zookeeperPort());
        Path baseDir = config.workDir().resolve("zookeeper");
        Properties zooCfg = new Properties();
        zooCfg.setProperty("clientPort", Integer.toString(config.zookeeperPort()));
        zooCfg.setProperty("clientPortAddress", "127.0.0.1");
        zooCfg.setProperty("dataDir", baseDir.resolve("data").toString());
        zooCfg.setProperty("tickTime", "2000");
        zooCfg.setProperty("initLimit", "10");
        zooCfg.setProperty("syncLimit", "5");
        // Unknown zoo.cfg keys become "zookeeper."-prefixed system properties: this one switches off Jetty.
        zooCfg.setProperty("admin.enableServer", "false");
        zooCfg.setProperty("maxClientCnxns", "0");
        ZooKeeperServerEmbedded server = null;
        try {
            Files.createDirectories(baseDir); // the builder writes its zoo.cfg there before anything else
            server = ZooKeeperServerEmbedded.builder()
                    .baseDir(baseDir)
                    .configuration(zooCfg)
                    .exitHandler(ExitHandler.LOG_ONLY) // never System.exit() the JVM that embeds us
                    .build();
            ZooKeeperServerEmbedded starting = server;
            // start(timeout) does not return when the server thread dies early (seen with a missing class),
            // so the deadline is enforced here as well.
            CompletableFuture.runAsync(() -> {
                try {
                    starting.start(START_TIMEOUT.toMillis());
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }).get(START_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            if (!JavaProcess.isListening(config.zookeeperPort())) {
                throw new IllegalStateException("not listening after start");
            }
            return new EmbeddedZooKeeper(config.zookeeperPort(), server);
        } catch (Exception e) {
            if (server != null) {
                ZooKeeperServerEmbedded failed = server;
                // close() blocks on a server thread that died half-way: never let it hold up the caller
                Thread closer = new Thread(failed::close, "zookeeper-close");
                closer.setDaemon(true);
                closer.start();
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw InfraStartException.of(NAME, "did not start on port " + config.zookeeperPort()
                    + " within " + START_TIMEOUT.toSeconds() + " s (it runs inside this JVM and logs to its log)",
                    null, cause);
        }
    }

    String connectString() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.close();
    }
}
