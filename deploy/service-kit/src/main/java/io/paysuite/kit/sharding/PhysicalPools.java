package io.paysuite.kit.sharding;

import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * The connection pools of one side's physical databases (the real ones, or their shadows), by database index
 * ({@code ds_N}), as {@link DirectReads} takes them: the transaction pool of each database, which ShardingSphere and
 * the pinned transactions ({@link ShardReads#onShardOf}) use, and the pool the direct single statements in auto-commit
 * ({@link ShardReads#byOrderNo}, {@link ShardReads#byKey}, {@link ShardReads#onSingleTable}) use — a small pool of its
 * own, or the same pool.
 *
 * <p>Why two: a session that alternates transactions with auto-commit statements pays {@code SET autocommit=0} and
 * {@code SET autocommit=1} around each transaction, because the deferred restore beneath the pool
 * ({@link io.paysuite.kit.jdbc.DeferredAutoCommitConnection}) only saves them between transactions that follow each
 * other on one session. With the single statements on pools of their own, a transaction pool's sessions stay at
 * {@code autocommit=0} between transactions and each transaction costs its {@code COMMIT}; the auto-commit pool's
 * sessions never leave {@code autocommit=1}. In the general log of a payment-code payment, trade-core's databases saw
 * 5.61 {@code SET autocommit} against 3.01 {@code COMMIT} with one pool per database.
 *
 * @param transactions each database's transaction pool
 * @param autoCommit   each database's pool for the direct single statements: its own, or the transaction pool itself
 */
public record PhysicalPools(List<DataSource> transactions, List<DataSource> autoCommit) {

    /** No databases: the shadow side of a service without shadow databases. */
    public static final PhysicalPools NONE = shared(List.of());

    public PhysicalPools {
        transactions = List.copyOf(transactions);
        autoCommit = List.copyOf(autoCommit);
        if (transactions.size() != autoCommit.size()) {
            throw new IllegalArgumentException(transactions.size() + " transaction pools but " + autoCommit.size()
                    + " auto-commit pools: one of each per database");
        }
    }

    /** One pool per database for everything: single statements and transactions share each session (the old way). */
    public static PhysicalPools shared(List<DataSource> pools) {
        return new PhysicalPools(pools, pools);
    }

    public boolean isEmpty() {
        return transactions.isEmpty();
    }

    /** The pool of database {@code database}: its transaction pool for a pinned transaction, else its auto-commit one. */
    DataSource of(int database, boolean transaction) {
        return (transaction ? transactions : autoCommit).get(database);
    }

    /** The auto-commit pools that are pools of their own: those are {@link DirectReads}' to close. */
    List<DataSource> ownAutoCommitPools() {
        return IntStream.range(0, autoCommit.size())
                .filter(i -> autoCommit.get(i) != transactions.get(i))
                .mapToObj(autoCommit::get)
                .toList();
    }
}
