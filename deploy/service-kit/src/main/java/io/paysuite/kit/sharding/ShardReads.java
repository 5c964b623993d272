package io.paysuite.kit.sharding;

import java.util.function.Supplier;

/**
 * Reads of one row by its order number that may skip ShardingSphere (see {@link DirectReads}).
 */
public interface ShardReads {

    /** Runs every read through the sharded data source as it is (tests, services without direct reads). */
    ShardReads THROUGH_SHARDING = new ShardReads() {
        @Override
        public <T> T byOrderNo(String logicTable, String orderNo, Supplier<T> read) {
            return read.get();
        }
    };

    /**
     * Runs {@code read}, whose first statement must be a single-table read of {@code logicTable} by {@code orderNo}'s row,
     * on the physical table that row lives in when no transaction is under way; otherwise as it is.
     */
    <T> T byOrderNo(String logicTable, String orderNo, Supplier<T> read);
}
