package io.paysuite.pay.infra.risk;

import io.paysuite.pay.risk.RiskRuleSource;
import io.paysuite.pay.risk.RiskRules;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The risk rule document from ZooKeeper ({@code paysuite.risk.rules-path}, default
 * {@code /paysuite/rules/risk}), watched with Curator's {@link CuratorCache} (Curator is already here
 * for Dubbo's registry) and applied without a restart. A document that does not parse is logged at
 * ERROR and the last good one stays; a deleted node means no rules. The only class that knows where the
 * document lives: the domain sees {@link RiskRuleSource}.
 */
public class ZooKeeperRiskRuleSource implements RiskRuleSource, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ZooKeeperRiskRuleSource.class);

    private final RiskProperties properties;
    private final Clock clock;
    private final List<Consumer<RiskRules>> listeners = new CopyOnWriteArrayList<>();
    private volatile RiskRules current = RiskRules.NONE;
    private CuratorFramework client;
    private CuratorCache cache;
    private volatile boolean running;

    public ZooKeeperRiskRuleSource(RiskProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public RiskRules current() {
        return current;
    }

    @Override
    public void onChange(Consumer<RiskRules> listener) {
        listeners.add(listener);
    }

    @Override
    public String path() {
        return properties.rulesPath();
    }

    @Override
    public void publish(String document) {
        if (client == null) {
            throw new IllegalStateException("no config center (paysuite.risk.zookeeper) to write the risk rules to");
        }
        try {
            client.create().orSetData().creatingParentsIfNeeded()
                    .forPath(properties.rulesPath(), document.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("writing the risk rules to " + properties.rulesPath() + " failed: " + e, e);
        }
    }

    /** Applies a document as read; a refused one keeps the rules in force. */
    void load(String document) {
        try {
            RiskRules next = RiskRules.parse(document, clock.instant());
            current = next;
            if (!next.problems().isEmpty()) {
                log.error("ALARM: risk rules version {} at {} have rules that cannot be evaluated (the others apply): {}",
                        next.version(), properties.rulesPath(), next.problems());
            }
            log.info("risk rules now version {}: {}", next.version(), next.ids());
            listeners.forEach(listener -> listener.accept(next));
        } catch (RiskRules.Invalid invalid) {
            log.error("ALARM: risk rules at {} refused; keeping version {}: {}", properties.rulesPath(), current.version(),
                    invalid.getMessage());
        }
    }

    @Override
    public void start() {
        String connect = properties.zookeeperConnect();
        if (!connect.isBlank()) {
            client = CuratorFrameworkFactory.newClient(connect, new ExponentialBackoffRetry(500, 3));
            client.start();
            cache = CuratorCache.build(client, properties.rulesPath(), CuratorCache.Options.SINGLE_NODE_CACHE);
            cache.listenable().addListener(CuratorCacheListener.builder()
                    .forCreatesAndChanges((before, after) -> load(text(after)))
                    .forDeletes(gone -> load(null))
                    .build());
            cache.start();
        } else {
            log.warn("no ZooKeeper for the risk rules (paysuite.risk.zookeeper): no risk rule applies");
        }
        running = true;
    }

    private static String text(ChildData node) {
        return node == null || node.getData() == null ? null : new String(node.getData(), StandardCharsets.UTF_8);
    }

    @Override
    public void stop() {
        if (cache != null) {
            cache.close();
        }
        if (client != null) {
            client.close();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
