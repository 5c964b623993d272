package io.paysuite.kit.sharding;

import io.paysuite.kit.shadow.ShadowContext;
import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sharded data source, with a shortcut for the hottest statement of a sharded service: one row read by its order
 * number outside any transaction (a trade, a pay order). Such a read is routed here, without ShardingSphere: the
 * order number's gene names the database and the table ({@link ShardingRules#routeOf}, the same arithmetic as
 * {@link GeneShardingAlgorithm}), the connection is taken from that database's pool, and the statement's logic table
 * name is replaced by the physical one. Everything else — writes, transactions, reads by other columns, scatter
 * queries — goes through ShardingSphere as before.
 *
 * <p>Why: a profile of trade-core under payment-code load put 55 % of a read's CPU inside ShardingSphere (binding,
 * routing, rewriting, its process list and SPI lookups: only the parse is cached), 23 % in the MySQL driver and the
 * rest in MyBatis; reads of the trade by number were a quarter of trade-core's CPU. The route of a row read by its
 * number needs none of that: it is two integer divisions.
 *
 * <p>How it stays correct:
 * <ul>
 *   <li>Only outside transaction synchronisation: inside a transaction the connection is the transaction's
 *       (ShardingSphere's), and a read there must see the transaction's own writes.</li>
 *   <li>The route serves ONE connection, the first taken while it is set (the read's); anything after it in the same
 *       call goes through ShardingSphere.</li>
 *   <li>A statement that does not name the routed logic table is refused ({@link IllegalStateException}) rather than
 *       run somewhere unrouted: a programming error, loud in the first test.</li>
 *   <li>Load traffic ({@link ShadowContext}) reads from the shadow database of the same index, as ShardingSphere's
 *       shadow rule would send it.</li>
 *   <li>{@code paysuite.sharding.direct-reads=false} turns it off: every read goes through ShardingSphere.</li>
 * </ul>
 */
public final class DirectReads extends DelegatingDataSource implements ShardReads, Closeable {

    private static final Set<String> WITH_SQL = Set.of("prepareStatement", "prepareCall");

    private final ThreadLocal<DirectRoute> route = new ThreadLocal<>();
    private final ShardingRules rules;
    private final List<DataSource> production;
    private final List<DataSource> shadow;
    private final boolean enabled;
    /** Rewritten statements by physical table and logic SQL: a service has a handful of each. */
    private final ConcurrentMap<String, String> rewritten = new ConcurrentHashMap<>();

    /**
     * @param sharded    ShardingSphere's data source (behind the shadow hint when shadow databases exist)
     * @param production the physical production databases by index ({@code ds_N})
     * @param shadow     their shadows by index, or empty without shadow databases
     */
    public DirectReads(DataSource sharded, ShardingRules rules, List<DataSource> production, List<DataSource> shadow,
                       boolean enabled) {
        super(sharded);
        this.rules = rules;
        this.production = List.copyOf(production);
        this.shadow = List.copyOf(shadow);
        this.enabled = enabled;
    }

    @Override
    public <T> T byOrderNo(String logicTable, String orderNo, Supplier<T> read) {
        if (!enabled || route.get() != null || TransactionSynchronizationManager.isSynchronizationActive()) {
            return read.get();
        }
        route.set(rules.routeOf(logicTable, orderNo));
        try {
            return read.get();
        } finally {
            route.remove();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        DirectRoute routed = route.get();
        if (routed == null) {
            return super.getConnection();
        }
        route.remove(); // the read's one connection; nothing after it is routed here
        if (ShadowContext.active() && shadow.isEmpty()) {
            return super.getConnection(); // load traffic without shadow databases: whatever the sharded side does with it
        }
        List<DataSource> side = ShadowContext.active() ? shadow : production;
        return onPhysical(side.get(routed.database()).getConnection(), routed);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        if (route.get() != null) {
            throw new SQLException("a routed read takes its pool's own credentials");
        }
        return super.getConnection(username, password);
    }

    /** The statement with the routed logic table named by its physical table. */
    String rewrite(String sql, DirectRoute route) {
        return rewritten.computeIfAbsent(route.physicalTable() + '\0' + sql, key -> {
            Matcher named = Pattern.compile("\\b" + Pattern.quote(route.logicTable()) + "\\b", Pattern.CASE_INSENSITIVE)
                    .matcher(sql);
            if (!named.find()) {
                throw new IllegalStateException("a read routed to " + route.logicTable() + " does not name it: " + sql);
            }
            return named.replaceAll(Matcher.quoteReplacement(route.physicalTable()));
        });
    }

    private Connection onPhysical(Connection physical, DirectRoute route) {
        InvocationHandler handler = (self, method, args) -> {
            if (args != null && args.length > 0 && args[0] instanceof String sql && WITH_SQL.contains(method.getName())) {
                args[0] = rewrite(sql, route);
            }
            try {
                return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(DirectReads.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    @Override
    public void close() throws IOException {
        if (obtainTargetDataSource() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    @Override
    public String toString() {
        return "DirectReads[" + (enabled ? "on" : "off") + ", " + production.size() + " databases"
                + (shadow.isEmpty() ? "" : " and their shadows") + "]";
    }
}
