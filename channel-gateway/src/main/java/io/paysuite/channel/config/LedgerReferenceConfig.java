package io.paysuite.channel.config;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.ledger.LedgerService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.apache.dubbo.config.spring.reference.ReferenceBeanBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ledger, the one service the gateway calls: to book a late payment and its pay-back. No retries: the
 * posting key makes a repeat safe, and the pay-back's follow-ups decide when to repeat.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerReferenceConfig {

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<LedgerService> ledgerService() {
        return new ReferenceBeanBuilder().build();
    }
}
