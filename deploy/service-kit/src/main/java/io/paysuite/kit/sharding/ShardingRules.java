package io.paysuite.kit.sharding;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the ShardingSphere rule YAML (the {@code rules} and {@code props} of a
 * {@code YamlJDBCConfiguration}; data sources are passed as objects). Every sharded table uses
 * {@link GeneShardingAlgorithm}: {@code gene_database} picks {@code ds_N}, {@code gene_table}
 * picks {@code logic_N}.
 */
public final class ShardingRules {

    private final int databases;
    private final int tables;
    private final List<String> tableRules = new ArrayList<>();
    private final List<String> singleTables = new ArrayList<>();

    public ShardingRules(int databases, int tablesPerDatabase) {
        this.databases = databases;
        this.tables = tablesPerDatabase;
    }

    /** A logic table split into {@code tablesPerDatabase} tables in every database. */
    public ShardingRules databaseAndTableSharded(String logicTable, String shardingColumns) {
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

    /**
     * A table that is not sharded: it lives in {@code ds_0} only (ShardingSphere's single-table rule).
     * The migrations create it in every database, as they create everything; only ds_0's copy is used.
     */
    public ShardingRules singleTable(String logicTable) {
        singleTables.add(logicTable);
        return this;
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
                %7$sprops:
                  sql-show: %6$s
                """.formatted("paysuite_sharded", String.join("", tableRules),
                GeneShardingAlgorithm.class.getName(), databases, tables, sqlShow, singleRule());
    }

    /** Name of the {@code i}-th physical data source. */
    public static String dataSourceName(int index) {
        return "ds_" + index;
    }
}
