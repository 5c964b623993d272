package io.paysuite.deploy.launcher;

import io.paysuite.deploy.infra.DatabaseServer;
import io.paysuite.deploy.infra.EmbeddedInfra;
import io.paysuite.deploy.infra.Infrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole suite on one machine: embedded infrastructure, the channel sandbox and the six
 * services, each service in its own JVM. The local run ({@link PaysuiteLocal}) and the
 * integration tests start it the same way, so the tests exercise exactly what a developer runs.
 */
public final class Suite implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Suite.class);

    private final SuiteConfig config;
    private final Infrastructure infra;
    private final Map<ServiceId, ServiceProcess> services = new EnumMap<>(ServiceId.class);
    private final Map<String, ServiceProcess> extras = new LinkedHashMap<>();
    private final AtomicInteger nextNode = new AtomicInteger(1);
    private ServiceProcess sandbox;
    private ChannelKeys channelKeys;

    private Suite(SuiteConfig config, Infrastructure infra) {
        this.config = config;
        this.infra = infra;
    }

    /** Starts everything and returns when every service reports healthy. */
    public static Suite start(SuiteConfig config) {
        return start(config, null);
    }

    /**
     * As {@link #start(SuiteConfig)}, the embedded servers (unless the config names external ones) but with
     * {@code registry} as the registry and config center ({@link RegistryOverride}); {@code null}: the embedded ZooKeeper.
     */
    public static Suite start(SuiteConfig config, String registry) {
        long t0 = System.nanoTime();
        // only the servers this run uses: no embedded ZooKeeper under someone else's registry (InfraPlan)
        Infrastructure infra = config.external() != null ? config.external()
                : RegistryOverride.around(EmbeddedInfra.start(config.infra(), InfraPlan.embedded(config, registry)), registry);
        if (config.external() != null) {
            log.info("external infrastructure: registry {}, name server {}, databases {}", infra.registryAddress(),
                    infra.namesrvAddress(), config.external().database().urls().keySet());
        }
        Suite suite = new Suite(config, infra);
        try {
            OpsToken.ensure(config.workDir());
            OpsToken.ensureAdminPassword(config.workDir());
            suite.createDatabases();
            suite.startAll();
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        log.info("suite healthy in {} s", (System.nanoTime() - t0) / 1_000_000_000.0);
        return suite;
    }

    /**
     * Every service's databases and their shadows ({@code <db>_shadow}, where load traffic goes: the kit's
     * {@code io.paysuite.kit.shadow}); each service migrates both sides itself at start.
     */
    private void createDatabases() {
        DatabaseServer db = infra.database();
        for (ServiceId id : ServiceId.values()) {
            id.databases().forEach(db::createDatabase);
            id.databases().forEach(name -> db.createDatabase(shadowOf(name)));
        }
    }

    /** The shadow of a service database: where the kit's shadow side puts load traffic. */
    public static String shadowOf(String database) {
        return database + "_shadow";
    }

    private void startAll() {
        channelKeys = ChannelKeys.ensure(config.workDir());
        sandbox = new ServiceProcess("channel-sandbox", jar("deploy/channel-sandbox", "channel-sandbox"),
                new ServicePorts(config.sandboxPort(), 0), config.serviceJvmArgs(),
                List.of("--server.port=" + config.sandboxPort(),
                        "--paysuite.sandbox.alipay.app-public-key=" + channelKeys.publicKey("alipay-app"),
                        "--paysuite.sandbox.alipay.platform-private-key=" + channelKeys.privateKey("alipay-platform"),
                        "--paysuite.sandbox.wechat.merchant-public-key=" + channelKeys.publicKey("wechat-merchant"),
                        "--paysuite.sandbox.wechat.platform-private-key=" + channelKeys.privateKey("wechat-platform"),
                        "--paysuite.sandbox.wechat.api-v3-key-file=" + channelKeys.secretFile("wechat-apiv3.key"),
                        "--paysuite.sandbox.wechat.v2-key-file=" + channelKeys.secretFile("wechat-v2.key"),
                        "--paysuite.sandbox.unionpay.merchant-public-key=" + channelKeys.publicKey("unionpay-merchant"),
                        "--paysuite.sandbox.unionpay.platform-private-key=" + channelKeys.privateKey("unionpay-platform"),
                        "--paysuite.sandbox.unionpay-b.merchant-public-key=" + channelKeys.publicKey("unionpay-b-merchant"),
                        "--paysuite.sandbox.unionpay-b.platform-private-key=" + channelKeys.privateKey("unionpay-platform")),
                config.workDir()).start();
        for (ServiceId id : ServiceId.values()) {
            services.put(id, newProcess(id, id.module(), config.ports(id), Map.of()).start());
        }
        List<ServiceProcess> all = new ArrayList<>(services.values());
        all.add(sandbox);
        awaitHealthy(all);
    }

    private void awaitHealthy(Collection<ServiceProcess> processes) {
        CompletableFuture<?>[] waits = processes.stream()
                .map(p -> CompletableFuture.runAsync(() -> p.awaitHealthy(config.startTimeout())))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(waits).join();
    }

    private ServiceProcess newProcess(ServiceId id, String instanceName, ServicePorts ports, Map<String, String> extraProps) {
        Map<String, String> props = new ServiceArguments(config, infra, channelKeys)
                .of(id, ports, nextNode.getAndIncrement(), extraProps);
        // passwords (database, a Nacos registry's) go through the child's environment: ps shows every command line
        return new ServiceProcess(instanceName, jar(id.module(), id.module()), ports, config.serviceJvmArgs(),
                ProcessProperties.split(props), config.workDir());
    }

    private Path jar(String moduleDir, String artifact) {
        Path jar = config.home().resolve(moduleDir).resolve("target").resolve(artifact + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build first (mvn -q install -DskipTests)");
        }
        return jar;
    }

    /**
     * Starts a second instance of a service on free ports, sharing the infrastructure and the
     * databases, with extra properties (tests use it for fault hooks). Returns once it is healthy.
     */
    public synchronized ServiceProcess startExtraInstance(ServiceId id, String instanceName, Map<String, String> extraProps) {
        ServiceProcess process = newProcess(id, instanceName, new ServicePorts(FreePorts.next(), FreePorts.next(),
                id == ServiceId.CASHIER_SERVICE ? FreePorts.next() : 0), extraProps);
        extras.put(instanceName, process);
        process.start().awaitHealthy(config.startTimeout());
        return process;
    }

    public ServiceProcess service(ServiceId id) {
        return services.get(id);
    }

    public ServiceProcess sandbox() {
        return sandbox;
    }

    /** {@code kill -9}: the service gets no chance to deregister or finish anything. */
    public void kill(ServiceId id) {
        services.get(id).kill();
    }

    /** Starts a killed or stopped service again on the same ports and waits for it to be healthy. */
    public void restart(ServiceId id) {
        ServiceProcess process = services.get(id);
        if (process.isAlive()) {
            process.stop(Duration.ofSeconds(20));
        }
        process.start().awaitHealthy(config.startTimeout());
    }

    /** The servers the suite runs against: embedded, or external ({@link SuiteConfig#external()}). */
    public Infrastructure infra() {
        return infra;
    }

    public SuiteConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        List<ServiceProcess> all = new ArrayList<>(extras.values());
        all.addAll(services.values());
        if (sandbox != null) {
            all.add(sandbox);
        }
        CompletableFuture.allOf(all.stream()
                .map(p -> CompletableFuture.runAsync(p::close))
                .toArray(CompletableFuture[]::new)).join();
        infra.close();
    }
}
