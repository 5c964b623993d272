package io.paysuite.trade.config;

import io.paysuite.api.ids.OrderNo;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock and the order number generator of this instance ({@code paysuite.node}, 0–99, unique per instance). */
@Configuration(proxyBeanMethods = false)
public class OrderNumbersConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OrderNo orderNo(Clock clock, @Value("${paysuite.node}") int node) {
        return new OrderNo(clock, node);
    }
}
