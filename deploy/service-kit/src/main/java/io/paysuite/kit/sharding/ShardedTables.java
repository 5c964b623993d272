package io.paysuite.kit.sharding;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What a sharded service declares about itself: its logic tables with their sharding columns,
 * and the prefix of its connection pools' names ({@code <prefix>-ds_N}, which is what the pool
 * metrics are tagged with). A service that sets {@code paysuite.sharding.urls} defines exactly one
 * of these as a bean; {@link ShardingAutoConfiguration} builds the data source from it.
 *
 * @param poolPrefix the pools' name prefix, e.g. {@code trade}
 * @param tables     adds the service's logic tables to the rules it is given
 */
public record ShardedTables(String poolPrefix, UnaryOperator<ShardingRules> tables) {

    public ShardedTables {
        Objects.requireNonNull(poolPrefix);
        Objects.requireNonNull(tables);
    }

    ShardingRules rules(int databases, int tablesPerDatabase) {
        return tables.apply(new ShardingRules(databases, tablesPerDatabase));
    }
}
