package io.paysuite.cashier.ops.rules;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The routing rule document in ZooKeeper, where channel-gateway watches it — the one place the console touches the
 * config center, through Curator (already on the class path with Dubbo's ZooKeeper registry). ZooKeeper's node
 * version is the compare-and-set: {@code setData().withVersion(v)} fails if anyone wrote since the read.
 */
@Component
public class ZooKeeperRoutingRules implements RuleDocumentSource, DisposableBean {

    private final RulesProperties properties;
    private volatile CuratorFramework client;

    public ZooKeeperRoutingRules(RulesProperties properties) {
        this.properties = properties;
    }

    @Override
    public Versioned read() {
        try {
            Stat stat = new Stat();
            byte[] data = client().getData().storingStatIn(stat).forPath(properties.routingPath());
            return new Versioned(data == null ? null : new String(data, StandardCharsets.UTF_8), stat.getVersion());
        } catch (KeeperException.NoNodeException none) {
            return new Versioned(null, -1);
        } catch (Exception e) {
            throw new BizException(ErrorCode.SERVICE_DEGRADED, "the config center cannot be read: " + e.getMessage());
        }
    }

    @Override
    public int write(String text, int expectedVersion) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        try {
            if (expectedVersion < 0) {
                client().create().creatingParentsIfNeeded().forPath(properties.routingPath(), data);
                return 0;
            }
            return client().setData().withVersion(expectedVersion).forPath(properties.routingPath(), data).getVersion();
        } catch (KeeperException.BadVersionException | KeeperException.NodeExistsException | KeeperException.NoNodeException changed) {
            throw new BizException(ErrorCode.RULES_VERSION_CONFLICT, "the routing rules changed since they were read");
        } catch (Exception e) {
            throw new BizException(ErrorCode.SERVICE_DEGRADED, "the config center cannot be written: " + e.getMessage());
        }
    }

    private CuratorFramework client() {
        CuratorFramework current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    CuratorFramework started = CuratorFrameworkFactory.newClient(properties.zookeeper(), 15_000, 5_000,
                            new ExponentialBackoffRetry(200, 3));
                    started.start();
                    client = started;
                }
                current = client;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        if (client != null) {
            client.close();
        }
    }
}
