package io.paysuite.deploy.infra;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Starts the embedded infrastructure on free ports, touches every server once as a client would, and stops it.
 * Usage: {@code InfraSmoke [workDir]} (default: a new temporary directory). Exit code 0 means all good.
 */
public final class InfraSmoke {

    private InfraSmoke() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "infra-smoke-logback.xml");
        }
        Path workDir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("paysuite-infra-");
        long t0 = System.nanoTime();
        EmbeddedInfra infra = EmbeddedInfra.start(InfraConfig.freePorts(workDir));
        long startMs = ms(t0);
        try {
            long t1 = System.nanoTime();
            DatabaseServer db = infra.database();
            db.createDatabase("paysuite_smoke");
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl("paysuite_smoke"), db.username(),
                    db.password());
                 Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT VERSION(), DATABASE(), @@character_set_database")) {
                rs.next();
                System.out.printf("database  %s: %s (db %s, %s)%n", db.kind(), rs.getString(1), rs.getString(2),
                        rs.getString(3));
            }
            System.out.printf("zookeeper %s: %s%n", infra.registryAddress(), zookeeperRoundTrip(infra));
            System.out.printf("rocketmq  %s: broker registered = %s%n", infra.namesrvAddress(),
                    infra.brokerRegistered());
            System.out.printf("seata     %s: port open = %s%n", infra.seataAddress(),
                    portOpen(infra.config().seataPort()));
            System.out.printf("checks took %d ms%n", ms(t1));
        } finally {
            long t2 = System.nanoTime();
            infra.close();
            System.out.printf("start %d ms %s, close %d ms, workDir %s%n", startMs, infra.startTimes(), ms(t2),
                    workDir);
        }
    }

    private static String zookeeperRoundTrip(EmbeddedInfra infra) throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(infra.zookeeperConnectString(), 10_000, event -> {
            if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        try {
            if (!connected.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no ZooKeeper session within 10 s");
            }
            String path = zk.create("/paysuite-smoke-", "ok".getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.EPHEMERAL_SEQUENTIAL);
            return "created " + path + ", read back '" + new String(zk.getData(path, false, null)) + "'";
        } finally {
            zk.close();
        }
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
