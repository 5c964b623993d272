package io.paysuite.example;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.trade.TradeService;
import org.apache.dubbo.config.spring.ReferenceBean;
import org.apache.dubbo.config.spring.reference.ReferenceBeanBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Paysuite services this consumer calls, found through the registry by interface name. All of
 * them are built by {@link #reference}, so a convention every reference follows (a service
 * {@code version}, a group) is one line there.
 *
 * <p>{@code retries = 0} on every reference: a timed-out create, pay or refund may have happened,
 * and Dubbo's failover would resend it to another instance blindly. The walkthrough resends a call
 * itself, under the same idempotency key, only after reading the answer as unknown ({@link Answers}).
 * {@code check = false}: start even if a provider is not registered yet; the first call finds it.
 */
@Configuration(proxyBeanMethods = false)
public class PaysuiteReferences {

    /** pay-core checks the buyer at member-service and posts to the ledger before it answers. */
    private static final int PAY_TIMEOUT_MILLIS = 15_000;
    private static final int TIMEOUT_MILLIS = 5_000;

    @Bean
    public ReferenceBean<TradeService> tradeService() {
        return reference(TradeService.class, TIMEOUT_MILLIS);
    }

    @Bean
    public ReferenceBean<PayService> payService() {
        return reference(PayService.class, PAY_TIMEOUT_MILLIS);
    }

    @Bean
    public ReferenceBean<RefundService> refundService() {
        return reference(RefundService.class, TIMEOUT_MILLIS);
    }

    @Bean
    public ReferenceBean<MemberService> memberService() {
        return reference(MemberService.class, TIMEOUT_MILLIS);
    }

    @Bean
    public ReferenceBean<LedgerService> ledgerService() {
        return reference(LedgerService.class, TIMEOUT_MILLIS);
    }

    private static <T> ReferenceBean<T> reference(Class<T> api, int timeoutMillis) {
        return new ReferenceBeanBuilder()
                .setInterface(api)
                .setVersion(ApiVersion.DUBBO) // the providers' version (docs/consumers.md): without it no provider matches
                .setCheck(false)
                .setRetries(0)
                .setTimeout(timeoutMillis)
                .build();
    }
}
