package io.paysuite.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.dubbo.rpc.service.EchoService;

/**
 * The machine's own limits, measured in the same run so a figure reads as a ratio of them: how many
 * single-row transactions the suite's database commits per second (one and eight connections; InnoDB with its
 * configured flush), and how many Dubbo echo calls one provider answers per second (the protocol and the
 * registry's routing, no business code: {@code $echo} is answered by Dubbo's own filter).
 */
public final class Baseline {

    private Baseline() {
    }

    public static StepResult commitRate(String url, int connections, Duration warmup, Duration measured) throws Exception {
        try (Connection admin = DriverManager.getConnection(url); Statement ddl = admin.createStatement()) {
            ddl.execute("CREATE DATABASE IF NOT EXISTS paysuite_bench");
            ddl.execute("CREATE TABLE IF NOT EXISTS paysuite_bench.commit_probe (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " note VARCHAR(32) NOT NULL) ENGINE=InnoDB");
        }
        ThreadLocal<PreparedStatement> insert = new ThreadLocal<>();
        Supplier<String> commit = () -> {
            try {
                PreparedStatement statement = insert.get();
                if (statement == null) {
                    Connection c = DriverManager.getConnection(url);
                    c.setAutoCommit(false);
                    statement = c.prepareStatement("INSERT INTO paysuite_bench.commit_probe (note) VALUES ('baseline')");
                    insert.set(statement);
                }
                statement.executeUpdate();
                statement.getConnection().commit();
                return Tally.OK;
            } catch (SQLException e) {
                return "SQL_" + e.getSQLState();
            }
        };
        return measure("database commit (1 row), " + connections + " connection" + (connections > 1 ? "s" : ""), commit,
                connections, warmup, measured, null);
    }

    public static StepResult echoRate(Object reference, int callers, Duration warmup, Duration measured, DatabaseCounters db)
            throws Exception {
        EchoService echo = (EchoService) reference;
        Supplier<String> call = () -> {
            try {
                return "ok".equals(echo.$echo("ok")) ? Tally.OK : "ECHO_MISMATCH";
            } catch (RuntimeException e) {
                return e.getClass().getSimpleName();
            }
        };
        return measure("Dubbo echo call, " + callers + " callers", call, callers, warmup, measured, db);
    }

    static StepResult measure(String name, Supplier<String> operation, int callers, Duration warmup, Duration measured,
                              DatabaseCounters db) throws Exception {
        Snapshots marks = new Snapshots(db);
        LoadLoop.Window window = LoadLoop.closed(operation, callers, warmup, measured, marks);
        return StepResult.of(name, window, marks.cpuBefore, marks.cpuAfter, marks.dbDelta());
    }

    /** CPU and database snapshots at the window's edges. */
    static final class Snapshots implements LoadLoop.Marks {
        private final DatabaseCounters db;
        volatile Map<String, Long> cpuBefore = Map.of();
        volatile Map<String, Long> cpuAfter = Map.of();
        volatile Map<String, Long> dbBefore;
        volatile Map<String, Long> dbAfter;

        Snapshots(DatabaseCounters db) {
            this.db = db;
        }

        @Override
        public void start() {
            cpuBefore = ProcessCpu.snapshot();
            dbBefore = read();
        }

        @Override
        public void end() {
            cpuAfter = ProcessCpu.snapshot();
            dbAfter = read();
        }

        Map<String, Long> dbDelta() {
            return dbBefore == null || dbAfter == null ? null : DatabaseCounters.delta(dbBefore, dbAfter);
        }

        private Map<String, Long> read() {
            try {
                return db == null ? null : db.snapshot();
            } catch (SQLException e) {
                return null;
            }
        }
    }
}
