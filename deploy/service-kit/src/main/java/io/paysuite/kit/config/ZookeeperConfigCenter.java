package io.paysuite.kit.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config center on ZooKeeper, the embedded default: the document under key {@code k} is the
 * data of node {@code <root>/k} (root {@code /paysuite/config}), UTF-8 JSON. Watching uses Curator's
 * {@link CuratorCache} (one node), which re-arms ZooKeeper's one-shot watches and re-reads the node
 * after a reconnect — the part of watching ZooKeeper that is easy to get wrong by hand. Curator is
 * the client Dubbo's ZooKeeper registry already brings, so the suite carries one ZooKeeper client.
 *
 * <p>The client connects on first use: a service with no rules opens no second session.
 */
public final class ZookeeperConfigCenter implements ConfigCenter {

    private static final Logger log = LoggerFactory.getLogger(ZookeeperConfigCenter.class);

    private final String connectString;
    private final String root;
    private final Duration timeout;
    private CuratorFramework client;

    public ZookeeperConfigCenter(String connectString, String root, Duration timeout) {
        this.connectString = connectString;
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.timeout = timeout;
    }

    String path(String key) {
        return root + "/" + ConfigCenter.checkKey(key);
    }

    private synchronized CuratorFramework client() {
        if (client == null) {
            CuratorFramework created = CuratorFrameworkFactory.builder().connectString(connectString)
                    .sessionTimeoutMs(30_000).connectionTimeoutMs((int) timeout.toMillis())
                    .retryPolicy(new ExponentialBackoffRetry(200, 5)).build();
            created.start();
            client = created;
        }
        return client;
    }

    private CuratorFramework connected() {
        CuratorFramework zk = client();
        try {
            if (!zk.blockUntilConnected((int) timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("config center " + describe() + " not reachable within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + describe(), e);
        }
        return zk;
    }

    @Override
    public Optional<String> read(String key) {
        try {
            byte[] data = connected().getData().forPath(path(key));
            return text(data);
        } catch (KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("reading " + path(key) + " from " + describe() + ": " + e, e);
        }
    }

    @Override
    public void publish(String key, String document) {
        try {
            connected().create().orSetData().creatingParentsIfNeeded()
                    .forPath(path(key), document.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("publishing " + path(key) + " to " + describe() + ": " + e, e);
        }
    }

    @Override
    public Versioned readVersioned(String key) {
        Stat stat = new Stat();
        try {
            byte[] data = connected().getData().storingStatIn(stat).forPath(path(key));
            return new Versioned(text(data).orElse(null), Integer.toString(stat.getVersion()));
        } catch (KeeperException.NoNodeException e) {
            return new Versioned(null, Versioned.ABSENT);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("reading " + path(key) + " from " + describe() + ": " + e, e);
        }
    }

    /**
     * ZooKeeper's own compare-and-set: {@code setData} with the node's data version (refused with
     * {@code BadVersion} when someone wrote since), {@code create} for a document that must not exist yet
     * ({@code NodeExists}). The version restarts at 0 when a node is deleted and created again; a writer whose
     * read spans a removal and re-creation with the same number of writes is the one case this does not see.
     */
    @Override
    public Optional<String> publishIfUnchanged(String key, String document, String expectedVersion) {
        byte[] data = document.getBytes(StandardCharsets.UTF_8);
        try {
            if (Versioned.ABSENT.equals(expectedVersion)) {
                connected().create().creatingParentsIfNeeded().forPath(path(key), data);
                return Optional.of("0");
            }
            int version;
            try {
                version = Integer.parseInt(expectedVersion);
            } catch (NumberFormatException notOurs) {
                return Optional.empty(); // not a version this center gave out: it cannot be the current one
            }
            if (version < 0) {
                return Optional.empty(); // -1 would mean "any version" to ZooKeeper: never an unconditional write here
            }
            Stat stat = connected().setData().withVersion(version).forPath(path(key), data);
            return Optional.of(Integer.toString(stat.getVersion()));
        } catch (KeeperException.BadVersionException | KeeperException.NodeExistsException | KeeperException.NoNodeException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("publishing " + path(key) + " to " + describe() + ": " + e, e);
        }
    }

    @Override
    public void remove(String key) {
        try {
            connected().delete().quietly().forPath(path(key));
        } catch (Exception e) {
            throw new IllegalStateException("removing " + path(key) + " from " + describe() + ": " + e, e);
        }
    }

    @Override
    public Subscription subscribe(String key, Consumer<String> listener) {
        String path = path(key);
        CuratorCache cache = CuratorCache.build(client(), path, CuratorCache.Options.SINGLE_NODE_CACHE);
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forCreatesAndChanges((before, now) -> deliver(path, now, listener))
                .forDeletes(gone -> deliver(path, null, listener))
                .build());
        cache.start();
        return cache::close;
    }

    private static void deliver(String path, ChildData data, Consumer<String> listener) {
        if (data != null && !data.getPath().equals(path)) {
            return;
        }
        try {
            listener.accept(data == null ? null : text(data.getData()).orElse(null));
        } catch (RuntimeException e) {
            log.error("a listener of {} failed: {}", path, e.toString());
        }
    }

    private static Optional<String> text(byte[] data) {
        if (data == null || data.length == 0) {
            return Optional.empty();
        }
        String text = new String(data, StandardCharsets.UTF_8);
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    @Override
    public String describe() {
        return "zookeeper://" + connectString + root;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
