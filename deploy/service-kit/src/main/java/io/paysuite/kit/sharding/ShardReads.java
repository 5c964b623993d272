package io.paysuite.kit.sharding;

import java.util.function.Supplier;

/**
 * Statements that may skip ShardingSphere because their caller knows where their rows are (see {@link DirectReads}): one
 * order's row by its number (a read, an insert, a compare-and-set), one order's local transaction, one row of a table
 * another key places by that key (a merchant index), a single table's statement. Each runs as it is, through
 * ShardingSphere, inside a transaction already under way, when switched off, or with {@link #THROUGH_SHARDING}. The name is the first use's (reads); the interface stays small and internal to the
 * sharded services.
 */
public interface ShardReads {

    /** Runs everything through the sharded data source as it is (tests, services without direct routes). */
    ShardReads THROUGH_SHARDING = new ShardReads() {
        @Override
        public <T> T byOrderNo(String logicTable, String orderNo, Supplier<T> statement) {
            return statement.get();
        }
    };

    /**
     * Runs {@code statement} — ONE statement on the row of {@code logicTable} that {@code orderNo} places: a read, an
     * insert, a compare-and-set UPDATE, run in auto-commit — on the physical table that row lives in when no
     * transaction is under way; otherwise as it is. Only the first connection taken inside is routed, so a second
     * statement in {@code statement} goes through ShardingSphere.
     *
     * @param logicTable a table the order number's gene places (its sharding columns include an order number)
     */
    <T> T byOrderNo(String logicTable, String orderNo, Supplier<T> statement);

    /**
     * Runs {@code transaction} — work that begins ONE local transaction (e.g. through Spring's transaction manager) in
     * which every statement is on rows of {@code orderNo}'s shard: that order's rows, and rows whose numbers carry its
     * gene (its events, its refunds) — on that shard's physical database, every table the gene places named by its
     * physical table; otherwise (called inside a transaction, switched off) as it is. Must be called outside any
     * transaction: the transaction's first connection is the routed one, and the transaction reuses it. A statement
     * that names a table placed by another key, a single table or no sharded table is refused
     * ({@link IllegalStateException}) instead of run unrouted. The route is gone when this returns or throws, whether
     * or not a connection was taken.
     */
    default <T> T onShardOf(String orderNo, Supplier<T> transaction) {
        return transaction.get();
    }

    /**
     * Runs {@code statement} — ONE statement on the row of {@code logicTable} that {@code key} places, where
     * {@code logicTable} is placed by one sharding column that is not an order number and {@code key} is that column's
     * value (the merchant index: {@code trade_merchant_index} by {@code merchant_id}) — on the physical table
     * ShardingSphere would send it to ({@link ShardingRules#routeOfKey}) when no transaction is under way; otherwise,
     * or with a null {@code key}, as it is. Like {@link #byOrderNo}: an insert (first or repeat decided by the unique
     * key), a read, in auto-commit; only the first connection taken inside is routed; a statement naming another table,
     * or not naming {@code logicTable}, is refused ({@link IllegalStateException}).
     *
     * @param logicTable a table whose rows one key places, e.g. {@code trade_merchant_index}
     * @param key        the value of its sharding column in the statement, e.g. the merchant id
     */
    default <T> T byKey(String logicTable, String key, Supplier<T> statement) {
        return statement.get();
    }

    /**
     * Runs {@code statement} — one statement on single tables naming {@code singleTable} (they live in {@code ds_0}
     * only) — on {@code ds_0}'s pool when no transaction is under way; otherwise as it is. A statement naming a sharded
     * table there is refused ({@link IllegalStateException}).
     */
    default <T> T onSingleTable(String singleTable, Supplier<T> statement) {
        return statement.get();
    }
}
