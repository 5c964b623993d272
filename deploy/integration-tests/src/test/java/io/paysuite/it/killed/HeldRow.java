package io.paysuite.it.killed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paysuite.api.ledger.AccountRef;
import io.paysuite.deploy.infra.DatabaseServer;
import io.paysuite.it.SuiteHarness;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A row the test holds with {@code SELECT … FOR UPDATE} in a transaction of its own, so that a flow which must write
 * that row stops exactly there — inside its own transaction, with whatever it wrote before still uncommitted — for as
 * long as the test wants: the deterministic "middle of the flow" a SIGKILL needs (a sleep would only hope the flow got
 * there). {@link #awaitWaiter()} sees the flow arrive: InnoDB lists its statement, which names the row, in
 * {@code LOCK WAIT}. {@link #close()} rolls back and lets the waiter on; when its service was killed meanwhile, the
 * server notices the dead connection only as the statement finishes, and rolls its transaction back (the COMMIT was
 * never sent). A waiter whose own service is alive (the ledger under a killed caller) simply goes on and commits.
 */
public final class HeldRow implements AutoCloseable {

    private static final Duration ARRIVAL = Duration.ofSeconds(60); // a flow on a loaded two-core box

    private final Connection connection;
    private final String marker;

    private HeldRow(String database, String lockingSelect, String key) throws SQLException {
        DatabaseServer db = SuiteHarness.suite().infra().database();
        this.connection = DriverManager.getConnection(db.jdbcUrl(database), db.username(), db.password());
        this.marker = key;
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(lockingSelect)) {
                lock.setString(1, key);
                try (ResultSet row = lock.executeQuery()) {
                    assertThat(row.next()).as("a row to hold: " + key).isTrue();
                }
            }
        } catch (SQLException | RuntimeException | AssertionError e) {
            connection.close();
            throw e;
        }
    }

    /** The ledger account's row: every non-hot posting to it updates the row inside the posting's transaction. */
    public static HeldRow account(AccountRef account) throws SQLException {
        return new HeldRow("paysuite_accounting", "SELECT code FROM account WHERE code = ? FOR UPDATE", account.code());
    }

    /** The ledger's lock of a trade (its first payment entry), which every trade posting — a share, a release — takes first. */
    public static HeldRow tradeLock(String tradeNo) throws SQLException {
        return new HeldRow("paysuite_accounting",
                "SELECT id FROM journal_entry WHERE biz_no = ? AND biz_type = 'PAYMENT' ORDER BY id LIMIT 1 FOR UPDATE", tradeNo);
    }

    /**
     * Waits until another connection waits for a lock this one holds: by the lock graph (the {@code sys} schema's
     * {@code innodb_lock_waits}, in MariaDB since 10.6 and in MySQL 8), or by a waiting statement that names the held
     * row. On timeout the failure lists what every transaction was doing, so a flow stuck elsewhere shows where.
     */
    public void awaitWaiter() {
        try {
            // not faster: InnoDB refreshes the snapshot its lock tables are read from only when nobody read it for
            // 0.1 s, so polling every 50 ms kept reading the snapshot of the first poll — taken before the flow came
            await("a flow waiting for " + marker).atMost(ARRIVAL).pollInterval(Duration.ofMillis(300))
                    .until(() -> blockedByUs() || waitingStatementNamesRow());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no flow waited for " + marker + " within " + ARRIVAL + "; transactions: " + transactions(), e);
        }
    }

    private boolean blockedByUs() {
        try (PreparedStatement waits = connection.prepareStatement(
                "SELECT COUNT(*) FROM sys.innodb_lock_waits WHERE blocking_pid = CONNECTION_ID()");
             ResultSet count = waits.executeQuery()) {
            return count.next() && count.getInt(1) > 0;
        } catch (SQLException noSysSchema) {
            return false;
        }
    }

    private boolean waitingStatementNamesRow() throws SQLException {
        try (PreparedStatement waiting = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.INNODB_TRX"
                + " WHERE trx_state = 'LOCK WAIT' AND trx_mysql_thread_id <> CONNECTION_ID() AND trx_query LIKE ?")) {
            waiting.setString(1, "%" + marker + "%");
            try (ResultSet count = waiting.executeQuery()) {
                return count.next() && count.getInt(1) > 0;
            }
        }
    }

    /** What every transaction and every running statement of the server was doing, for a failure message. */
    private String transactions() {
        return rows("SELECT trx_mysql_thread_id, trx_state, trx_started, trx_query FROM information_schema.INNODB_TRX")
                + "\nstatements running (this connection is " + rows("SELECT CONNECTION_ID()") + "):"
                + rows("SELECT id, db, time, state, info FROM information_schema.PROCESSLIST WHERE command <> 'Sleep'");
    }

    private String rows(String sql) {
        StringBuilder out = new StringBuilder();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                out.append("\n ");
                for (int c = 1; c <= columns; c++) {
                    out.append(' ').append(rows.getString(c));
                }
            }
        } catch (SQLException e) {
            out.append(" (unreadable: ").append(e.getMessage()).append(')');
        }
        return out.toString();
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
