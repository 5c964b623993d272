package io.paysuite.kit.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A driver's physical connection, beneath the pool, that puts off switching auto-commit back on after a
 * transaction until something needs it — so that the next transaction, which switches it off again, costs
 * nothing.
 *
 * <h2>The saving: two statements per transaction</h2>
 * Spring's {@code DataSourceTransactionManager} brackets every transaction with {@code setAutoCommit(false)}
 * and, at cleanup, {@code setAutoCommit(true)}; ShardingSphere passes both to each physical connection it
 * used. Connector/J (with {@code useLocalSessionState}) skips a {@code SET autocommit} only when the session is
 * already in that state, so each transaction cost {@code SET autocommit=0 … COMMIT, SET autocommit=1}: 13 of
 * the 65 statements of a payment-code payment in the general log. Here the {@code setAutoCommit(true)} after
 * a finished transaction is only recorded; when the next borrower begins a transaction, its
 * {@code setAutoCommit(false)} cancels it and neither statement is sent. A pool busy with transactions
 * therefore sends {@code SET autocommit=0} once per physical connection instead of two statements per
 * transaction. A {@code SET} is now sent only when the session really has to change state between two uses,
 * so it is never more than before: a connection that alternates transactions with auto-commit statements
 * (a MyBatis read outside {@code @Transactional}, ShedLock) still pays one {@code SET} per change, as before.
 * That is why the sharded services' direct single statements (a read of a trade by number, pay-core's
 * compare-and-sets) take pools of their own, apart from the pools their transactions run on
 * ({@link io.paysuite.kit.sharding.PhysicalPools}).
 *
 * <h2>Why callers see no difference</h2>
 * <ul>
 *   <li>Only a restore that cannot commit anything is put off: the driver's session must be off and no
 *       statement may have run since the last {@code commit()}/{@code rollback()} ({@code SET autocommit=1}
 *       would commit such work, so then it is sent at once, as before).</li>
 *   <li>{@link #getAutoCommit()} answers the logical state (on); Hikari and Spring see the connection they
 *       expect. Hikari's reset on return compares its own (logical) state with the pool default and finds
 *       nothing to reset; its rollback on return only happens with auto-commit logically off.</li>
 *   <li>Before anything that runs SQL on this session — every {@code execute…} of a statement, creating a
 *       statement, {@link #getMetaData()} (its methods query), savepoints — the pending
 *       {@code SET autocommit=1} is sent first, so that SQL runs in auto-commit exactly as the caller asked.</li>
 *   <li>{@link #commit()}/{@link #rollback()} with a restore pending send it and then ask the driver, which
 *       answers as it does with auto-commit on: Connector/J 9 throws {@code "Can't call commit when
 *       autocommit=true"} / {@code "Can't call rollback when autocommit=true"} (SQLState 08003). Sending the
 *       restore first reproduces the driver's answer exactly instead of copying its messages; it costs a
 *       round trip only on that misuse.</li>
 *   <li>Session settings that do not depend on auto-commit pass straight through without the restore:
 *       {@code setTransactionIsolation} and {@code setReadOnly} send {@code SET SESSION TRANSACTION …}, which
 *       MySQL and MariaDB apply to later transactions and allow between them. They must not force it: Spring
 *       resets isolation and read-only right after its {@code setAutoCommit(true)}, and the ledger's READ
 *       COMMITTED transactions would lose the saving. {@code isValid} (Hikari's check, COM_PING in Connector/J),
 *       {@code close}, {@code abort}, network timeout, catalog/schema and client info pass through too.</li>
 *   <li>The driver's own {@code getAutoCommit()} (local in Connector/J, no round trip) is asked before
 *       cancelling or sending, so code that unwrapped the driver's connection and changed auto-commit on it
 *       cannot make this wrapper skip a needed {@code SET}.</li>
 * </ul>
 * An idle pooled connection may sit with its real session at {@code autocommit=0}: harmless, no statement ran
 * since its commit, so it holds no locks and no read view; a connection test query
 * ({@code connectionTestQuery}) goes through {@link #createStatement()} and sends the restore first.
 *
 * <h2>Statements are wrapped too</h2>
 * A statement prepared inside a transaction and executed after the deferred restore would otherwise run in a
 * session still at {@code autocommit=0}: it would open a transaction nobody commits. MyBatis' SIMPLE executor
 * and JdbcTemplate close each statement after its one execution, Hikari closes what is left when the
 * connection returns to the pool, and ShardingSphere's physical statements live as long as its logic
 * statement, so in the suite's paths it does not happen. But it is legal JDBC (prepare, commit,
 * {@code setAutoCommit(true)}, execute again) and costs nothing to guard: every statement (and
 * {@link DatabaseMetaData}) handed out is a thin proxy that sends the pending restore before each
 * {@code execute…}, and whose {@code getConnection()} answers this wrapper. Not covered: SQL run by a
 * {@code ResultSet}'s {@code updateRow}/{@code insertRow}/{@code deleteRow} (nothing in the suite uses
 * updatable result sets), and work done on the driver's connection obtained through {@code unwrap} — the
 * wrapper cannot see it, so it would not know a transaction was left open (nothing in the suite does that).
 *
 * <p>Not thread-safe, like the pooled connection it sits under: one borrower at a time.
 */
public final class DeferredAutoCommitConnection implements Connection {

    private final Connection driver;

    /** Auto-commit is logically on, the driver's session is still off; {@code SET autocommit=1} owed. */
    private boolean restorePending;

    /**
     * Something may have run on the session since the last commit or rollback (or since auto-commit went off).
     * Unknown at first, so true: a physical connection starts in auto-commit, and going off clears it.
     */
    private boolean workSinceTransactionEnd = true;

    public DeferredAutoCommitConnection(Connection driver) {
        this.driver = driver;
    }

    /** True while a {@code SET autocommit=1} is owed to the session (for tests and diagnostics). */
    public boolean restorePending() {
        return restorePending;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        if (autoCommit) {
            if (restorePending) {
                return;
            }
            if (!workSinceTransactionEnd && !driver.getAutoCommit()) {
                restorePending = true; // nothing to commit: owe the SET until something needs it
                return;
            }
            driver.setAutoCommit(true);
            return;
        }
        if (restorePending) {
            restorePending = false; // the owed SET autocommit=1 and this SET autocommit=0 cancel out
            if (!driver.getAutoCommit()) {
                return;
            }
        }
        boolean wasOn = driver.getAutoCommit();
        driver.setAutoCommit(false);
        if (wasOn) {
            workSinceTransactionEnd = false;
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return restorePending || driver.getAutoCommit();
    }

    @Override
    public void commit() throws SQLException {
        if (restorePending) {
            sendRestore();
            driver.commit(); // auto-commit is on: the driver answers as it always does then
            return;
        }
        driver.commit();
        workSinceTransactionEnd = false;
    }

    @Override
    public void rollback() throws SQLException {
        if (restorePending) {
            sendRestore();
            driver.rollback();
            return;
        }
        driver.rollback();
        workSinceTransactionEnd = false;
    }

    /** Sends the owed {@code SET autocommit=1}, if any, and notes that the session may now do work. */
    void beforeWork() throws SQLException {
        sendRestore();
        workSinceTransactionEnd = true;
    }

    private void sendRestore() throws SQLException {
        if (restorePending) {
            restorePending = false;
            if (!driver.getAutoCommit()) {
                driver.setAutoCommit(true);
            }
        }
    }

    // --- statements: the restore first, and wrapped so that a later execute sends it too

    @Override
    public Statement createStatement() throws SQLException {
        beforeWork();
        return watched(Statement.class, driver.createStatement());
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        beforeWork();
        return watched(Statement.class, driver.createStatement(resultSetType, resultSetConcurrency));
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
            throws SQLException {
        beforeWork();
        return watched(Statement.class, driver.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        beforeWork();
        return watched(PreparedStatement.class, driver.prepareStatement(sql));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        beforeWork();
        return watched(PreparedStatement.class, driver.prepareStatement(sql, resultSetType, resultSetConcurrency));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        beforeWork();
        return watched(PreparedStatement.class,
                driver.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        beforeWork();
        return watched(PreparedStatement.class, driver.prepareStatement(sql, autoGeneratedKeys));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        beforeWork();
        return watched(PreparedStatement.class, driver.prepareStatement(sql, columnIndexes));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        beforeWork();
        return watched(PreparedStatement.class, driver.prepareStatement(sql, columnNames));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        beforeWork();
        return watched(CallableStatement.class, driver.prepareCall(sql));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        beforeWork();
        return watched(CallableStatement.class, driver.prepareCall(sql, resultSetType, resultSetConcurrency));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
            int resultSetHoldability) throws SQLException {
        beforeWork();
        return watched(CallableStatement.class,
                driver.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        beforeWork();
        return watched(DatabaseMetaData.class, driver.getMetaData());
    }

    // --- savepoints run SQL inside a transaction

    @Override
    public Savepoint setSavepoint() throws SQLException {
        beforeWork();
        return driver.setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        beforeWork();
        return driver.setSavepoint(name);
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        beforeWork();
        driver.rollback(savepoint);
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        beforeWork();
        driver.releaseSavepoint(savepoint);
    }

    // --- the rest does not depend on auto-commit: straight through

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return driver.nativeSQL(sql); // a client-side rewrite of escapes; it runs nothing
    }

    @Override
    public void close() throws SQLException {
        driver.close();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        driver.abort(executor);
    }

    @Override
    public boolean isClosed() throws SQLException {
        return driver.isClosed();
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        return driver.isValid(timeout);
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        driver.setReadOnly(readOnly);
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return driver.isReadOnly();
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        driver.setTransactionIsolation(level);
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return driver.getTransactionIsolation();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        driver.setCatalog(catalog);
    }

    @Override
    public String getCatalog() throws SQLException {
        return driver.getCatalog();
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        driver.setSchema(schema);
    }

    @Override
    public String getSchema() throws SQLException {
        return driver.getSchema();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return driver.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        driver.clearWarnings();
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return driver.getTypeMap();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        driver.setTypeMap(map);
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        driver.setHoldability(holdability);
    }

    @Override
    public int getHoldability() throws SQLException {
        return driver.getHoldability();
    }

    @Override
    public Clob createClob() throws SQLException {
        return driver.createClob();
    }

    @Override
    public Blob createBlob() throws SQLException {
        return driver.createBlob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return driver.createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return driver.createSQLXML();
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return driver.createArrayOf(typeName, elements);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return driver.createStruct(typeName, attributes);
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        driver.setClientInfo(name, value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        driver.setClientInfo(properties);
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        return driver.getClientInfo(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return driver.getClientInfo();
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        driver.setNetworkTimeout(executor, milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return driver.getNetworkTimeout();
    }

    @Override
    public void beginRequest() throws SQLException {
        driver.beginRequest();
    }

    @Override
    public void endRequest() throws SQLException {
        driver.endRequest();
    }

    /** This wrapper for its own type (and {@link Connection}); anything else — the driver's classes — from the driver. */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : driver.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || driver.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "DeferredAutoCommit[" + driver + (restorePending ? ", restore pending]" : "]");
    }

    // --- the proxies

    private <T> T watched(Class<T> type, T target) {
        return target == null ? null
                : type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Watch(target)));
    }

    /**
     * Sends the owed restore before a statement's {@code execute…} (or any call on the metadata, whose methods
     * query), answers this wrapper as the statement's connection, and unwraps to the driver's object.
     */
    private final class Watch implements InvocationHandler {

        private final Object target;

        Watch(Object target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "getConnection":
                    if (method.getParameterCount() == 0) {
                        return DeferredAutoCommitConnection.this;
                    }
                    break;
                case "unwrap":
                    return ((Class<?>) args[0]).isInstance(proxy) ? proxy : call(method, args);
                case "isWrapperFor":
                    return ((Class<?>) args[0]).isInstance(proxy) || (Boolean) call(method, args);
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return target.toString();
                default:
                    if (name.startsWith("execute") || target instanceof DatabaseMetaData) {
                        beforeWork();
                    }
            }
            return call(method, args);
        }

        private Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
