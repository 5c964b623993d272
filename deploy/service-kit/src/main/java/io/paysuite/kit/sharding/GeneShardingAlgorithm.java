package io.paysuite.kit.sharding;

import io.paysuite.api.ids.ShardGene;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingAlgorithm;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;

/**
 * Routes a row by its shard gene (ShardingSphere {@code CLASS_BASED}, strategy {@code COMPLEX}).
 * {@code CLASS_BASED} names this class in the rule itself ({@link ShardingRules}), so no SPI
 * registration is needed and the rule cannot drift from the class.
 *
 * <h2>Where a row goes</h2>
 * With {@code D} physical databases ({@code paysuite.sharding.urls}, {@code D = 2} locally) and
 * {@code T} tables per database ({@code paysuite.sharding.tables-per-database}, {@code T = 4}):
 * <pre>
 *   database = ds_{gene % D}                → urls[gene % D], e.g. paysuite_trade_{gene % 2}
 *   table    = {logic}_{(gene / D) % T}      e.g. trade_order_{(gene / 2) % 4}
 * </pre>
 * exactly {@link ShardGene#database} and {@link ShardGene#table}. The gene comes from the first
 * kind of sharding column present in the statement, in this order:
 * <ol>
 *   <li>an order number column ({@code trade_no}, {@code pay_order_no}, {@code event_id}):
 *       {@link ShardGene#ofOrderNo}, its last four digits;</li>
 *   <li>{@code buyer_id}: {@link ShardGene#ofUserId};</li>
 *   <li>{@code merchant_id}: {@link ShardGene#ofKey}.</li>
 * </ol>
 * Order numbers win because a trade created without a buyer takes its gene from the merchant
 * order number, not from a buyer who pays later; its number is the truth about where it lives.
 *
 * <h2>Every sharded table, with the local layout (D = 2, T = 4), g = the row's gene</h2>
 * <pre>
 *   trade-core  trade_order           paysuite_trade_{g % 2}.trade_order_{(g / 2) % 4}
 *                                     g = gene of trade_no = ShardGene.ofUserId(buyer_id) when the trade was
 *                                     created with a buyer, else ShardGene.ofKey(merchant_id + "|" + out_trade_no)
 *               trade_merchant_index  paysuite_trade_{g % 2}.trade_merchant_index_{(g / 2) % 4}
 *                                     g = ShardGene.ofKey(merchant_id)
 *               trade_event           paysuite_trade_{g % 2}.trade_event (one table per database)
 *                                     g = gene of event_id = gene of trade_no (same database as the trade)
 *   pay-core    pay_order             paysuite_pay_{g % 2}.pay_order_{(g / 2) % 4}
 *                                     g = gene of pay_order_no = gene of its trade_no
 * </pre>
 * Example: buyer {@code 10000000007} has gene {@code 10000000007 mod 1024 = 7}; its trades are in
 * {@code paysuite_trade_1.trade_order_3} (7 % 2 = 1, (7 / 2) % 4 = 3), their events in
 * {@code paysuite_trade_1.trade_event}, their pay orders in {@code paysuite_pay_1.pay_order_3}, and
 * every one of those numbers ends in {@code 0007}.
 *
 * <p>Equality and {@code IN} conditions route to exactly the tables of their values. A statement
 * with only range conditions on sharding columns is routed to every target (admin queries only);
 * ShardingSphere routes a statement without any sharding condition to every target without
 * calling this class.
 *
 * <p>Props: {@code target} ({@code DATABASE} or {@code TABLE}), {@code databases} (D),
 * {@code tables} (T, only for {@code TABLE}).
 */
public final class GeneShardingAlgorithm implements ComplexKeysShardingAlgorithm<Comparable<?>> {

    /** The sharding columns that hold an order number, which carries its gene in its last digits. */
    static final Set<String> ORDER_NUMBER_COLUMNS = Set.of("trade_no", "pay_order_no", "event_id", "refund_no");

    /** Sharding columns by how they carry the gene, in order of precedence. */
    static final List<Map.Entry<Set<String>, ToIntFunction<String>>> GENE_SOURCES = List.of(
            Map.entry(ORDER_NUMBER_COLUMNS, ShardGene::ofOrderNo),
            Map.entry(Set.of("buyer_id"), ShardGene::ofUserId),
            Map.entry(Set.of("merchant_id"), ShardGene::ofKey));

    enum Target { DATABASE, TABLE }

    private Target target;
    private int databases;
    private int tables;

    @Override
    public void init(Properties props) {
        target = Target.valueOf(required(props, "target").toUpperCase(Locale.ROOT));
        databases = Integer.parseInt(required(props, "databases"));
        tables = target == Target.TABLE ? Integer.parseInt(required(props, "tables")) : 1;
        if (databases < 1 || tables < 1) {
            throw new IllegalArgumentException("databases and tables must be positive: " + props);
        }
    }

    @Override
    public Collection<String> doSharding(Collection<String> availableTargetNames,
                                         ComplexKeysShardingValue<Comparable<?>> shardingValue) {
        Set<Integer> genes = genes(shardingValue.getColumnNameAndShardingValuesMap());
        if (genes.isEmpty()) {
            return availableTargetNames; // range-only or null conditions: fan out (admin queries)
        }
        Set<String> routed = new LinkedHashSet<>();
        for (int gene : genes) {
            String name = targetName(shardingValue.getLogicTableName(), gene);
            routed.add(availableTargetNames.stream().filter(name::equalsIgnoreCase).findFirst()
                    .orElseThrow(() -> new IllegalStateException("gene " + gene + " routes to " + name
                            + " which is not among " + availableTargetNames)));
        }
        return routed;
    }

    /** The physical database ({@code ds_N}) or table ({@code logic_N}) of a gene. */
    String targetName(String logicTable, int gene) {
        return switch (target) {
            case DATABASE -> "ds_" + ShardGene.database(gene, databases);
            case TABLE -> logicTable.toLowerCase(Locale.ROOT) + "_" + ShardGene.table(gene, databases, tables);
        };
    }

    static Set<Integer> genes(Map<String, ? extends Collection<? extends Comparable<?>>> valuesByColumn) {
        for (Map.Entry<Set<String>, ToIntFunction<String>> source : GENE_SOURCES) {
            Set<Integer> genes = new LinkedHashSet<>();
            valuesByColumn.forEach((column, values) -> {
                if (source.getKey().contains(column.toLowerCase(Locale.ROOT))) {
                    for (Comparable<?> value : values) {
                        if (value != null) {
                            genes.add(source.getValue().applyAsInt(value.toString()));
                        }
                    }
                }
            });
            if (!genes.isEmpty()) {
                return genes;
            }
        }
        return Set.of();
    }

    private static String required(Properties props, String key) {
        String value = props.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("GeneShardingAlgorithm needs prop '" + key + "'");
        }
        return value.trim();
    }
}
