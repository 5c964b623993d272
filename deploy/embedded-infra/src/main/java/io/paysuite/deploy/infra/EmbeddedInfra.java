package io.paysuite.deploy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ZooKeeper, a MySQL-compatible database, RocketMQ and Seata — real servers from Maven Central, started in
 * parallel and each waited for until a client can use it. {@link #close()} stops them all, child processes
 * included; it also runs as a JVM shutdown hook.
 */
public final class EmbeddedInfra implements Infrastructure {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfra.class);
    /** Longer than any single server's own deadline: this one only catches a wait that has none. */
    private static final Duration START_DEADLINE = Duration.ofMinutes(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(150);

    private final InfraConfig config;
    private final EmbeddedZooKeeper zookeeper;
    private final DatabaseServer database;
    private final EmbeddedRocketMq rocketMq;
    private final EmbeddedSeata seata;
    private final Map<String, Duration> startTimes;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::stopAll, "embedded-infra-shutdown");

    private EmbeddedInfra(InfraConfig config, EmbeddedZooKeeper zookeeper, DatabaseServer database,
                          EmbeddedRocketMq rocketMq, EmbeddedSeata seata, Map<String, Duration> startTimes) {
        this.config = config;
        this.zookeeper = zookeeper;
        this.database = database;
        this.rocketMq = rocketMq;
        this.seata = seata;
        this.startTimes = Collections.unmodifiableMap(startTimes);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static EmbeddedInfra start(InfraConfig config) {
        return start(config, EnumSet.allOf(EmbeddedServer.class));
    }

    /**
     * Starts only {@code servers}: with someone else's registry (a Nacos server) nothing would use an embedded ZooKeeper.
     * The database and the broker are always needed; a server left out answers {@link IllegalStateException} when asked for.
     */
    public static EmbeddedInfra start(InfraConfig config, Set<EmbeddedServer> servers) {
        if (!servers.containsAll(EnumSet.of(EmbeddedServer.DATABASE, EmbeddedServer.ROCKETMQ))) {
            throw new IllegalArgumentException("every run needs the database and the broker: " + servers);
        }
        long started = System.nanoTime();
        try {
            Files.createDirectories(config.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + config.logDir(), e);
        }
        log.info("starting embedded infrastructure in {}", config.workDir());
        Map<String, Duration> times = Collections.synchronizedMap(new LinkedHashMap<>());
        ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "infra-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            var zookeeper = servers.contains(EmbeddedServer.ZOOKEEPER)
                    ? timed("zookeeper", times, pool, () -> EmbeddedZooKeeper.start(config), zk -> "zookeeper://" + zk.connectString())
                    : CompletableFuture.<EmbeddedZooKeeper>completedFuture(null);
            var database = timed("database", times, pool, () -> DatabaseServers.start(config),
                    db -> db.kind() + " " + db.jdbcUrl(""));
            var rocketMq = timed("rocketmq", times, pool, () -> EmbeddedRocketMq.start(config),
                    mq -> "name server " + mq.namesrvAddress() + ", broker 127.0.0.1:" + config.brokerPort());
            var seata = servers.contains(EmbeddedServer.SEATA)
                    ? timed("seata", times, pool, () -> EmbeddedSeata.start(config),
                            tc -> "TC " + tc.address() + ", console http://127.0.0.1:" + config.seataConsolePort())
                    : CompletableFuture.<EmbeddedSeata>completedFuture(null);
            List<CompletableFuture<? extends AutoCloseable>> all = List.of(zookeeper, database, rocketMq, seata);
            try {
                firstFailureOrAll(all).get(START_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                stopStarted(all);
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new InfraStartException("embedded infrastructure not up within " + START_DEADLINE.toSeconds()
                        + " s; logs in " + config.logDir() + " (still starting: " + pending(all) + ")", cause);
            }
            EmbeddedInfra infra = new EmbeddedInfra(config, zookeeper.join(), database.join(), rocketMq.join(),
                    seata.join(), new LinkedHashMap<>(times));
            log.info("embedded infrastructure up in {} ms ({})", millis(System.nanoTime() - started), times);
            return infra;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code zookeeper://127.0.0.1:PORT}, the Dubbo registry address. */
    @Override
    public String registryAddress() {
        return "zookeeper://" + zookeeperConnectString();
    }

    @Override
    public String zookeeperConnectString() {
        if (zookeeper == null) {
            throw new IllegalStateException("no embedded ZooKeeper in this run: the registry is someone else's");
        }
        return zookeeper.connectString();
    }

    @Override
    public String namesrvAddress() {
        return rocketMq.namesrvAddress();
    }

    @Override
    public String seataAddress() {
        return seata == null ? "" : seata.address();
    }

    @Override
    public DatabaseServer database() {
        return database;
    }

    public InfraConfig config() {
        return config;
    }

    /** How long each server took until usable, in start order of completion. */
    public Map<String, Duration> startTimes() {
        return startTimes;
    }

    /** Asks the name server again whether the broker is registered (one admin-tool JVM, about 2 s). */
    boolean brokerRegistered() {
        return rocketMq.brokerRegistered();
    }

    /**
     * Restarts the RocketMQ broker as an operator would: a graceful stop (SIGTERM, so it flushes its store), then
     * the same config and store again, returning once it is registered with the name server. The name server and
     * every other server stay up; the services' clients find the broker again by themselves. For chaos tests.
     */
    @Override
    public void restartBroker() {
        if (closed.get()) {
            throw new IllegalStateException("the embedded infrastructure is stopped");
        }
        long started = System.nanoTime();
        rocketMq.restartBroker();
        log.info("rocketmq broker restarted in {} ms", millis(System.nanoTime() - started));
    }

    /** Stops every server (idempotent). */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    private void stopAll() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        // in parallel: each server flushes its own store on SIGTERM and none depends on another to stop
        List<Thread> stoppers = new ArrayList<>();
        for (AutoCloseable server : java.util.stream.Stream.of(seata, rocketMq, database, zookeeper).filter(java.util.Objects::nonNull).toList()) {
            Thread stopper = new Thread(() -> closeQuietly(server), "infra-stop");
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.info("embedded infrastructure stopped in {} ms", millis(System.nanoTime() - started));
    }

    private static <T extends AutoCloseable> CompletableFuture<T> timed(String name, Map<String, Duration> times,
            ExecutorService pool, Supplier<T> start, java.util.function.Function<T, String> describe) {
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            T server;
            try {
                server = start.get();
            } catch (RuntimeException e) {
                log.error("{} failed after {} ms: {}", name, millis(System.nanoTime() - started), e.getMessage());
                throw e;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            times.put(name, took);
            log.info("{} up in {} ms: {}", name, took.toMillis(), describe.apply(server));
            return server;
        }, pool);
    }

    /**
     * After a failure: give the other starts a moment to finish (each has its own deadline), then stop what
     * came up; a start still hanging after that stops itself when it fails, or dies with the JVM's hooks.
     */
    private static void stopStarted(List<CompletableFuture<? extends AutoCloseable>> all) {
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            // reported per server below
        }
        for (CompletableFuture<? extends AutoCloseable> future : all) {
            if (!future.isDone()) {
                future.thenAccept(EmbeddedInfra::closeQuietly); // stop it once it is up
                continue;
            }
            try {
                AutoCloseable server = future.join();
                if (server != null) {
                    closeQuietly(server);
                }
            } catch (CompletionException e) {
                // already logged when it failed
            }
        }
    }

    /** Completes when all have started, or exceptionally as soon as one of them failed. */
    private static CompletableFuture<Void> firstFailureOrAll(List<CompletableFuture<? extends AutoCloseable>> all) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        for (CompletableFuture<? extends AutoCloseable> future : all) {
            future.whenComplete((server, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure);
                }
            });
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenRun(() -> result.complete(null));
        return result;
    }

    private static String pending(List<CompletableFuture<? extends AutoCloseable>> all) {
        List<String> names = List.of("zookeeper", "database", "rocketmq", "seata");
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).isDone()) {
                pending.add(names.get(i));
            }
        }
        return String.join(", ", pending);
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            log.warn("stopping {} failed", server.getClass().getSimpleName(), e);
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
