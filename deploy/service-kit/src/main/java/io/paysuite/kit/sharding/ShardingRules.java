package io.paysuite.kit.sharding;

import io.paysuite.api.ids.ShardGene;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the ShardingSphere rule YAML (the {@code rules} and {@code props} of a
 * {@code YamlJDBCConfiguration}; data sources are passed as objects). Every sharded table uses
 * {@link GeneShardingAlgorithm}: {@code gene_database} picks {@code ds_N}, {@code gene_table}
 * picks {@code logic_N}.
 *
 * <h2>What every statement costs, and the props that keep it small (ShardingSphere 5.5)</h2>
 * Every statement through ShardingSphere is parsed (cached by SQL text), bound, routed, rewritten and
 * merged; only the parse can be cached, so the props below make sure nothing else is added:
 * <ul>
 *   <li>{@code sql-show: false} unless asked for: it logs the logic SQL, every actual SQL and the parse
 *       result of each statement.</li>
 *   <li>{@code check-table-metadata-enabled: false}: the check of every actual table's metadata runs at
 *       start-up only when on; the per-shard migrations already keep every shard's schema the same.</li>
 *   <li>{@code max-connections-size-per-query: 1}: a statement routed to several tables of one database
 *       (the janitors' scans, an admin query) uses one connection per database in turn, never a second
 *       connection from a pool sized for the service's own threads; single-table statements, every
 *       statement of the money path, are not affected.</li>
 *   <li>{@code kernel-executor-size: D} (the number of databases): a fan-out runs one unit per database
 *       at once, so D threads are all it can use; the default (0) is an unbounded cached pool that
 *       starts and retires threads with the janitors' rhythm.</li>
 *   <li>the {@code SQL_PARSER} rule sized to the suite: a service sends a few hundred distinct statement
 *       texts (MyBatis prepares each by its text; IN lists of other lengths are other texts), so the
 *       parsed-statement cache starts at 512 and holds at most 4096, and the parse-tree cache (used only
 *       on a statement-cache miss) 128 and 1024. Both are bounded so an unexpected flood of distinct
 *       texts costs parse time, not heap.</li>
 * </ul>
 */
public final class ShardingRules {

    private final int databases;
    private final int tables;
    private final List<String> tableRules = new ArrayList<>();
    private final Set<String> singleTables = new LinkedHashSet<>();
    /** Logic table → whether it is split into tables inside each database (else one table per database). */
    private final Map<String, Boolean> splitIntoTables = new LinkedHashMap<>();
    /** Sharded logic tables placed by an order number's gene: one of their sharding columns is an order number. */
    private final Set<String> placedByOrderNo = new LinkedHashSet<>();
    /** Logic table → its sharding columns, lower case, as the rule lists them. */
    private final Map<String, List<String>> shardingColumns = new LinkedHashMap<>();
    private boolean shadow;

    public ShardingRules(int databases, int tablesPerDatabase) {
        this.databases = databases;
        this.tables = tablesPerDatabase;
    }

    /** A logic table split into {@code tablesPerDatabase} tables in every database. */
    public ShardingRules databaseAndTableSharded(String logicTable, String shardingColumns) {
        sharded(logicTable, shardingColumns, true);
        tableRules.add("""
                    %1$s:
                      actualDataNodes: ds_${0..%2$d}.%1$s_${0..%3$d}
                      databaseStrategy:
                        complex:
                          shardingColumns: %4$s
                          shardingAlgorithmName: gene_database
                      tableStrategy:
                        complex:
                          shardingColumns: %4$s
                          shardingAlgorithmName: gene_table
                """.formatted(logicTable, databases - 1, tables - 1, shardingColumns));
        return this;
    }

    /** A logic table with one physical table of the same name in every database. */
    public ShardingRules databaseSharded(String logicTable, String shardingColumns) {
        sharded(logicTable, shardingColumns, false);
        tableRules.add("""
                    %1$s:
                      actualDataNodes: ds_${0..%2$d}.%1$s
                      databaseStrategy:
                        complex:
                          shardingColumns: %3$s
                          shardingAlgorithmName: gene_database
                      tableStrategy:
                        none:
                """.formatted(logicTable, databases - 1, shardingColumns));
        return this;
    }

    private void sharded(String logicTable, String shardingColumns, boolean split) {
        splitIntoTables.put(logicTable, split);
        List<String> columns = new ArrayList<>();
        for (String written : shardingColumns.split(",")) {
            String column = written.trim().toLowerCase(Locale.ROOT);
            columns.add(column);
            if (GeneShardingAlgorithm.ORDER_NUMBER_COLUMNS.contains(column)) {
                placedByOrderNo.add(logicTable);
            }
        }
        this.shardingColumns.put(logicTable, List.copyOf(columns));
    }

    /**
     * A table that is not sharded: it lives in {@code ds_0} only (ShardingSphere's single-table rule).
     * The migrations create it in every database, as they create everything; only ds_0's copy is used.
     */
    public ShardingRules singleTable(String logicTable) {
        singleTables.add(logicTable);
        return this;
    }

    /**
     * Load traffic goes to shadow databases: every logic data source {@code ds_N} becomes a shadow group of
     * the physical {@link #productionName production} and {@link #shadowName shadow} databases, and
     * ShardingSphere's {@code SQL_HINT} algorithm, the default for every table, sends a statement carrying
     * {@code SHADOW=true} (what {@link io.paysuite.kit.shadow.ShadowHint} writes for marked work) to the
     * shadow of the database the sharding rule chose. The sharding and single rules keep naming {@code ds_N},
     * so a row's gene places it in the same database and table on either side.
     */
    public ShardingRules withShadow() {
        this.shadow = true;
        return this;
    }

    /** The physical data source a logic {@code ds_N} names: itself, or its production database when shadowed. */
    public String physicalName(int index) {
        return shadow ? productionName(index) : dataSourceName(index);
    }

    /** The physical production database of shadow group {@code ds_N}. */
    public static String productionName(int index) {
        return dataSourceName(index) + "_production";
    }

    /** The physical shadow database of shadow group {@code ds_N}. */
    public static String shadowName(int index) {
        return dataSourceName(index) + "_shadow";
    }

    private String shadowRule() {
        if (!shadow) {
            return "";
        }
        StringBuilder yaml = new StringBuilder("- !SHADOW\n  dataSources:\n");
        for (int i = 0; i < databases; i++) {
            yaml.append("    ").append(dataSourceName(i)).append(":\n")
                    .append("      productionDataSourceName: ").append(productionName(i)).append('\n')
                    .append("      shadowDataSourceName: ").append(shadowName(i)).append('\n');
        }
        yaml.append("  defaultShadowAlgorithmName: load_test_hint\n")
                .append("  shadowAlgorithms:\n    load_test_hint:\n      type: SQL_HINT\n");
        return yaml.toString();
    }

    private String singleRule() {
        if (singleTables.isEmpty()) {
            return "";
        }
        StringBuilder yaml = new StringBuilder("- !SINGLE\n  tables:\n");
        singleTables.forEach(table -> yaml.append("  - ").append(dataSourceName(0)).append('.').append(table).append('\n'));
        return yaml.toString();
    }

    public String toYaml(boolean sqlShow) {
        return """
                databaseName: %1$s
                rules:
                - !SHARDING
                  tables:
                %2$s  shardingAlgorithms:
                    gene_database:
                      type: CLASS_BASED
                      props:
                        strategy: COMPLEX
                        algorithmClassName: %3$s
                        target: DATABASE
                        databases: %4$d
                    gene_table:
                      type: CLASS_BASED
                      props:
                        strategy: COMPLEX
                        algorithmClassName: %3$s
                        target: TABLE
                        databases: %4$d
                        tables: %5$d
                %7$s%8$s- !SQL_PARSER
                  sqlStatementCache:
                    initialCapacity: 512
                    maximumSize: 4096
                  parseTreeCache:
                    initialCapacity: 128
                    maximumSize: 1024
                props:
                  sql-show: %6$s
                  check-table-metadata-enabled: false
                  max-connections-size-per-query: 1
                  kernel-executor-size: %4$d
                """.formatted("paysuite_sharded", String.join("", tableRules),
                GeneShardingAlgorithm.class.getName(), databases, tables, sqlShow, singleRule(), shadowRule());
    }

    /**
     * Where the row of {@code logicTable} with order number {@code orderNo} lives, as {@link GeneShardingAlgorithm} routes
     * it: the database's index and the physical table's name.
     *
     * @throws IllegalArgumentException if {@code logicTable} is not a sharded table of these rules
     */
    public DirectRoute routeOf(String logicTable, String orderNo) {
        Boolean split = splitIntoTables.get(logicTable);
        if (split == null) {
            throw new IllegalArgumentException(logicTable + " is not a sharded table of " + splitIntoTables.keySet());
        }
        int gene = ShardGene.ofOrderNo(orderNo);
        return new DirectRoute(logicTable, databaseOf(gene), split ? logicTable + "_" + tableOf(gene) : logicTable);
    }

    /**
     * Where the row of {@code logicTable} whose one sharding column holds {@code key} lives, as {@link GeneShardingAlgorithm}
     * routes it: e.g. {@code trade_merchant_index} by {@code merchant_id}, whose gene is {@code ShardGene.ofKey(merchantId)}.
     *
     * @throws IllegalArgumentException if {@code logicTable} is not {@linkplain #placedByOneKey() placed by one key}
     */
    public DirectRoute routeOfKey(String logicTable, String key) {
        int gene = geneOfKey(logicTable, key);
        return new DirectRoute(logicTable, databaseOf(gene),
                splitIntoTables.get(logicTable) ? logicTable + "_" + tableOf(gene) : logicTable);
    }

    /**
     * The gene of a row of a table {@linkplain #placedByOneKey() placed by one key}: the algorithm's own derivation
     * ({@link GeneShardingAlgorithm#genes}, given the one column and its value as ShardingSphere gives them), so the
     * two cannot differ for any value.
     */
    int geneOfKey(String logicTable, String key) {
        String column = oneKeyColumn(logicTable);
        if (column == null) {
            throw new IllegalArgumentException(logicTable + " is not a table one key places: " + placedByOneKey().keySet());
        }
        if (key == null) {
            throw new IllegalArgumentException("no " + column + " to place a row of " + logicTable + " by");
        }
        return GeneShardingAlgorithm.genes(Map.of(column, List.of(key))).iterator().next();
    }

    /** Index of the physical database ({@code ds_N}) of a gene. */
    int databaseOf(int gene) {
        return ShardGene.database(gene, databases);
    }

    /** Index of the physical table ({@code logic_N}) of a gene inside its database, for tables split into tables. */
    int tableOf(int gene) {
        return ShardGene.table(gene, databases, tables);
    }

    int tablesPerDatabase() {
        return tables;
    }

    /**
     * The sharded logic tables whose rows an order number's gene places (one of their sharding columns is an order
     * number: {@code trade_no}, {@code pay_order_no}, {@code event_id}, {@code refund_no}), each with whether it is
     * split into tables inside each database. The rows of one order in these tables all live in one database, and
     * in the tables of one index.
     */
    Map<String, Boolean> placedByOrderNo() {
        Map<String, Boolean> placed = new LinkedHashMap<>();
        placedByOrderNo.forEach(table -> placed.put(table, splitIntoTables.get(table)));
        return Collections.unmodifiableMap(placed);
    }

    /** The sharded logic tables placed by another key only (e.g. {@code trade_merchant_index} by {@code merchant_id}). */
    Set<String> placedByOtherKeys() {
        Set<String> others = new LinkedHashSet<>(splitIntoTables.keySet());
        others.removeAll(placedByOrderNo);
        return Collections.unmodifiableSet(others);
    }

    /**
     * The sharded logic tables placed by exactly one sharding column that is not an order number and that
     * {@link GeneShardingAlgorithm} reads ({@code buyer_id}, {@code merchant_id}), each with that column: a row's
     * place follows from that column's value alone ({@code trade_merchant_index → merchant_id}). A table with several
     * such columns is not here: which one places a statement's row depends on the columns the statement carries.
     */
    Map<String, String> placedByOneKey() {
        Map<String, String> placed = new LinkedHashMap<>();
        for (String table : shardingColumns.keySet()) {
            String column = oneKeyColumn(table);
            if (column != null) {
                placed.put(table, column);
            }
        }
        return Collections.unmodifiableMap(placed);
    }

    /** The one sharding column, not an order number, that places {@code logicTable}'s rows; or null. */
    private String oneKeyColumn(String logicTable) {
        List<String> columns = shardingColumns.get(logicTable);
        if (columns == null || placedByOrderNo.contains(logicTable) || columns.size() != 1) {
            return null;
        }
        String column = columns.get(0);
        return GeneShardingAlgorithm.GENE_SOURCES.stream().anyMatch(source -> source.getKey().contains(column)) ? column : null;
    }

    /** Every sharded logic table, each with whether it is split into tables inside each database. */
    Map<String, Boolean> splitIntoTables() {
        return Collections.unmodifiableMap(splitIntoTables);
    }

    /** The single tables ({@link #singleTable}), all in {@code ds_0}. */
    Set<String> singleTables() {
        return Collections.unmodifiableSet(singleTables);
    }

    /** Name of the {@code i}-th physical data source. */
    public static String dataSourceName(int index) {
        return "ds_" + index;
    }
}
