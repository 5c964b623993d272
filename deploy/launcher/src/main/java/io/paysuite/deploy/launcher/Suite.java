package io.paysuite.deploy.launcher;

import io.paysuite.deploy.infra.DatabaseServer;
import io.paysuite.deploy.infra.EmbeddedInfra;
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
    private final EmbeddedInfra infra;
    private final Map<ServiceId, ServiceProcess> services = new EnumMap<>(ServiceId.class);
    private final Map<String, ServiceProcess> extras = new LinkedHashMap<>();
    private final AtomicInteger nextNode = new AtomicInteger(1);
    private ServiceProcess sandbox;
    private ChannelKeys channelKeys;

    private Suite(SuiteConfig config, EmbeddedInfra infra) {
        this.config = config;
        this.infra = infra;
    }

    /** Starts everything and returns when every service reports healthy. */
    public static Suite start(SuiteConfig config) {
        long t0 = System.nanoTime();
        EmbeddedInfra infra = EmbeddedInfra.start(config.infra());
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

    private void createDatabases() {
        DatabaseServer db = infra.database();
        for (ServiceId id : ServiceId.values()) {
            id.databases().forEach(db::createDatabase);
        }
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
        Map<String, String> props = new LinkedHashMap<>();
        props.put("server.port", String.valueOf(ports.http()));
        props.put("dubbo.protocol.port", String.valueOf(ports.dubbo()));
        if (ports.dubbo() != id.localDubboPort()) {
            // application.yml's QoS port belongs to the local run's instance; a second instance or a test run takes a free one
            props.put("dubbo.application.qos-port", String.valueOf(FreePorts.next()));
        }
        props.put("dubbo.registry.address", infra.registryAddress());
        props.put("paysuite.node", String.valueOf(nextNode.getAndIncrement()));
        props.put("paysuite.events.namesrv", infra.namesrvAddress());
        props.put("paysuite.sandbox.url", "http://127.0.0.1:" + config.sandboxPort());
        props.put("paysuite.internal-calls.secret-file", RunKeys.internalCall(config.workDir()).toString());
        DatabaseServer db = infra.database();
        if (id.sharded()) {
            for (int i = 0; i < id.databases().size(); i++) {
                props.put("paysuite.sharding.urls[" + i + "]", db.jdbcUrl(id.databases().get(i)));
            }
            props.put("paysuite.sharding.username", db.username());
            props.put("paysuite.sharding.password", db.password());
        } else {
            props.put("spring.datasource.url", db.jdbcUrl(id.databases().get(0)));
            props.put("spring.datasource.username", db.username());
            props.put("spring.datasource.password", db.password());
        }
        if (id == ServiceId.CASHIER_SERVICE) {
            cashierProps(ports, props);
        }
        if (id == ServiceId.MEMBER_SERVICE) {
            props.put("paysuite.member.card-token-key-file", RunKeys.cardToken(config.workDir()).toString());
        }
        if (id == ServiceId.CHANNEL_GATEWAY) {
            channelProps(ports, props);
        }
        if (id == ServiceId.PAY_CORE) {
            // the combination payments' Saga engine registers its runs with the suite's Seata coordinator
            props.put("seata.service.grouplist.default", infra.seataAddress());
        }
        props.putAll(config.propertiesOf(id));
        props.putAll(extraProps);
        List<String> args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
        return new ServiceProcess(instanceName, jar(id.module(), id.module()), ports, config.serviceJvmArgs(), args, config.workDir());
    }

    /**
     * The merchant edge: HTTPS on the API port, the actuator on the plain loopback port the
     * supervisor polls, keys (platform key, TLS, cashier token secret) shared by every instance
     * of this run, and the ops token the launcher wrote.
     */
    private void cashierProps(ServicePorts ports, Map<String, String> props) {
        props.put("server.port", String.valueOf(ports.api()));
        props.put("management.server.port", String.valueOf(ports.http()));
        props.put("paysuite.cashier.public-url", "https://127.0.0.1:" + ports.api());
        props.put("paysuite.cashier.keys.dir", config.workDir().resolve("keys").toString());
        props.put("paysuite.cashier.ops.token-file", OpsToken.file(config.workDir()).toString());
        props.put("paysuite.cashier.ops.console.bootstrap-admin.password-file", OpsToken.adminPasswordFile(config.workDir()).toString());
        props.put("paysuite.cashier.limits.zookeeper", infra.registryAddress().replace("zookeeper://", ""));
    }

    /** The channels as the sandbox plays them: its gateway URLs, the generated keys, our callback URLs. */
    private void channelProps(ServicePorts ports, Map<String, String> props) {
        String sandboxUrl = "http://127.0.0.1:" + config.sandboxPort();
        props.put("paysuite.channels.alipay.server-url", sandboxUrl + "/gateway.do");
        props.put("paysuite.channels.alipay.app-private-key", channelKeys.privateKey("alipay-app").toString());
        props.put("paysuite.channels.alipay.platform-public-key", channelKeys.publicKey("alipay-platform").toString());
        props.put("paysuite.channels.alipay.notify-url", "http://127.0.0.1:" + ports.http() + "/channels/alipay/notify");
        props.put("paysuite.channel.isolation.zookeeper", infra.registryAddress().replace("zookeeper://", ""));
        props.put("paysuite.channels.wechat.base-url", sandboxUrl);
        props.put("paysuite.channels.wechat.merchant-private-key", channelKeys.privateKey("wechat-merchant").toString());
        props.put("paysuite.channels.wechat.platform-public-key", channelKeys.publicKey("wechat-platform").toString());
        props.put("paysuite.channels.wechat.api-v3-key-file", channelKeys.secretFile("wechat-apiv3.key").toString());
        props.put("paysuite.channels.wechat.v2-key-file", channelKeys.secretFile("wechat-v2.key").toString());
        props.put("paysuite.channels.wechat.notify-url", "http://127.0.0.1:" + ports.http() + "/channels/wechat/notify");
        props.put("paysuite.channels.unionpay.gateway-url", sandboxUrl);
        props.put("paysuite.channels.unionpay.merchant-private-key", channelKeys.privateKey("unionpay-merchant").toString());
        props.put("paysuite.channels.unionpay.platform-public-key", channelKeys.publicKey("unionpay-platform").toString());
        // no bill.url-template: the daily files come through ACP fileTransReq.do, as from UnionPay
        props.put("paysuite.channels.unionpay.back-url", "http://127.0.0.1:" + ports.http() + "/channels/unionpay/notify");
        // the second acquirer: the sandbox's other ACP front, our other merchant number (the sandbox's defaults on both sides)
        props.put("paysuite.channels.unionpay-b.gateway-url", sandboxUrl + "/acquirer-b");
        props.put("paysuite.channels.unionpay-b.mer-id", "777290058110049");
        props.put("paysuite.channels.unionpay-b.merchant-cert-id", "68759529226");
        props.put("paysuite.channels.unionpay-b.merchant-private-key", channelKeys.privateKey("unionpay-b-merchant").toString());
        props.put("paysuite.channels.unionpay-b.platform-public-key", channelKeys.publicKey("unionpay-platform").toString());
        props.put("paysuite.channels.unionpay-b.back-url", "http://127.0.0.1:" + ports.http() + "/channels/unionpay/notify");
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

    public EmbeddedInfra infra() {
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
