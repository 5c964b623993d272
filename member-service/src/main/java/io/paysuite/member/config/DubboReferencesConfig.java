package io.paysuite.member.config;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.trade.TradeService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.apache.dubbo.config.spring.reference.ReferenceBeanBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The services member-service calls: the ledger, to book points grants as the platform's liability
 * (docs/adr/0008), and trade-core's read of a trade, for a refund whose trade left no points earning
 * (a payment that could not earn writes none). Retries off (the posting's key makes a repeat harmless, but
 * the caller decides when; a read that fails leaves the refund to come back).
 */
@Configuration(proxyBeanMethods = false)
public class DubboReferencesConfig {

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<LedgerService> ledgerService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<TradeService> tradeService() {
        return new ReferenceBeanBuilder().build();
    }
}
