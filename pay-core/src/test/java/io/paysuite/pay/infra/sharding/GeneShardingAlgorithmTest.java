package io.paysuite.pay.infra.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.ids.OrderNo;
import io.paysuite.api.ids.ShardGene;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;
import org.junit.jupiter.api.Test;

class GeneShardingAlgorithmTest {

    static final List<String> DATABASES = List.of("ds_0", "ds_1");
    static final List<String> TABLES = List.of("pay_order_0", "pay_order_1", "pay_order_2", "pay_order_3");
    static final OrderNo ORDER_NO = new OrderNo(Clock.systemUTC(), 1);

    final GeneShardingAlgorithm database = algorithm("DATABASE");
    final GeneShardingAlgorithm table = algorithm("TABLE");

    @Test
    void aPayOrderAndItsTradeRouteToTheSameTableForEveryGene() {
        for (int gene = 0; gene < ShardGene.GENES; gene++) {
            Map<String, Collection<Comparable<?>>> byPayOrder = Map.of("pay_order_no", List.of(ORDER_NO.next(OrderNo.Kind.PAY, gene)));
            Map<String, Collection<Comparable<?>>> byTrade = Map.of("trade_no", List.of(ORDER_NO.next(OrderNo.Kind.TRADE, gene)));

            assertThat(route(database, DATABASES, byPayOrder)).containsExactly("ds_" + ShardGene.database(gene, 2))
                    .isEqualTo(route(database, DATABASES, byTrade));
            assertThat(route(table, TABLES, byPayOrder)).containsExactly("pay_order_" + ShardGene.table(gene, 2, 4))
                    .isEqualTo(route(table, TABLES, byTrade));
        }
    }

    private static Collection<String> route(GeneShardingAlgorithm algorithm, List<String> targets,
                                            Map<String, Collection<Comparable<?>>> values) {
        return algorithm.doSharding(targets, new ComplexKeysShardingValue<>("pay_order", values, Map.of()));
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
