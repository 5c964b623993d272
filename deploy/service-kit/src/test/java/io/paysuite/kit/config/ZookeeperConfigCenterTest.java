package io.paysuite.kit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real ZooKeeper server started in this JVM (ZooKeeper's own embedded server; no Curator test jar needed). */
class ZookeeperConfigCenterTest {

    /** A node change travels through a watch: long enough for a loaded CI machine, never waited out on success. */
    static final long DELIVERY_SECONDS = 20;

    @TempDir
    static Path dir;
    static ZooKeeperServerEmbedded server;
    static String connect;

    @BeforeAll
    static void startZooKeeper() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Properties cfg = new Properties();
        cfg.setProperty("clientPort", Integer.toString(port));
        cfg.setProperty("clientPortAddress", "127.0.0.1");
        cfg.setProperty("dataDir", dir.resolve("data").toString());
        cfg.setProperty("tickTime", "2000");
        cfg.setProperty("admin.enableServer", "false");
        server = ZooKeeperServerEmbedded.builder().baseDir(dir).configuration(cfg).exitHandler(ExitHandler.LOG_ONLY).build();
        server.start(30_000);
        connect = "127.0.0.1:" + port;
    }

    @AfterAll
    static void stopZooKeeper() {
        server.close();
    }

    @Test
    void aPublishedDocumentIsReadBackFromItsNodeUnderTheRoot() {
        try (ConfigCenter center = new ZookeeperConfigCenter(connect, "/paysuite/config", Duration.ofSeconds(10));
             ConfigCenter other = new ZookeeperConfigCenter(connect, "/", Duration.ofSeconds(10))) {
            center.publish("channel-gateway/routing-rules", "[{\"channel\":\"ALIPAY\"}]");

            assertThat(center.read("channel-gateway/routing-rules")).contains("[{\"channel\":\"ALIPAY\"}]");
            assertThat(other.read("paysuite/config/channel-gateway/routing-rules")).isPresent();
            center.remove("channel-gateway/routing-rules");
            assertThat(center.read("channel-gateway/routing-rules")).isEmpty();
            center.remove("channel-gateway/routing-rules");
        }
    }

    @Test
    void aSubscriberHearsChangesAndTheRemovalOfItsNode() throws Exception {
        try (ConfigCenter center = new ZookeeperConfigCenter(connect, "/paysuite/config", Duration.ofSeconds(10))) {
            BlockingQueue<String> heard = new LinkedBlockingQueue<>();
            ConfigCenter.Subscription subscription = center.subscribe("test/watched", text -> heard.add(String.valueOf(text)));

            center.publish("test/watched", "[1]");
            assertThat(heard.poll(DELIVERY_SECONDS, TimeUnit.SECONDS)).isEqualTo("[1]");
            center.publish("test/watched", "[2]");
            assertThat(heard.poll(DELIVERY_SECONDS, TimeUnit.SECONDS)).isEqualTo("[2]");
            center.remove("test/watched");
            assertThat(heard.poll(DELIVERY_SECONDS, TimeUnit.SECONDS)).isEqualTo("null");
            subscription.close();
        }
    }

    /** Waits (polling every 20 ms) until {@code condition} holds, at most {@link #DELIVERY_SECONDS}. */
    static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DELIVERY_SECONDS);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        assertThat(condition.getAsBoolean()).as("the change arrived through the watch").isTrue();
    }

    @Test
    void aRuleSourceOnZooKeeperKeepsTheLastGoodRulesWhenABadDocumentArrives() throws Exception {
        try (ConfigCenter center = new ZookeeperConfigCenter(connect, "/paysuite/config", Duration.ofSeconds(10))) {
            center.publish("test/limits", "[{\"merchant\":\"M1\",\"qps\":5}]");
            RuleSource<RuleSourceTest.Limit> source = new RuleSources(center).open("test/limits", RuleSourceTest.FORMAT,
                    () -> RuleSourceTest.DEFAULTS);
            assertThat(source.current()).containsExactly(new RuleSourceTest.Limit("M1", 5));

            center.publish("test/limits", "[{\"merchant\":\"M1\",\"qps\":7}]");
            eventually(() -> source.changes() == 2);
            assertThat(source.current()).containsExactly(new RuleSourceTest.Limit("M1", 7));
            center.publish("test/limits", "[{\"merchant\":\"M1\",\"qps\":-1}]");
            eventually(() -> source.refusals() == 1);
            assertThat(source.current()).containsExactly(new RuleSourceTest.Limit("M1", 7));
            source.close();
        }
    }

    @Test
    void aWriteCarriesTheNodeVersionItReadAndIsRefusedWhenSomeoneWroteSince() {
        try (ConfigCenter center = new ZookeeperConfigCenter(connect, "/paysuite/config", Duration.ofSeconds(10));
             ConfigCenter other = new ZookeeperConfigCenter(connect, "/paysuite/config", Duration.ofSeconds(10))) {
            ConfigCenter.Versioned none = center.readVersioned("test/cas");
            assertThat(none.version()).isEqualTo(ConfigCenter.Versioned.ABSENT);
            String created = center.publishIfUnchanged("test/cas", "[1]", none.version()).orElseThrow();
            assertThat(other.publishIfUnchanged("test/cas", "[1]", none.version())).as("the node exists now").isEmpty();

            ConfigCenter.Versioned read = center.readVersioned("test/cas");
            assertThat(read).isEqualTo(new ConfigCenter.Versioned("[1]", created));
            other.publish("test/cas", "[2]");
            assertThat(center.publishIfUnchanged("test/cas", "[3]", read.version())).isEmpty();
            assertThat(center.read("test/cas")).contains("[2]");

            ConfigCenter.Versioned again = center.readVersioned("test/cas");
            String saved = center.publishIfUnchanged("test/cas", "[3]", again.version()).orElseThrow();
            assertThat(center.readVersioned("test/cas")).isEqualTo(new ConfigCenter.Versioned("[3]", saved));
            assertThat(center.publishIfUnchanged("test/cas", "[4]", "-1")).as("never an unconditional write").isEmpty();
            assertThat(center.publishIfUnchanged("test/cas", "[4]", "d41d8cd9")).as("another center's version").isEmpty();
            center.remove("test/cas");
            assertThat(center.publishIfUnchanged("test/cas", "[5]", saved)).as("removed since").isEmpty();
        }
    }
}
