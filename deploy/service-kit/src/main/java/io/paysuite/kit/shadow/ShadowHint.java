package io.paysuite.kit.shadow;

import java.io.Closeable;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Load traffic through ShardingSphere (trade-core, pay-core): a connection taken while the mark is set
 * writes {@value #HINT} in front of every statement it runs, and ShardingSphere's shadow rule ({@code SQL_HINT}
 * algorithm, see {@code ShardingRules#shadow}) sends each such statement to the shadow of the database the
 * sharding rule chose. Everything else about routing (gene, database, table) is unchanged.
 *
 * <p>Why the hint at the JDBC edge rather than a MyBatis interceptor or the column-based {@code VALUE_MATCH}
 * algorithm: a connection taken without the mark is ShardingSphere's own, untouched (real traffic pays one
 * thread-local read per connection, not a proxy or a plugin per statement), every statement of the
 * connection is covered whoever issues it (MyBatis, a JdbcTemplate, ShedLock), and no table needs a column
 * that says "test". ShardingSphere's {@code HintManager} has no shadow switch in 5.5, so the SQL comment is
 * the documented way to say it. Marked statements are distinct texts, so they are parsed and cached apart.
 */
public final class ShadowHint extends DelegatingDataSource implements Closeable {

    /** ShardingSphere 5.5's SQL hint: the statement goes to the shadow data source. */
    public static final String HINT = "/* SHARDINGSPHERE_HINT: SHADOW=true */ ";

    /** Methods whose first argument is SQL text to be hinted (Connection and Statement alike). */
    private static final Set<String> WITH_SQL = Set.of("prepareStatement", "prepareCall", "execute", "executeQuery",
            "executeUpdate", "executeLargeUpdate", "addBatch");

    public ShadowHint(DataSource sharded) {
        super(sharded);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = obtainTargetDataSource().getConnection();
        return ShadowContext.active() ? hinting(connection) : connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Connection connection = obtainTargetDataSource().getConnection(username, password);
        return ShadowContext.active() ? hinting(connection) : connection;
    }

    /** {@code sql} as load traffic. */
    public static String hinted(String sql) {
        return sql.startsWith(HINT) ? sql : HINT + sql;
    }

    static Connection hinting(Connection connection) {
        return proxy(Connection.class, connection);
    }

    private static <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (self, method, args) -> invoke(target, method, args);
        return type.cast(Proxy.newProxyInstance(ShadowHint.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        if (args != null && args.length > 0 && args[0] instanceof String sql && WITH_SQL.contains(method.getName())) {
            args[0] = hinted(sql);
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if ("createStatement".equals(method.getName()) && result instanceof Statement statement) {
            return proxy(Statement.class, statement); // its execute(sql) and addBatch(sql) are hinted too
        }
        return result;
    }

    @Override
    public void close() throws java.io.IOException {
        if (obtainTargetDataSource() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (java.io.IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new java.io.IOException(e);
            }
        }
    }
}
