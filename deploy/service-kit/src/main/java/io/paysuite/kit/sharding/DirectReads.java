package io.paysuite.kit.sharding;

import io.paysuite.api.ids.ShardGene;
import io.paysuite.kit.shadow.ShadowContext;
import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sharded data source, with shortcuts past ShardingSphere for the statements of the payment path whose rows the
 * caller can name before they run ({@link ShardReads}):
 * <ul>
 *   <li><b>One row by its order number</b> outside any transaction ({@link #byOrderNo}): the read of a trade or a pay
 *       order, the insert of a pay order, its compare-and-set transitions run in auto-commit.</li>
 *   <li><b>One order's local transaction</b> ({@link #onShardOf}): trade-core's state change and its event row (and a
 *       refund's row), which the order number's gene places in one database and in tables of one index; and the
 *       creation of a trade, its {@code trade_order} row with its {@code TRADE_CREATED} event row.</li>
 *   <li><b>One row of a merchant index by its merchant</b> outside any transaction ({@link #byKey}): the claim (an
 *       insert whose primary key decides first or repeat) and the read of {@code trade_merchant_index} and
 *       {@code refund_merchant_index} by (merchant, merchant order or refund number), which start every creation.</li>
 *   <li><b>The single tables</b> outside any transaction ({@link #onSingleTable}): pay-core's risk counters and
 *       decisions, which live in {@code ds_0} only.</li>
 * </ul>
 * Each sets a route for the next connection taken on this thread: the connection comes from the pool of the database
 * the order number's gene names ({@link ShardingRules#routeOf}, the same arithmetic as {@link GeneShardingAlgorithm}),
 * or the key's gene ({@link ShardingRules#routeOfKey}: the algorithm's own derivation, {@code ShardGene.ofKey} of a
 * merchant id), or {@code ds_0}'s, and each statement on it has its logic tables named by their physical tables
 * ({@link PhysicalNames}). Everything else — reads by other columns, scatter queries, the janitors, statements inside
 * transactions begun elsewhere — goes through ShardingSphere as before.
 *
 * <p>Why: a profile of trade-core under payment-code load put 55 % of a read's CPU inside ShardingSphere (binding,
 * routing, rewriting, its process list and SPI lookups: only the parse is cached), 23 % in the MySQL driver and the
 * rest in MyBatis; reads of the trade by number were a quarter of trade-core's CPU. With those reads direct, a profile
 * under payment load still put about half of trade-core's CPU and a large share of pay-core's in ShardingSphere, now for
 * the writes (~20 inserts and compare-and-sets per payment, docs/benchmarks.md) and the transactions around them. The
 * route of a row, or of one order's transaction, needs none of that: it is two integer divisions.
 *
 * <p>How it stays correct:
 * <ul>
 *   <li>Only outside transaction synchronisation: inside a transaction begun elsewhere the connection is the
 *       transaction's (ShardingSphere's), and a read there must see the transaction's own writes.</li>
 *   <li>A route serves ONE connection, the first taken while it is set (the statement's, or the transaction's begin:
 *       Spring's transaction manager is bound to this data source and MyBatis reuses the transaction's connection, so
 *       every statement of the transaction runs on it); anything after it goes through ShardingSphere. The route is
 *       removed when the call returns or throws, taken or not.</li>
 *   <li>Every statement on a routed connection is checked before it is sent ({@link PhysicalNames}): on one order's
 *       shard it may name only tables that order numbers place (rewritten: {@code trade_order → trade_order_3},
 *       {@code trade_event} as it is), never a table placed by another key ({@code trade_merchant_index}), a single
 *       table or none; on {@code ds_0} only single tables; a read or write by number must name its table; a row by
 *       its key may name only its own table ({@code trade_merchant_index → trade_merchant_index_2}). A refused
 *       statement throws {@link IllegalStateException} rather than run somewhere ShardingSphere would not send it.</li>
 *   <li>What the checks cannot see is the caller's promise: every statement of a transaction pinned with
 *       {@link #onShardOf} is on rows of that order's gene (by the order's number, or numbers carrying its gene: event
 *       ids, refund numbers). A statement by another column (a buyer id) would be sent to the pinned table.</li>
 *   <li>The connection handed out is the pool's own (returned on {@code close()}, exactly once however often it is
 *       called); Hikari and the deferred auto-commit beneath it ({@link io.paysuite.kit.jdbc.DeferredAutoCommitConnection})
 *       see the same calls as under ShardingSphere: {@code setAutoCommit}, {@code commit}, the statements.</li>
 *   <li>Load traffic ({@link ShadowContext}) goes to the shadow database of the same index, where ShardingSphere's
 *       shadow rule sends a hinted statement; the shadow hint ({@link io.paysuite.kit.shadow.ShadowHint}) sits beneath
 *       this data source, on ShardingSphere's side, so routed statements carry none (a hint would be a plain comment to
 *       MySQL and MariaDB anyway).</li>
 *   <li>{@code paysuite.sharding.direct-reads=false} turns all of it off; {@code paysuite.sharding.direct-transactions=false}
 *       only the pinned transactions. Off, every statement goes through ShardingSphere as before.</li>
 * </ul>
 */
public final class DirectReads extends DelegatingDataSource implements ShardReads, Closeable {

    /** Connection methods whose first argument is SQL text. */
    private static final Set<String> CONNECTION_SQL = Set.of("prepareStatement", "prepareCall", "nativeSQL");
    /** Statement methods whose first argument is SQL text. */
    private static final Set<String> STATEMENT_SQL = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "addBatch");

    private final ThreadLocal<Pin> route = new ThreadLocal<>();
    private final ShardingRules rules;
    private final Set<String> placedByOrderNo;
    /** Tables one key places → that key's column ({@code trade_merchant_index → merchant_id}). */
    private final Map<String, String> placedByOneKey;
    private final Set<String> singleTables;
    private final PhysicalNames names;
    private final List<DataSource> production;
    private final List<DataSource> shadow;
    private final boolean enabled;
    private final boolean transactions;

    /** As below, with the pinned transactions switched like the rest. */
    public DirectReads(DataSource sharded, ShardingRules rules, List<DataSource> production, List<DataSource> shadow,
                       boolean enabled) {
        this(sharded, rules, production, shadow, enabled, enabled);
    }

    /**
     * @param sharded      ShardingSphere's data source (behind the shadow hint when shadow databases exist)
     * @param production   the physical production databases by index ({@code ds_N})
     * @param shadow       their shadows by index, or empty without shadow databases
     * @param enabled      any direct route at all ({@code paysuite.sharding.direct-reads})
     * @param transactions pinned transactions too ({@code paysuite.sharding.direct-transactions})
     */
    public DirectReads(DataSource sharded, ShardingRules rules, List<DataSource> production, List<DataSource> shadow,
                       boolean enabled, boolean transactions) {
        super(sharded);
        this.rules = rules;
        this.placedByOrderNo = Set.copyOf(rules.placedByOrderNo().keySet());
        this.placedByOneKey = Map.copyOf(rules.placedByOneKey());
        this.singleTables = Set.copyOf(rules.singleTables());
        this.names = new PhysicalNames(rules);
        this.production = List.copyOf(production);
        this.shadow = List.copyOf(shadow);
        this.enabled = enabled;
        this.transactions = enabled && transactions;
    }

    @Override
    public <T> T byOrderNo(String logicTable, String orderNo, Supplier<T> statement) {
        if (!routable(enabled)) {
            return statement.get();
        }
        if (!placedByOrderNo.contains(logicTable)) {
            throw new IllegalArgumentException(logicTable + " is not a table order numbers place: " + placedByOrderNo);
        }
        return routed(shardOf(orderNo, logicTable), statement);
    }

    @Override
    public <T> T onShardOf(String orderNo, Supplier<T> transaction) {
        if (!routable(transactions)) {
            return transaction.get();
        }
        return routed(shardOf(orderNo, null), transaction);
    }

    @Override
    public <T> T byKey(String logicTable, String key, Supplier<T> statement) {
        if (!routable(enabled)) {
            return statement.get();
        }
        String column = placedByOneKey.get(logicTable);
        if (column == null) {
            throw new IllegalArgumentException(logicTable + " is not a table one key places: " + placedByOneKey);
        }
        if (key == null) {
            return statement.get(); // no place to compute: whatever ShardingSphere does with it, as before
        }
        int gene = rules.geneOfKey(logicTable, key);
        return routed(new Pin.Keyed(rules.databaseOf(gene), rules.tableOf(gene), logicTable), statement);
    }

    @Override
    public <T> T onSingleTable(String singleTable, Supplier<T> statement) {
        if (!routable(enabled)) {
            return statement.get();
        }
        if (!singleTables.contains(singleTable)) {
            throw new IllegalArgumentException(singleTable + " is not a single table: " + singleTables);
        }
        return routed(new Pin.Single(singleTable), statement);
    }

    /** Switched on, no route set already (an outer call's), no transaction under way. */
    private boolean routable(boolean switchedOn) {
        return switchedOn && route.get() == null && !TransactionSynchronizationManager.isSynchronizationActive();
    }

    private Pin.Shard shardOf(String orderNo, String required) {
        int gene = ShardGene.ofOrderNo(orderNo);
        return new Pin.Shard(rules.databaseOf(gene), rules.tableOf(gene), required);
    }

    private <T> T routed(Pin pin, Supplier<T> work) {
        route.set(pin);
        try {
            return work.get();
        } finally {
            route.remove(); // also when no connection was taken: the next caller's connection is not ours
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Pin pin = route.get();
        if (pin == null) {
            return super.getConnection();
        }
        route.remove(); // the route serves one connection; nothing after it is routed here
        if (ShadowContext.active() && shadow.isEmpty()) {
            return super.getConnection(); // load traffic without shadow databases: whatever the sharded side does with it
        }
        List<DataSource> side = ShadowContext.active() ? shadow : production;
        return onPhysical(side.get(pin.database()).getConnection(), pin);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        if (route.get() != null) {
            throw new SQLException("a routed connection takes its pool's own credentials");
        }
        return super.getConnection(username, password);
    }

    /**
     * The pool's connection with every statement's tables named for {@code pin}; closed once, then closing again does
     * nothing (the pool's connection goes back to the pool exactly once).
     */
    private Connection onPhysical(Connection physical, Pin pin) {
        AtomicBoolean closed = new AtomicBoolean();
        InvocationHandler handler = (self, method, args) -> {
            String name = method.getName();
            if ("close".equals(name) && args == null) {
                if (closed.compareAndSet(false, true)) {
                    physical.close();
                }
                return null;
            }
            if ("isClosed".equals(name) && args == null) {
                return closed.get() || physical.isClosed();
            }
            if ("equals".equals(name) && args != null && args.length == 1) {
                return self == args[0];
            }
            if ("hashCode".equals(name) && args == null) {
                return System.identityHashCode(self);
            }
            if (CONNECTION_SQL.contains(name) && args != null && args[0] instanceof String sql) {
                args[0] = names.of(sql, pin);
            }
            Object result = invoke(physical, method, args);
            return "createStatement".equals(name) && result instanceof Statement statement
                    ? renaming(statement, (Connection) self, pin) : result;
        };
        return (Connection) Proxy.newProxyInstance(DirectReads.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    /** A plain statement of a routed connection: the SQL of each execute and batch is named for {@code pin} too. */
    private Statement renaming(Statement statement, Connection connection, Pin pin) {
        InvocationHandler handler = (self, method, args) -> {
            if (STATEMENT_SQL.contains(method.getName()) && args != null && args.length > 0 && args[0] instanceof String sql) {
                args[0] = names.of(sql, pin);
            }
            return "getConnection".equals(method.getName()) ? connection : invoke(statement, method, args);
        };
        return (Statement) Proxy.newProxyInstance(DirectReads.class.getClassLoader(), new Class<?>[] {Statement.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
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
        return "DirectReads[" + (enabled ? "on" : "off") + (transactions ? " with transactions" : "") + ", " + production.size() + " databases"
                + (shadow.isEmpty() ? "" : " and their shadows") + "]";
    }
}
