package io.paysuite.member.config;

import io.paysuite.member.buyer.BuyerFinder;
import io.paysuite.member.buyer.BuyerLogin;
import io.paysuite.member.buyer.BuyerRegistration;
import io.paysuite.member.buyer.BuyerRepository;
import io.paysuite.member.buyer.PayPasswordCheck;
import io.paysuite.member.buyer.PayPasswordLockout;
import io.paysuite.member.buyer.PayPasswordHasher;
import io.paysuite.member.buyer.SecretHasher;
import io.paysuite.member.card.BoundCardRepository;
import io.paysuite.member.card.BoundCards;
import io.paysuite.member.infra.secret.BCryptSecrets;
import io.paysuite.member.infra.secret.PepperedPayPasswords;
import io.paysuite.member.merchant.AppKeyRegistry;
import io.paysuite.member.merchant.AppKeyRepository;
import io.paysuite.member.merchant.MerchantFinder;
import io.paysuite.member.merchant.MerchantIds;
import io.paysuite.member.merchant.MerchantOnboarding;
import io.paysuite.member.merchant.MerchantSettlementTerms;
import io.paysuite.member.merchant.SettlementTermsRepository;
import io.paysuite.member.merchant.MerchantRepository;
import io.paysuite.member.promotion.CouponRepository;
import io.paysuite.member.promotion.Coupons;
import io.paysuite.member.promotion.PaidTrades;
import io.paysuite.member.promotion.Points;
import io.paysuite.member.promotion.PointsEarningRepository;
import io.paysuite.member.promotion.PointsEarnings;
import io.paysuite.member.promotion.PointsLiability;
import io.paysuite.member.promotion.PointsRepository;
import io.paysuite.member.promotion.PointsRules;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the domain executors. The domain packages ({@code buyer}, {@code card}, {@code merchant}, {@code promotion}) know no
 * Spring (DomainPurityTest), so they are wired here rather than annotated.
 */
@Configuration(proxyBeanMethods = false)
public class MemberWiring {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecretHasher secretHasher(MemberProperties props) {
        return new BCryptSecrets(props.bcryptStrength());
    }

    @Bean
    PayPasswordHasher payPasswordHasher(PayPasswordProperties payPassword, SecretHasher secretHasher) {
        // the BCrypt hashes stored before the pepper verify through the login passwords' hasher, once each
        return new PepperedPayPasswords(payPassword.keyId(), payPassword.peppers(), secretHasher);
    }

    @Bean
    PayPasswordLockout payPasswordLockout(MemberProperties props) {
        return new PayPasswordLockout(props.payPasswordMaxFailures(), props.payPasswordLockout());
    }

    @Bean
    BuyerRegistration buyerRegistration(BuyerRepository buyers, SecretHasher hasher, PayPasswordHasher payHasher, Clock clock) {
        return new BuyerRegistration(buyers, hasher, payHasher, clock);
    }

    @Bean
    BuyerLogin buyerLogin(BuyerRepository buyers, SecretHasher hasher) {
        return new BuyerLogin(buyers, hasher);
    }

    @Bean
    BuyerFinder buyerFinder(BuyerRepository buyers) {
        return new BuyerFinder(buyers);
    }

    @Bean
    PayPasswordCheck payPasswordCheck(BuyerFinder finder, BuyerRepository buyers, PayPasswordHasher hasher,
                                      PayPasswordLockout lockout, Clock clock) {
        return new PayPasswordCheck(finder, buyers, hasher, lockout, clock);
    }

    @Bean
    BoundCards boundCards(BoundCardRepository cards, BuyerFinder buyers, Clock clock) {
        return new BoundCards(cards, buyers, clock);
    }

    @Bean
    MerchantOnboarding merchantOnboarding(MerchantRepository merchants, Clock clock) {
        return new MerchantOnboarding(merchants, new MerchantIds(new SecureRandom()), clock);
    }

    @Bean
    MerchantFinder merchantFinder(MerchantRepository merchants) {
        return new MerchantFinder(merchants);
    }

    @Bean
    MerchantSettlementTerms merchantSettlementTerms(MerchantRepository merchants, SettlementTermsRepository terms, Clock clock) {
        return new MerchantSettlementTerms(merchants, terms, clock);
    }

    @Bean
    AppKeyRegistry appKeyRegistry(AppKeyRepository keys, Clock clock) {
        return new AppKeyRegistry(keys, clock);
    }

    @Bean
    Coupons coupons(CouponRepository coupons, BuyerFinder buyers, Clock clock) {
        return new Coupons(coupons, buyers, clock);
    }

    @Bean
    PointsRules pointsRules(PointsProperties props) {
        return new PointsRules(props.earnPerYuan(), props.redeemRate());
    }

    @Bean
    Points points(PointsRepository points, PointsRules rules, BuyerFinder buyers, Clock clock, PointsLiability liability) {
        return new Points(points, rules, buyers, clock, liability);
    }

    @Bean
    PointsEarnings pointsEarnings(PointsEarningRepository earnings, PointsRepository points, PointsRules rules,
                                  BuyerFinder buyers, PointsLiability liability, PaidTrades paidTrades, Clock clock) {
        return new PointsEarnings(earnings, points, rules, buyers, liability, paidTrades, clock);
    }
}
