package io.paysuite.cashier.config;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.crosscheck.CrossCheckService;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.recon.ReconciliationService;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.settlement.SettlementService;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.payout.PayoutService;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.risk.RiskService;
import io.paysuite.api.sharing.ProfitSharingService;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.wallet.WalletService;
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

    /** Internal reconciliation's findings (accounting-service), for the ops API. */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<CrossCheckService> crossCheckService() {
        return new ReferenceBeanBuilder().build();
    }

    /** Operators' list of payouts (ops API); never {@code payout} itself, which is accounting-service's alone. */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<PayoutService> payoutService() {
        return new ReferenceBeanBuilder().build();
    }

    /** Settlements and balances (accounting-service); a run settles every merchant, so it may take long. */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, retries = 0, timeout = 120000)
    public ReferenceBean<SettlementService> settlementService() {
        return new ReferenceBeanBuilder().build();
    }

    /** A reconciliation run downloads a bill and may ask a channel about each difference: it answers slowly. */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, retries = 0, timeout = 120000)
    public ReferenceBean<ReconciliationService> reconciliationService() {
        return new ReferenceBeanBuilder().build();
    }

    /** Coupons (member-service) for the ops API: templates, issuing, a buyer's list; freezing is pay-core's alone. */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<CouponService> couponService() {
        return new ReferenceBeanBuilder().build();
    }

    /** Points (member-service) for the ops API: a buyer's balance and operators' grants. */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<PointsService> pointsService() {
        return new ReferenceBeanBuilder().build();
    }

    /** Profit sharing (accounting-service): moves merchants' money, so no retries; a timeout is queried by the merchant. */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 10000, retries = 0)
    public ReferenceBean<ProfitSharingService> profitSharingService() {
        return new ReferenceBeanBuilder().build();
    }

    /** The buyer's wallet (accounting-service) for the wallet page: transfers and withdrawals move money, never retried. */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 10000, retries = 0)
    public ReferenceBean<WalletService> walletService() {
        return new ReferenceBeanBuilder().build();
    }

    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<io.paysuite.api.trade.PreAuthService> preAuthService() {
        return new ReferenceBeanBuilder().build();
    }

    /** pay-core's risk engine for the ops API: the rule document, its decisions, replacing the document. */
    @Bean
    @DubboReference(version = ApiVersion.DUBBO, check = false, timeout = 5000, retries = 0)
    public ReferenceBean<RiskService> riskService() {
        return new ReferenceBeanBuilder().build();
    }
}
