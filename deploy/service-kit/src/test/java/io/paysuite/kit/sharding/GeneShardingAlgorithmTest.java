package io.paysuite.kit.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.Range;
import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ids.ShardGene;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;
import org.junit.jupiter.api.Test;

class GeneShardingAlgorithmTest {

    static final List<String> DATABASES = List.of("ds_0", "ds_1");
    static final List<String> TABLES = List.of("trade_order_0", "trade_order_1", "trade_order_2", "trade_order_3");
    static final List<String> PAY_TABLES = List.of("pay_order_0", "pay_order_1", "pay_order_2", "pay_order_3");
    static final OrderNo ORDER_NO = new OrderNo(Clock.systemUTC(), 1);

    final GeneShardingAlgorithm database = algorithm("DATABASE");
    final GeneShardingAlgorithm table = algorithm("TABLE");

    @Test
    void buyerWithGeneSevenGoesToDatabaseOneTableThree() {
        Map<String, Collection<Comparable<?>>> values = Map.of("buyer_id", List.of("10000000007"));

        assertThat(route(database, DATABASES, values)).containsExactly("ds_1");
        assertThat(route(table, TABLES, values)).containsExactly("trade_order_3");
    }

    @Test
    void everyGeneOfAnOrderNumberRoutesToExactlyTheTableShardGeneNames() {
        for (int gene = 0; gene < ShardGene.GENES; gene++) {
            Map<String, Collection<Comparable<?>>> values = Map.of("trade_no", List.of(ORDER_NO.next(OrderNo.Kind.TRADE, gene)));

            assertThat(route(database, DATABASES, values)).containsExactly("ds_" + ShardGene.database(gene, 2));
            assertThat(route(table, TABLES, values)).containsExactly("trade_order_" + ShardGene.table(gene, 2, 4));
        }
    }

    @Test
    void aPayOrderAndItsTradeRouteToTheSameTableForEveryGene() {
        for (int gene = 0; gene < ShardGene.GENES; gene++) {
            Map<String, Collection<Comparable<?>>> byPayOrder = Map.of("pay_order_no", List.of(ORDER_NO.next(OrderNo.Kind.PAY, gene)));
            Map<String, Collection<Comparable<?>>> byTrade = Map.of("trade_no", List.of(ORDER_NO.next(OrderNo.Kind.TRADE, gene)));

            assertThat(route(database, DATABASES, byPayOrder)).containsExactly("ds_" + ShardGene.database(gene, 2))
                    .isEqualTo(route(database, DATABASES, byTrade));
            assertThat(route(table, PAY_TABLES, byPayOrder)).containsExactly("pay_order_" + ShardGene.table(gene, 2, 4))
                    .isEqualTo(route(table, PAY_TABLES, byTrade));
        }
    }

    @Test
    void aBuyersTradeNumberAndBuyerIdRouteToTheSameTable() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 1000; i++) {
            String buyer = Long.toString(10_000_000_000L + random.nextInt(1_000_000_000));
            String tradeNo = ORDER_NO.next(OrderNo.Kind.TRADE, ShardGene.ofUserId(buyer));

            assertThat(route(table, TABLES, Map.of("buyer_id", List.of(buyer))))
                    .as("seed %d buyer %s", seed, buyer)
                    .isEqualTo(route(table, TABLES, Map.of("trade_no", List.of(tradeNo))));
        }
    }

    @Test
    void theOrderNumberWinsOverTheBuyerId() {
        String tradeNo = ORDER_NO.next(OrderNo.Kind.TRADE, 6); // gene 6: ds_0, table 3
        Map<String, Collection<Comparable<?>>> values = new LinkedHashMap<>();
        values.put("buyer_id", List.of("10000000007")); // gene 7: ds_1, table 3
        values.put("trade_no", List.of(tradeNo));

        assertThat(route(database, DATABASES, values)).containsExactly("ds_0");
    }

    @Test
    void anEventIdRoutesByItsGene() {
        String eventId = ORDER_NO.next(OrderNo.Kind.EVENT, 513);

        assertThat(route(database, DATABASES, Map.of("event_id", List.of(eventId)))).containsExactly("ds_1");
    }

    @Test
    void aMerchantRoutesByItsKeyGene() {
        int gene = ShardGene.ofKey("M100001");

        assertThat(route(table, List.of("trade_merchant_index_0", "trade_merchant_index_1", "trade_merchant_index_2",
                "trade_merchant_index_3"), Map.of("merchant_id", List.of("M100001"))))
                .containsExactly("trade_merchant_index_" + ShardGene.table(gene, 2, 4));
    }

    @Test
    void anInListRoutesToTheTablesOfItsValuesOnly() {
        Map<String, Collection<Comparable<?>>> values = Map.of("trade_no",
                List.of(ORDER_NO.next(OrderNo.Kind.TRADE, 0), ORDER_NO.next(OrderNo.Kind.TRADE, 8)));

        assertThat(route(table, TABLES, values)).containsExactly("trade_order_0");
    }

    @Test
    void aNullBuyerIsIgnoredInFavourOfTheTradeNumber() {
        Map<String, Collection<Comparable<?>>> values = new LinkedHashMap<>();
        values.put("trade_no", List.of(ORDER_NO.next(OrderNo.Kind.TRADE, 3)));
        values.put("buyer_id", Arrays.asList((Comparable<?>) null));

        assertThat(route(database, DATABASES, values)).containsExactly("ds_1");
    }

    @Test
    void aRangeOnlyConditionFansOutToEveryTarget() {
        ComplexKeysShardingValue<Comparable<?>> value = new ComplexKeysShardingValue<>("trade_order", Map.of(),
                Map.of("buyer_id", Range.closed("1", "2")));

        assertThat(table.doSharding(TABLES, value)).containsExactlyElementsOf(TABLES);
    }

    @Test
    void upperCaseColumnAndTableNamesRouteTheSame() {
        Map<String, Collection<Comparable<?>>> values = Map.of("BUYER_ID", List.of("10000000007"));
        ComplexKeysShardingValue<Comparable<?>> value = new ComplexKeysShardingValue<>("TRADE_ORDER", values, Map.of());

        assertThat(table.doSharding(TABLES, value)).containsExactly("trade_order_3");
    }

    private static Collection<String> route(GeneShardingAlgorithm algorithm, List<String> targets,
                                            Map<String, Collection<Comparable<?>>> values) {
        String logic = targets.get(0).substring(0, targets.get(0).lastIndexOf('_'));
        return algorithm.doSharding(targets, new ComplexKeysShardingValue<>(logic, values, Map.of()));
    }

    private static GeneShardingAlgorithm algorithm(String target) {
        Properties props = new Properties();
        props.setProperty("target", target);
        props.setProperty("databases", "2");
        props.setProperty("tables", "4");
        GeneShardingAlgorithm algorithm = new GeneShardingAlgorithm();
        algorithm.init(props);
        return algorithm;
    }
}
