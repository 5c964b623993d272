package io.paysuite.kit.sharding;

/**
 * Where one row of a sharded logic table lives, computed from its order number ({@link ShardingRules#routeOf}) or from
 * the one key that places it ({@link ShardingRules#routeOfKey}) the way {@link GeneShardingAlgorithm} routes it.
 *
 * @param logicTable    the table as statements name it, e.g. {@code trade_order}
 * @param database      index of the physical database ({@code ds_N})
 * @param physicalTable the table in that database, e.g. {@code trade_order_3}
 */
public record DirectRoute(String logicTable, int database, String physicalTable) {
}
