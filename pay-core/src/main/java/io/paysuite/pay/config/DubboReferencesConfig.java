package io.paysuite.pay.config;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.api.trade.TradePaymentService;
import io.paysuite.api.trade.TradeService;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.annotation.Method;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.apache.dubbo.config.spring.reference.ReferenceBeanBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The services pay-core calls, as beans injected by type. No retries: a repeated call is safe
 * only where its key makes it so, and the orchestration decides that, not the RPC layer.
 */
@Configuration(proxyBeanMethods = false)
public class DubboReferencesConfig {

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<TradeService> tradeService() {
        return new ReferenceBeanBuilder().build();
    }

    /** {@code paid} is a hand-over the broker's message repeats: a payment does not wait long for it. */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0,
            methods = @Method(name = "paid", timeout = 1000))
    public ReferenceBean<TradePaymentService> tradePaymentService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<MemberService> memberService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<LedgerService> ledgerService() {
        return new ReferenceBeanBuilder().build();
    }

    /** Longer than the default: a charge may ask the channel up to three times (each read times out at 3 s). */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 15000, retries = 0)
    public ReferenceBean<ChannelService> channelService() {
        return new ReferenceBeanBuilder().build();
    }

    /** The combination Saga's coupon steps (freeze, confirm, release): each keyed by the pay order number. */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<CouponService> couponService() {
        return new ReferenceBeanBuilder().build();
    }

    /** The combination Saga's points steps (freeze, confirm, release): each keyed by the pay order number. */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<PointsService> pointsService() {
        return new ReferenceBeanBuilder().build();
    }
}
