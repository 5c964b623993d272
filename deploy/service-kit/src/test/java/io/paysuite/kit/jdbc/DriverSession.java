package io.paysuite.kit.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A physical connection that behaves, for what matters here, like Connector/J 9 with {@code useLocalSessionState}
 * (read from its {@code ConnectionImpl} in the jar): {@code setAutoCommit} sends {@code SET autocommit} only when
 * the session's state changes; {@code commit()}/{@code rollback()} throw while auto-commit is on, with the driver's
 * messages; {@code SET autocommit=1} commits an open transaction. Everything sent is kept in {@link #log}, like the
 * server's general log; a statement is logged with the auto-commit state it ran in.
 */
final class DriverSession implements InvocationHandler {

    /** Stands for the driver's own connection class ({@code com.mysql.cj.jdbc.JdbcConnection}). */
    interface DriverConnection extends Connection {
    }

    final List<String> log = new ArrayList<>();
    boolean autoCommit = true;
    boolean inTransaction;
    boolean closed;
    final DriverConnection connection =
            (DriverConnection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DriverConnection.class}, this);

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "getAutoCommit":
                return autoCommit;
            case "setAutoCommit":
                boolean on = (Boolean) args[0];
                if (on != autoCommit) {
                    log.add("SET autocommit=" + (on ? 1 : 0));
                    autoCommit = on;
                    inTransaction = false; // turning it on commits; turning it off starts with nothing
                }
                return null;
            case "commit":
                if (autoCommit) {
                    throw new SQLException("Can't call commit when autocommit=true");
                }
                log.add("COMMIT");
                inTransaction = false;
                return null;
            case "rollback":
                if (autoCommit) {
                    throw new SQLException("Can't call rollback when autocommit=true", "08003");
                }
                log.add("ROLLBACK");
                inTransaction = false;
                return null;
            case "setTransactionIsolation":
                log.add("SET SESSION TRANSACTION ISOLATION LEVEL " + args[0]);
                return null;
            case "setReadOnly":
                log.add("SET SESSION TRANSACTION " + ((Boolean) args[0] ? "READ ONLY" : "READ WRITE"));
                return null;
            case "createStatement":
                return statement(Statement.class, null);
            case "prepareStatement":
                return statement(PreparedStatement.class, (String) args[0]);
            case "getMetaData":
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
                        (metaData, call, callArgs) -> switch (call.getName()) {
                            case "getConnection" -> connection;
                            case "getTables" -> {
                                log.add("SELECT … FROM information_schema.TABLES" + (autoCommit ? " [autocommit]" : " [in transaction]"));
                                yield null;
                            }
                            default -> zero(call.getReturnType());
                        });
            case "isValid":
                return !closed;
            case "close":
                closed = true;
                return null;
            case "isClosed":
                return closed;
            case "unwrap":
                if (((Class<?>) args[0]).isInstance(proxy)) {
                    return proxy;
                }
                throw new SQLException("not a wrapper for " + args[0]);
            case "isWrapperFor":
                return ((Class<?>) args[0]).isInstance(proxy);
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "toString":
                return "driver session";
            default:
                return zero(method.getReturnType());
        }
    }

    private Object statement(Class<? extends Statement> type, String prepared) {
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("execute")) {
                String sql = prepared != null ? prepared : (String) args[0];
                log.add(sql + (autoCommit ? " [autocommit]" : " [in transaction]"));
                inTransaction = !autoCommit;
                return name.equals("execute") ? Boolean.FALSE : zero(method.getReturnType());
            }
            if (name.equals("getConnection")) {
                return connection;
            }
            if (name.equals("unwrap")) {
                return proxy;
            }
            if (name.equals("hashCode")) {
                return System.identityHashCode(proxy);
            }
            if (name.equals("equals")) {
                return proxy == args[0];
            }
            return zero(method.getReturnType());
        });
    }

    private static Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
