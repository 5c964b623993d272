package io.paysuite.cashier.config;

import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.token.CashierTokens;
import io.paysuite.cashier.token.CashierUrls;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The merchant edge's own settings, handed to the domain as values (the domain never reads configuration types). */
@Configuration(proxyBeanMethods = false)
public class MerchantEdgeConfig {

    @Bean
    public Times times(CashierProperties properties) {
        return new Times(properties.zone());
    }

    @Bean
    public CashierUrls cashierUrls(CashierTokens tokens, CashierProperties properties) {
        return new CashierUrls(tokens, properties.publicUrl());
    }
}
