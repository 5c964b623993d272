package io.paysuite.kit.sharding;

/**
 * Where the next connection taken from {@link DirectReads} on this thread goes, and which statements it may run:
 * set by {@link ShardReads#byOrderNo}, {@link ShardReads#onShardOf}, {@link ShardReads#byKey} or
 * {@link ShardReads#onSingleTable}, consumed by the first {@code getConnection()} while it is set.
 */
sealed interface Pin {

    /** Index of the physical database ({@code ds_N}) the connection comes from. */
    int database();

    /**
     * One order's shard: every logic table its gene places is named by its physical table of index {@code table}
     * ({@code trade_order → trade_order_3}; a table with one copy per database keeps its name).
     *
     * @param required the logic table every statement must name, or null
     */
    record Shard(int database, int table, String required) implements Pin {
    }

    /**
     * One row of a table placed by another key than an order number ({@code trade_merchant_index} by {@code merchant_id}):
     * only that table, named by its physical table of index {@code table} ({@code trade_merchant_index_2}).
     *
     * @param required the logic table every statement must name, and the only table it may name
     */
    record Keyed(int database, int table, String required) implements Pin {
    }

    /**
     * The single tables, which live in {@code ds_0} only; their names stay as they are.
     *
     * @param required the single table every statement must name
     */
    record Single(String required) implements Pin {

        @Override
        public int database() {
            return 0;
        }
    }
}
