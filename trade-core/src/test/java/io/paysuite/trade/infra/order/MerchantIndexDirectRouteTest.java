package io.paysuite.trade.infra.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.exceptions.ExceptionFactory;
import com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping;
import io.paysuite.api.ids.ShardGene;
import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.kit.sharding.DirectReads;
import io.paysuite.kit.sharding.GeneShardingAlgorithm;
import io.paysuite.trade.config.RecordedShards;
import io.paysuite.trade.infra.refund.RefundMapper;
import io.paysuite.trade.infra.refund.ShardedRefundRepository;
import io.paysuite.trade.order.MerchantOrderEntry;
import io.paysuite.trade.refund.RefundRepository;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * The merchant indexes' claim and read, which start every creation, go past ShardingSphere to the physical table the
 * merchant's gene names — the one ShardingSphere's configured algorithm ({@link GeneShardingAlgorithm}) would pick —
 * through the real mappers, MyBatis and Spring's exception translation, over trade-core's own rules; and the duplicate
 * entry the driver then raises unwrapped still decides "a repeat".
 */
class MerchantIndexDirectRouteTest {

    /** {@code ShardGene.ofKey("M100004")} = 62: database 62 % 2 = 0, table (62 / 2) % 4 = 3. */
    static final String MERCHANT = "M100004";
    static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");
    static final MerchantOrderEntry ENTRY = new MerchantOrderEntry(MERCHANT, "ORDER-1", "T2026120710000000000010007",
            "d".repeat(64), AT);

    final RecordedShards shards = new RecordedShards();
    final DirectReads reads = shards.reads(true);
    final SqlSessionTemplate mybatis = RecordedShards.mybatis(reads, MerchantIndexMapper.class, RefundMapper.class);
    final ShardedMerchantOrderIndex index = new ShardedMerchantOrderIndex(mybatis.getMapper(MerchantIndexMapper.class), reads);
    final ShardedRefundRepository refunds = new ShardedRefundRepository(mybatis.getMapper(RefundMapper.class), reads);

    @Test
    void theClaimAndTheReadOfAMerchantOrderGoToTheMerchantsPhysicalTable() {
        assertThat(ShardGene.ofKey(MERCHANT)).isEqualTo(62);
        assertThat(index.claim(ENTRY)).isEmpty();
        assertThat(index.find(MERCHANT, "ORDER-1")).isEmpty();

        assertThat(shards.statements).containsExactly(
                "ds_0: INSERT INTO trade_merchant_index_3 (merchant_id, out_trade_no, trade_no, request_digest, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                "ds_0: SELECT merchant_id, out_trade_no, trade_no, request_digest, created_at FROM trade_merchant_index_3"
                        + " WHERE merchant_id = ? AND out_trade_no = ?");
        assertThat(shards.ends).as("each in auto-commit, its connection back at once").containsExactly("ds_0: close", "ds_0: close");
    }

    @Test
    void everyMerchantsIndexRowGoesWhereShardingSpheresAlgorithmPutsIt() {
        GeneShardingAlgorithm databases = algorithm("DATABASE");
        GeneShardingAlgorithm tables = algorithm("TABLE");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> merchants = IntStream.range(0, 500)
                .mapToObj(i -> i % 3 == 0 ? "M" + (100_000 + i) : i % 3 == 1 ? Long.toString(random.nextLong()) : "mch-" + random.nextInt())
                .toList();
        for (String merchant : merchants) {
            shards.statements.clear();
            index.claim(new MerchantOrderEntry(merchant, "ORDER-1", ENTRY.tradeNo(), ENTRY.requestDigest(), AT));
            index.find(merchant, "ORDER-1");
            refunds.claim(merchant, "REFUND-1", "R2026120710000000000010007", "d".repeat(64), AT);
            refunds.findClaim(merchant, "REFUND-1");

            String database = shard(databases, "trade_merchant_index", merchant, List.of("ds_0", "ds_1"));
            String index = shard(tables, "trade_merchant_index", merchant, tableNames("trade_merchant_index"));
            String refundIndex = shard(tables, "refund_merchant_index", merchant, tableNames("refund_merchant_index"));
            assertThat(shards.statements).as("seed %d, merchant %s", seed, merchant).hasSize(4)
                    .allSatisfy(sent -> assertThat(sent).startsWith(database + ": "))
                    .satisfies(sent -> {
                        assertThat(sent.get(0)).contains("INSERT INTO " + index + " (");
                        assertThat(sent.get(1)).contains("FROM " + index + " WHERE");
                        assertThat(sent.get(2)).contains("INSERT INTO " + refundIndex + " (");
                        assertThat(sent.get(3)).contains("FROM " + refundIndex + " WHERE");
                    });
        }
    }

    @Test
    void aDuplicateEntryTheDriverRaisesOnTheDirectRouteIsARepeatThatAnswersTheFirstClaim() {
        shards.failNext(sql -> sql.startsWith("INSERT INTO trade_merchant_index_3"), duplicateEntryAsConnectorJRaisesIt());
        shards.answer(sql -> sql.contains("FROM trade_merchant_index_3"), List.of(Map.of("merchant_id", MERCHANT,
                "out_trade_no", "ORDER-1", "trade_no", "T2026120709590000000010007", "request_digest", "e".repeat(64),
                "created_at", LocalDateTime.ofInstant(AT.minusSeconds(5), ZoneOffset.UTC))));

        Optional<MerchantOrderEntry> earlier = index.claim(ENTRY);

        assertThat(earlier).contains(new MerchantOrderEntry(MERCHANT, "ORDER-1", "T2026120709590000000010007",
                "e".repeat(64), AT.minusSeconds(5)));
        assertThat(shards.statements).hasSize(2).allSatisfy(sent -> assertThat(sent).startsWith("ds_0: ")
                .contains("trade_merchant_index_3"));
    }

    @Test
    void springTranslatesTheDriversDuplicateEntryToADuplicateKeyAndTheKitReadsItAsOne() {
        SQLException driver = duplicateEntryAsConnectorJRaisesIt();
        assertThat((Throwable) driver).isInstanceOf(SQLIntegrityConstraintViolationException.class);
        assertThat(driver.getErrorCode()).isEqualTo(1062);
        assertThat(driver.getSQLState()).isEqualTo("23000");
        shards.failNext(sql -> sql.startsWith("INSERT INTO trade_merchant_index_3"), driver);
        MerchantIndexDO row = new MerchantIndexDO();
        row.merchantId = MERCHANT;
        row.outTradeNo = "ORDER-1";

        assertThatThrownBy(() -> reads.byKey("trade_merchant_index", MERCHANT,
                () -> mybatis.getMapper(MerchantIndexMapper.class).insert(row)))
                .isInstanceOf(DuplicateKeyException.class).hasRootCause(driver)
                .satisfies(thrown -> assertThat(io.paysuite.kit.jdbc.DuplicateKey.isCause(thrown)).isTrue());
    }

    @Test
    void aRefundClaimTheDriverReportsTakenAnswersTheFirstRefund() {
        shards.failNext(sql -> sql.startsWith("INSERT INTO refund_merchant_index_3"), duplicateEntryAsConnectorJRaisesIt());
        shards.answer(sql -> sql.contains("FROM refund_merchant_index_3"),
                List.of(Map.of("refund_no", "R2026120709590000000010007", "request_digest", "e".repeat(64))));

        assertThat(refunds.claim(MERCHANT, "REFUND-1", "R2026120710000000000010007", "d".repeat(64), AT))
                .contains(new RefundRepository.Claim("R2026120709590000000010007", "e".repeat(64)));
        assertThat(shards.statements).hasSize(2).allSatisfy(sent -> assertThat(sent).startsWith("ds_0: ")
                .contains("refund_merchant_index_3"));
    }

    @Test
    void anotherIntegrityViolationOnTheDirectRouteStaysAnError() {
        shards.failNext(sql -> sql.startsWith("INSERT INTO trade_merchant_index_3"), connectorJ("Column 'trade_no' cannot be null",
                "23000", 1048));

        assertThatThrownBy(() -> index.claim(ENTRY)).isInstanceOf(DataIntegrityViolationException.class)
                .isNotInstanceOf(DuplicateKeyException.class);
        assertThat(shards.statements).as("no read of a claim that is not there").hasSize(1);
    }

    @Test
    void switchedOffTheIndexGoesThroughShardingSphere() {
        DirectReads off = shards.reads(false);
        SqlSessionTemplate overOff = RecordedShards.mybatis(off, MerchantIndexMapper.class);
        ShardedMerchantOrderIndex throughSharding = new ShardedMerchantOrderIndex(overOff.getMapper(MerchantIndexMapper.class), off);

        throughSharding.claim(ENTRY);
        throughSharding.find(MERCHANT, "ORDER-1");

        assertThat(shards.statements).hasSize(2).allSatisfy(sent -> assertThat(sent).startsWith("sharded: ")
                .contains("trade_merchant_index ").doesNotContain("trade_merchant_index_"));
    }

    @Test
    void loadTrafficClaimsOnTheShadowOfTheMerchantsDatabase() {
        try (ShadowContext.Scope marked = ShadowContext.enter()) {
            index.claim(ENTRY);
            refunds.findClaim(MERCHANT, "REFUND-1");
        }

        assertThat(shards.statements).hasSize(2);
        assertThat(shards.statements.get(0)).startsWith("ds_0_shadow: INSERT INTO trade_merchant_index_3 (");
        assertThat(shards.statements.get(1)).startsWith("ds_0_shadow: SELECT refund_no, request_digest FROM refund_merchant_index_3");
    }

    /** ER_DUP_ENTRY as Connector/J makes it from the server's error packet, and hands it to its caller. */
    static SQLException duplicateEntryAsConnectorJRaisesIt() {
        return connectorJ("Duplicate entry 'M100004-ORDER-1' for key 'PRIMARY'", "23000", 1062);
    }

    private static SQLException connectorJ(String message, String sqlState, int errorCode) {
        return SQLExceptionsMapping.translateException(ExceptionFactory.createException(message, sqlState, errorCode, false, null, null));
    }

    private static String shard(GeneShardingAlgorithm algorithm, String logicTable, String merchant, List<String> available) {
        Map<String, Collection<Comparable<?>>> values = Map.of("merchant_id", List.of(merchant));
        Collection<String> routed = algorithm.doSharding(available, new ComplexKeysShardingValue<>(logicTable, values, Map.of()));
        assertThat(routed).hasSize(1);
        return routed.iterator().next();
    }

    private static List<String> tableNames(String logicTable) {
        return IntStream.range(0, 4).mapToObj(i -> logicTable + "_" + i).toList();
    }

    /** The algorithm as trade-core's rules configure it for 2 databases of 4 tables ({@code ShardingRules.toYaml}). */
    private static GeneShardingAlgorithm algorithm(String target) {
        GeneShardingAlgorithm algorithm = new GeneShardingAlgorithm();
        Properties props = new Properties();
        props.setProperty("target", target);
        props.setProperty("databases", "2");
        props.setProperty("tables", "4");
        algorithm.init(props);
        return algorithm;
    }
}
