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
import java.util.ArrayList;
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
 * <p>Two pools per physical database ({@link PhysicalPools}): the single statements in auto-commit ({@link #byOrderNo},
 * {@link #byKey}, {@link #onSingleTable}) take a connection of the database's small auto-commit pool; the pinned
 * transactions ({@link #onShardOf}) one of its transaction pool, the pool ShardingSphere runs on. One pool for both made
 * nearly every transaction toggle auto-commit twice: the deferred restore beneath the pool
 * ({@link io.paysuite.kit.jdbc.DeferredAutoCommitConnection}) makes transactions that follow each other on a session
 * cost only their {@code COMMIT}, but a session that runs a read of a trade by number in auto-commit between two
 * transactions must be switched back on for it and off again for the next (trade-core's databases saw 5.61
 * {@code SET autocommit} per payment against 3.01 {@code COMMIT}s, ~4 reads of a trade by number among them). Apart,
 * the transaction pool's sessions stay at {@code autocommit=0} between transactions and the auto-commit pool's at
 * {@code autocommit=1}. Both sides have both: load traffic takes the shadow database's pools of the same kinds.
 * {@code paysuite.sharding.auto-commit-pool-size=0} puts the single statements back on the transaction pools.
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
 *   <li>Load traffic ({@link ShadowContext}) goes to the shadow database of the same index (its pool of the same kind:
 *       auto-commit for a single statement, transaction for a pinned transaction), where ShardingSphere's shadow rule
 *       sends a hinted statement; the shadow hint ({@link io.paysuite.kit.shadow.ShadowHint}) sits beneath
 *       this data source, on ShardingSphere's side, so routed statements carry none (a hint would be a plain comment to
 *       MySQL and MariaDB anyway).</li>
 *   <li>Which pool a single statement takes changes nothing it sees: each runs alone in auto-commit, so it commits
 *       before it returns, and a later statement on any connection sees it. A transaction begun inside one (not what
 *       they are for) would still be one transaction on one connection, only on the auto-commit pool.</li>
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

    private final ThreadLocal<Route> route = new ThreadLocal<>();
    private final ShardingRules rules;
    private final Set<String> placedByOrderNo;
    /** Tables one key places → that key's column ({@code trade_merchant_index → merchant_id}). */
    private final Map<String, String> placedByOneKey;
    private final Set<String> singleTables;
    private final PhysicalNames names;
    private final PhysicalPools production;
    private final PhysicalPools shadow;
    private final boolean enabled;
    private final boolean transactions;

    /** As below, with the pinned transactions switched like the rest. */
    public DirectReads(DataSource sharded, ShardingRules rules, List<DataSource> production, List<DataSource> shadow,
                       boolean enabled) {
        this(sharded, rules, production, shadow, enabled, enabled);
    }

    /** As below, one pool per database for single statements and transactions alike ({@link PhysicalPools#shared}). */
    public DirectReads(DataSource sharded, ShardingRules rules, List<DataSource> production, List<DataSource> shadow,
                       boolean enabled, boolean transactions) {
        this(sharded, rules, PhysicalPools.shared(production), PhysicalPools.shared(shadow), enabled, transactions);
    }

    /**
     * @param sharded      ShardingSphere's data source (behind the shadow hint when shadow databases exist); closing
     *                     it closes the transaction pools
     * @param production   the physical production databases' pools by index ({@code ds_N}); the auto-commit pools that
     *                     are pools of their own are closed with this data source
     * @param shadow       their shadows' pools by index, or {@link PhysicalPools#NONE} without shadow databases
     * @param enabled      any direct route at all ({@code paysuite.sharding.direct-reads})
     * @param transactions pinned transactions too ({@code paysuite.sharding.direct-transactions})
     */
    public DirectReads(DataSource sharded, ShardingRules rules, PhysicalPools production, PhysicalPools shadow,
                       boolean enabled, boolean transactions) {
        super(sharded);
        this.rules = rules;
        this.placedByOrderNo = Set.copyOf(rules.placedByOrderNo().keySet());
        this.placedByOneKey = Map.copyOf(rules.placedByOneKey());
        this.singleTables = Set.copyOf(rules.singleTables());
        this.names = new PhysicalNames(rules);
        this.production = production;
        this.shadow = shadow;
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
        return routed(new Route(shardOf(orderNo, logicTable), false), statement);
    }

    @Override
    public <T> T onShardOf(String orderNo, Supplier<T> transaction) {
        if (!routable(transactions)) {
            return transaction.get();
        }
        return routed(new Route(shardOf(orderNo, null), true), transaction);
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
        return routed(new Route(new Pin.Keyed(rules.databaseOf(gene), rules.tableOf(gene), logicTable), false), statement);
    }

    @Override
    public <T> T onSingleTable(String singleTable, Supplier<T> statement) {
        if (!routable(enabled)) {
            return statement.get();
        }
        if (!singleTables.contains(singleTable)) {
            throw new IllegalArgumentException(singleTable + " is not a single table: " + singleTables);
        }
        return routed(new Route(new Pin.Single(singleTable), false), statement);
    }

    /** Switched on, no route set already (an outer call's), no transaction under way. */
    private boolean routable(boolean switchedOn) {
        return switchedOn && route.get() == null && !TransactionSynchronizationManager.isSynchronizationActive();
    }

    private Pin.Shard shardOf(String orderNo, String required) {
        int gene = ShardGene.ofOrderNo(orderNo);
        return new Pin.Shard(rules.databaseOf(gene), rules.tableOf(gene), required);
    }

    private <T> T routed(Route next, Supplier<T> work) {
        route.set(next);
        try {
            return work.get();
        } finally {
            route.remove(); // also when no connection was taken: the next caller's connection is not ours
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Route next = route.get();
        if (next == null) {
            return super.getConnection();
        }
        route.remove(); // the route serves one connection; nothing after it is routed here
        if (ShadowContext.active() && shadow.isEmpty()) {
            return super.getConnection(); // load traffic without shadow databases: whatever the sharded side does with it
        }
        PhysicalPools side = ShadowContext.active() ? shadow : production;
        Pin pin = next.pin();
        return onPhysical(side.of(pin.database(), next.transaction()).getConnection(), pin);
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

    /**
     * Closes ShardingSphere's data source, which closes the transaction pools it was given, and the auto-commit pools of
     * their own, which ShardingSphere never saw; every pool is tried even when one fails, the first failure is thrown.
     */
    @Override
    public void close() throws IOException {
        List<Object> closing = new ArrayList<>();
        closing.add(obtainTargetDataSource());
        closing.addAll(production.ownAutoCommitPools());
        closing.addAll(shadow.ownAutoCommitPools());
        IOException failed = null;
        for (Object each : closing) {
            try {
                if (each instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            } catch (Exception e) {
                if (failed == null) {
                    failed = e instanceof IOException io ? io : new IOException(e);
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * The real database of the single tables ({@code ds_0}) as a plain data source: its transaction pool, with no
     * ShardingSphere and no route in between, whatever {@code paysuite.sharding.direct-reads} says. For a library whose
     * statements ShardingSphere cannot take at all and which runs each in a short transaction of its own: the kit's job
     * lock (ShedLock with the database's clock, {@code io.paysuite.kit.schedule.ScheduledJobsAutoConfiguration}), whose
     * {@code TIMESTAMPADD(MICROSECOND, …)} ShardingSphere's binder refuses as an unknown column. The transaction pool
     * rather than the auto-commit one: its sessions are already at {@code autocommit=0}, so such a transaction costs its
     * {@code COMMIT} and no {@code SET autocommit} ({@link PhysicalPools} says why). Never the shadow: a scheduled job
     * is not load traffic.
     */
    public DataSource singleTablesDatabase() {
        return production.transactions().get(0);
    }

    /** The pools of the real databases (for tests and diagnostics). */
    PhysicalPools production() {
        return production;
    }

    /** The pools of their shadows, {@link PhysicalPools#NONE} without shadow databases (for tests and diagnostics). */
    PhysicalPools shadow() {
        return shadow;
    }

    @Override
    public String toString() {
        return "DirectReads[" + (enabled ? "on" : "off") + (transactions ? " with transactions" : "") + ", "
                + production.transactions().size() + " databases" + (shadow.isEmpty() ? "" : " and their shadows")
                + (production.ownAutoCommitPools().isEmpty() ? "" : ", single statements on auto-commit pools") + "]";
    }

    /**
     * A route set for the next connection: where it goes, and whether it begins a pinned transaction (the database's
     * transaction pool) or runs one statement in auto-commit (its auto-commit pool).
     */
    private record Route(Pin pin, boolean transaction) {
    }
}
