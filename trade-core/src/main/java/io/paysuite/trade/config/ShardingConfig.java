package io.paysuite.trade.config;

import io.paysuite.kit.sharding.ShardedTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * trade-core's sharded tables; the data source over them is the kit's
 * ({@link io.paysuite.kit.sharding.ShardingAutoConfiguration}), configured by {@code paysuite.sharding}.
 */
@Configuration(proxyBeanMethods = false)
public class ShardingConfig {

    @Bean
    ShardedTables tradeTables() {
        return new ShardedTables("trade", rules -> rules
                .databaseAndTableSharded("trade_order", "trade_no,buyer_id")
                .databaseAndTableSharded("trade_merchant_index", "merchant_id")
                .databaseSharded("trade_event", "event_id,trade_no")
                .databaseAndTableSharded("refund_order", "refund_no,trade_no")
                .databaseAndTableSharded("refund_merchant_index", "merchant_id"));
    }
}
