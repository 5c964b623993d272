package io.paysuite.cashier.config;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.trade.TradeService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.apache.dubbo.config.spring.reference.ReferenceBeanBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The services the merchant edge calls. Retries stay off everywhere: a timed-out create, pay or
 * refund may have happened, and the merchant is told to query before retrying (docs/api/API.md, 500/503),
 * not retried behind its back.
 */
@Configuration(proxyBeanMethods = false)
public class DubboReferencesConfig {

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<TradeService> tradeService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<RefundService> refundService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<ChannelService> channelService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 15000, retries = 0)
    public ReferenceBean<PayService> payService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<MemberService> memberService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<MerchantService> merchantService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<LedgerService> ledgerService() {
        return new ReferenceBeanBuilder().build();
    }
}
