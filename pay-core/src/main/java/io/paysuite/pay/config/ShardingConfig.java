package io.paysuite.pay.config;

import io.paysuite.kit.sharding.ShardedTables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * pay-core's sharded tables; the data source over them is the kit's
 * ({@link io.paysuite.kit.sharding.ShardingAutoConfiguration}), configured by {@code paysuite.sharding}.
 */
@Configuration(proxyBeanMethods = false)
public class ShardingConfig {

    @Bean
    ShardedTables payTables() {
        return new ShardedTables("pay", rules -> rules
                .databaseAndTableSharded("pay_order", "pay_order_no,trade_no")
                // the risk engine's counters and decision log: shared by every instance, not per trade
                .singleTable("risk_counter")
                .singleTable("risk_decision")
                // the kit's scheduled-job lock (the risk counter sweep), beside the counters in ds_0; the kit takes the
                // lock on ds_0's own pool, past ShardingSphere, which cannot bind ShedLock's database-clock statements
                .singleTable("shedlock"));
    }
}
