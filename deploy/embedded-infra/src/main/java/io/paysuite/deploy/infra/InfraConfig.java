package io.paysuite.deploy.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where the embedded servers keep their files and which ports they listen on.
 *
 * <p>The RocketMQ broker binds three ports besides {@code brokerPort}: {@code brokerPort - 2} (its "fast"
 * VIP channel) and {@code brokerPort + 1} (HA), and {@code brokerPort - 1} is kept free as well so that two
 * suites started side by side never collide on those neighbours.
 */
public record InfraConfig(Path workDir, int zookeeperPort, int mariadbPort, int namesrvPort, int brokerPort,
                          int seataPort, int seataConsolePort) {

    private static final int FREE_PORT_LOW = 20_000;
    private static final int FREE_PORT_HIGH = 60_000;
    private static final int FREE_PORT_ATTEMPTS = 500;

    public InfraConfig {
        Objects.requireNonNull(workDir, "workDir");
        workDir = workDir.toAbsolutePath().normalize();
    }

    /** The fixed ports of the local run: what a developer types into a client by heart. */
    public static InfraConfig localDefaults(Path workDir) {
        return new InfraConfig(workDir, 12181, 13306, 19876, 10911, 8091, 7091);
    }

    /** Ports free right now (tests; several suites on one machine). The broker gets four free neighbours. */
    public static InfraConfig freePorts(Path workDir) {
        Set<Integer> taken = new HashSet<>();
        int broker = freeBlock(taken, -2, 1);
        return new InfraConfig(workDir, freeBlock(taken, 0, 0), freeBlock(taken, 0, 0), freeBlock(taken, 0, 0),
                broker, freeBlock(taken, 0, 0), freeBlock(taken, 0, 0));
    }

    public Path logDir() {
        return workDir.resolve("logs");
    }

    /** A port p such that every port in [p+from, p+to] is free and not handed out yet. */
    private static int freeBlock(Set<Integer> taken, int from, int to) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < FREE_PORT_ATTEMPTS; attempt++) {
            int candidate = random.nextInt(FREE_PORT_LOW, FREE_PORT_HIGH);
            boolean allFree = true;
            for (int p = candidate + from; p <= candidate + to && allFree; p++) {
                allFree = !taken.contains(p) && isFree(p);
            }
            if (allFree) {
                for (int p = candidate + from; p <= candidate + to; p++) {
                    taken.add(p);
                }
                return candidate;
            }
        }
        throw new IllegalStateException("no free port block found in " + FREE_PORT_ATTEMPTS + " attempts");
    }

    /**
     * Free on every interface: the broker, name server and Seata bind the wildcard address. With
     * SO_REUSEADDR, as the servers themselves bind: connections of a run that just stopped linger
     * in TIME_WAIT for a minute and must not make a restart of the local run fail.
     */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireFree(String server, int port) {
        if (!isFree(port)) {
            throw new InfraStartException(server + ": port " + port + " is already in use"
                    + " (another suite, or a process left over from a killed run?)", null);
        }
    }
}
