package io.paysuite.trade.config;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.pay.PayService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.apache.dubbo.config.spring.reference.ReferenceBeanBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The services trade-core calls, as beans injected by type. Retries stay off (a retried posting
 * is harmless only because of its key; a retried anything else may not be) and the timeout is
 * the providers' default, 5 s, written out.
 */
@Configuration(proxyBeanMethods = false)
public class DubboReferencesConfig {

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<LedgerService> ledgerService() {
        return new ReferenceBeanBuilder().build();
    }

    /** Refunds of channel payments; a refund may ask the channel twice (refund, then its query). */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 15000, retries = 0)
    public ReferenceBean<ChannelService> channelService() {
        return new ReferenceBeanBuilder().build();
    }

    /** Read only: the janitor reads the pay order of a trade left PAYING (PayingTradeRecovery). */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<PayService> payService() {
        return new ReferenceBeanBuilder().build();
    }
}
