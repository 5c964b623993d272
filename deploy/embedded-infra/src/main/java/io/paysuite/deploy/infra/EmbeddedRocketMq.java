package io.paysuite.deploy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * RocketMQ 5.3.3: a name server and one broker, each in its own JVM on the {@code runtime-rocketmq} classpath.
 *
 * <p>Everything lives under {@code workDir/rocketmq}: the config files, the store, and — through
 * {@code user.home} — RocketMQ's own logs ({@code home/logs/rocketmqlogs}) and the name server's kv store.
 * Console output goes to {@code workDir/logs/rocketmq-namesrv.log} and {@code rocketmq-broker.log}.
 *
 * <p>Readiness is what a producer needs: the broker's address in the name server's cluster table, asked
 * with RocketMQ's own admin tool ({@code mqadmin clusterList}) once the broker's port is open. The tool is
 * the protocol's authors' client, so it keeps working across versions, unlike log lines or a hand-written
 * request; waiting for the port first keeps the number of tool JVMs (about 2 s each) to one or two.
 */
final class EmbeddedRocketMq implements AutoCloseable {

    static final String NAMESRV = "rocketmq-namesrv";
    static final String BROKER = "rocketmq-broker";
    static final String CLUSTER = "PaysuiteCluster";
    static final String BROKER_NAME = "paysuite-broker-a";
    private static final Duration NAMESRV_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> JDK17_OPENS = List.of(
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED");

    private final InfraConfig config;
    private final JavaProcess namesrv;
    /** Replaced by {@link #restartBroker()}; the name server stays. */
    private volatile JavaProcess broker;

    private EmbeddedRocketMq(InfraConfig config, JavaProcess namesrv, JavaProcess broker) {
        this.config = config;
        this.namesrv = namesrv;
        this.broker = broker;
    }

    static EmbeddedRocketMq start(InfraConfig config) {
        for (int port : new int[] {config.brokerPort() - 2, config.brokerPort(), config.brokerPort() + 1}) {
            InfraConfig.requireFree(BROKER, port);
        }
        InfraConfig.requireFree(NAMESRV, config.namesrvPort());
        String classpath = RuntimeClasspath.of("rocketmq");
        Path home = config.workDir().resolve("rocketmq");
        JavaProcess namesrv = null;
        JavaProcess broker = null;
        try {
            Path nsConf = write(home.resolve("ns.conf"), namesrvProperties(config, home));
            Path brokerConf = write(home.resolve("broker.conf"), brokerProperties(config, home));
            // The name server first: a broker that misses its first registration waits a full period.
            namesrv = server(NAMESRV, "org.apache.rocketmq.namesrv.NamesrvStartup", config, classpath, home,
                    "-Xms128m", "-Xmx256m").args("-c", nsConf.toString()).start();
            namesrv.waitForPort(config.namesrvPort(), NAMESRV_TIMEOUT);
            broker = startBroker(config, classpath, home, brokerConf);
            EmbeddedRocketMq rocketMq = new EmbeddedRocketMq(config, namesrv, broker);
            rocketMq.awaitBrokerRegistered(classpath, home, BROKER_TIMEOUT);
            return rocketMq;
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.kill();
            }
            if (namesrv != null) {
                namesrv.kill();
            }
            throw e;
        }
    }

    String namesrvAddress() {
        return "127.0.0.1:" + config.namesrvPort();
    }

    boolean brokerRegistered() {
        return clusterListShows("127.0.0.1:" + config.brokerPort(), RuntimeClasspath.of("rocketmq"),
                config.workDir().resolve("rocketmq"), config.logDir().resolve("rocketmq-admin.log"));
    }

    /**
     * Stops the broker gracefully (SIGTERM: it flushes commit log, consume queues and timer wheel, and unregisters
     * from the name server) and starts it again with the same config and store, returning once the name server
     * lists it again, as at start. The name server stays up, so clients find the broker again by themselves.
     */
    synchronized void restartBroker() {
        String classpath = RuntimeClasspath.of("rocketmq");
        Path home = config.workDir().resolve("rocketmq");
        broker.stop();
        // a broker that could not unregister stays listed until the name server drops it (120 s without a
        // heartbeat); waiting for that keeps "listed again" below from being the old registration
        awaitBrokerUnregistered(classpath, home, BROKER_TIMEOUT);
        broker = startBroker(config, classpath, home, home.resolve("broker.conf"));
        awaitBrokerRegistered(classpath, home, BROKER_TIMEOUT);
    }

    @Override
    public synchronized void close() {
        // broker first: it unregisters from the name server and flushes its store on SIGTERM
        broker.stop();
        namesrv.stop();
    }

    private static JavaProcess startBroker(InfraConfig config, String classpath, Path home, Path brokerConf) {
        JavaProcess broker = server(BROKER, "org.apache.rocketmq.broker.BrokerStartup", config, classpath, home,
                "-Xms256m", "-Xmx512m").args("-c", brokerConf.toString())
                .stopGrace(Duration.ofSeconds(30)) // flushes commit log, consume queues and timer wheel
                .start();
        try {
            broker.waitForPort(config.brokerPort(), BROKER_TIMEOUT);
        } catch (RuntimeException e) {
            broker.kill();
            throw e;
        }
        return broker;
    }

    private void awaitBrokerRegistered(String classpath, Path home, Duration timeout) {
        String brokerAddress = "127.0.0.1:" + config.brokerPort();
        Path adminLog = config.logDir().resolve("rocketmq-admin.log");
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (clusterListShows(brokerAddress, classpath, home, adminLog)) {
                return;
            }
            JavaProcess broker = this.broker;
            if (!broker.isAlive()) {
                throw InfraStartException.of(BROKER, "exited before registering with the name server",
                        broker.logFile(), null);
            }
            if (Instant.now().isAfter(deadline)) {
                throw InfraStartException.of(BROKER, brokerAddress + " not in the name server's cluster list within "
                        + timeout.toSeconds() + " s (admin tool output in " + adminLog + ")", broker.logFile(), null);
            }
            JavaProcess.sleep(1000);
        }
    }

    private void awaitBrokerUnregistered(String classpath, Path home, Duration timeout) {
        String brokerAddress = "127.0.0.1:" + config.brokerPort();
        Path adminLog = config.logDir().resolve("rocketmq-admin.log");
        Instant deadline = Instant.now().plus(timeout);
        while (clusterListShows(brokerAddress, classpath, home, adminLog)) {
            if (Instant.now().isAfter(deadline)) {
                throw InfraStartException.of(BROKER, brokerAddress + " still in the name server's cluster list "
                        + timeout.toSeconds() + " s after it stopped (admin tool output in " + adminLog + ")",
                        broker.logFile(), null);
            }
            JavaProcess.sleep(1000);
        }
    }

    private boolean clusterListShows(String brokerAddress, String classpath, Path home, Path adminLog) {
        long before = size(adminLog);
        JavaProcess admin = JavaProcess.builder("rocketmq-admin")
                .classpath(classpath)
                .mainClass("org.apache.rocketmq.tools.command.MQAdminStartup")
                .jvmArgs("-Xms64m", "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Duser.home=" + home.resolve("home"))
                .jvmArgs(JDK17_OPENS)
                .environment("ROCKETMQ_HOME", home.resolve("home").toString())
                .args("clusterList", "-n", namesrvAddress())
                .workingDir(home)
                .logDir(config.logDir())
                .start();
        int exit = admin.waitForExit(ADMIN_TIMEOUT);
        return exit == 0 && tail(adminLog, before).contains(brokerAddress);
    }

    private static JavaProcess.Builder server(String name, String mainClass, InfraConfig config, String classpath,
                                              Path home, String xms, String xmx) {
        Path rocketmqHome = home.resolve("home");
        return JavaProcess.builder(name)
                .classpath(classpath)
                .mainClass(mainClass)
                // the statistics sampler every second instead of every 50 ms (idle wake-ups; jstat still works)
                .jvmArgs(xms, xmx, "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-XX:PerfDataSamplingInterval=1000")
                .jvmArgs(JDK17_OPENS)
                // RocketMQ writes its logs and the name server its kv config under user.home
                .systemProperty("user.home", rocketmqHome)
                .systemProperty("rocketmq.home.dir", rocketmqHome)
                .environment("ROCKETMQ_HOME", rocketmqHome.toString())
                .workingDir(home)
                .logDir(config.logDir());
    }

    private static Map<String, Object> namesrvProperties(InfraConfig config, Path home) {
        Map<String, Object> ns = new LinkedHashMap<>();
        ns.put("listenPort", config.namesrvPort());
        ns.put("rocketmqHome", home.resolve("home"));
        ns.put("kvConfigPath", home.resolve("namesrv/kvConfig.json"));
        ns.put("configStorePath", home.resolve("namesrv/namesrv.properties"));
        return ns;
    }

    /** Property names are BrokerConfig / NettyServerConfig / MessageStoreConfig setters (5.3.3). */
    private static Map<String, Object> brokerProperties(InfraConfig config, Path home) {
        Path store = home.resolve("store");
        Map<String, Object> broker = new LinkedHashMap<>();
        broker.put("brokerClusterName", CLUSTER);
        broker.put("brokerName", BROKER_NAME);
        broker.put("brokerId", 0);
        broker.put("namesrvAddr", "127.0.0.1:" + config.namesrvPort());
        broker.put("listenPort", config.brokerPort()); // the broker also binds -2 (fast channel) and +1 (HA)
        broker.put("brokerIP1", "127.0.0.1");
        broker.put("rocketmqHome", home.resolve("home"));
        broker.put("storePathRootDir", store);
        broker.put("storePathCommitLog", store.resolve("commitlog"));
        broker.put("autoCreateTopicEnable", true);
        broker.put("autoCreateSubscriptionGroup", true);
        broker.put("timerWheelEnable", true); // arbitrary-delay (timer) messages
        // The timer wheel's dequeue threads poll their hand-over queues every 10 ms (put) and 100 ms (get), three
        // of each by default: about 330 wake-ups a second on an idle broker. One of each moves thousands of timers
        // a second, far above the suite's few per payment; the wheel's precision (1 s) and so every timer's
        // firing time are unchanged.
        broker.put("timerGetMessageThreadNum", 1);
        broker.put("timerPutMessageThreadNum", 1);
        // The wheel has a slot for every second of seven days (19 MB, mapped), and each flush compares it byte by byte
        // with its mapped copy before forcing it to disk: profiled at 80 ms of CPU per second on a 2-core box, the
        // broker's largest single cost under load. Flushed every 10 s instead of every second: the wheel's state in
        // memory and the timer log are unchanged, and its checkpoint is written after the wheel, so a crashed broker
        // replays at most ten more seconds of timer log on recovery; a graceful stop flushes as before.
        broker.put("timerFlushIntervalMs", 10_000);
        // Kept as they are, although they wake the broker: the check-back interval (1 s, with the op batch at
        // 200 ms below it) is how fast a transactional event whose sender died is recovered. flushDiskType stays
        // RocketMQ's default, ASYNC_FLUSH (page cache, flushed every 500 ms), also the default of a production
        // broker; a production deployment that must survive a power cut on a single broker sets SYNC_FLUSH.
        // Transactional messages: first check-back 3 s after the half message, then every second.
        broker.put("transactionTimeOut", 3000);
        broker.put("transactionCheckInterval", 1000);
        // The broker batches COMMIT/ROLLBACK op records every 3 s by default; with checks every second
        // a message could be checked again after it was already ended (a duplicate delivery).
        broker.put("transactionOpBatchInterval", 200);
        // If the first registration misses the name server, retry after 10 s (the minimum), not 30 s.
        broker.put("registerNameServerPeriod", 10000);
        broker.put("deleteWhen", "04");
        broker.put("fileReservedTime", 48);
        return broker;
    }

    private static Path write(Path file, Map<String, Object> properties) {
        String text = properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String tail(Path file, long from) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            int start = (int) Math.min(from, bytes.length);
            return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
