package io.paysuite.kit.sharding;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The physical databases behind a service's sharded tables. {@code urls[i]} is physical database
 * {@code ds_i}; the order of the list is part of the placement rule (see
 * {@link GeneShardingAlgorithm}) and must never be reordered.
 *
 * @param urls              JDBC URLs of the physical databases, {@code ds_0} first
 * @param username          user for every physical database
 * @param password          password for every physical database (may be empty locally)
 * @param tablesPerDatabase physical tables per logic table in each database
 * @param poolSize          maximum Hikari pool size per physical database
 * @param sqlShow           log every logic and actual SQL statement (ShardingSphere {@code sql-show})
 * @param directReads       statements whose rows the caller names skip ShardingSphere ({@link DirectReads}): one row by its
 *                          order number outside a transaction, one order's transaction, a merchant index's row by its
 *                          merchant outside a transaction, the single tables; false: none
 * @param directTransactions with {@code directReads}, one order's local transaction skips it too ({@link ShardReads#onShardOf});
 *                          false: those transactions go through ShardingSphere, the rest stays direct
 * @param autoCommitPoolSize with {@code directReads}, maximum connections of each physical database's pool for the direct
 *                          single statements in auto-commit (reads and writes by order number, the merchant index's rows
 *                          by merchant, the single tables), beside its transaction pool of {@code poolSize}; its shadow
 *                          gets one as large, holding nothing while no load test runs ({@link PhysicalPools} says why).
 *                          0: those statements share the transaction pools, as before. Counts against the server's
 *                          {@code max_connections} like {@code poolSize}: per instance, databases x (poolSize + this)
 */
@Validated
@ConfigurationProperties("paysuite.sharding")
public record ShardingProperties(
        @NotEmpty List<String> urls,
        String username,
        String password,
        @DefaultValue("4") @Min(1) @Max(64) int tablesPerDatabase,
        @DefaultValue("10") @Min(1) int poolSize,
        @DefaultValue("false") boolean sqlShow,
        @DefaultValue("true") boolean directReads,
        @DefaultValue("true") boolean directTransactions,
        @DefaultValue("4") @Min(0) int autoCommitPoolSize) {

    public ShardingProperties {
        urls = urls == null ? List.of() : List.copyOf(urls);
        password = password == null ? "" : password;
    }

    public int databases() {
        return urls.size();
    }

    /** Whether each physical database gets an auto-commit pool of its own for the direct single statements. */
    public boolean separateAutoCommitPools() {
        return directReads && autoCommitPoolSize > 0;
    }
}
