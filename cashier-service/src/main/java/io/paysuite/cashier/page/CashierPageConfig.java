package io.paysuite.cashier.page;

import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.api.trade.TradeService;
import io.paysuite.cashier.api.trade.PayingTrades;
import io.paysuite.cashier.keys.CashierSecret;
import io.paysuite.cashier.keys.KeyProperties;
import io.paysuite.cashier.token.CashierTokens;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wiring of the cashier pages: their keys, session, form guard, method menu, the buyer's cards, coupons and points and login, the link's trade, the page models and languages. */
@Configuration(proxyBeanMethods = false)
public class CashierPageConfig implements WebMvcConfigurer {

    private final LocaleResolver localeResolver = CashierLanguages.resolver();

    @Bean
    BuyerSessions buyerSessions(KeyProperties keys, CashierPageProperties page, Clock clock) {
        return new BuyerSessions(PageKeys.derive(CashierSecret.read(keys), PageKeys.SESSION), clock, page.sessionTtl());
    }

    @Bean
    FormGuard formGuard(KeyProperties keys) {
        return new FormGuard(PageKeys.derive(CashierSecret.read(keys), PageKeys.CSRF));
    }

    @Bean
    PayAttempts payAttempts(PayService pay, PayingTrades trades, CashierPageProperties page) {
        return new PayAttempts(pay, trades, page);
    }

    @Bean
    BuyerCards buyerCards(MemberService members) {
        return new BuyerCards(members);
    }

    @Bean
    BuyerLogins buyerLogins(MemberService members) {
        return new BuyerLogins(members);
    }

    @Bean
    CashierTrades cashierTrades(CashierTokens tokens, TradeService trades, ChannelService channels, Clock clock) {
        return new CashierTrades(tokens, trades, channels, clock);
    }

    @Bean
    BuyerPromotions buyerPromotions(CouponService coupons, PointsService points) {
        return new BuyerPromotions(coupons, points);
    }

    @Bean
    CashierPages cashierPages(BuyerSessions sessions, FormGuard guard, PayMethodMenu menu, BuyerCards cards,
                              CashierTrades trades, BuyerPromotions promotions, CashierPageProperties page) {
        return new CashierPages(sessions, guard, menu, cards, trades, promotions, page);
    }

    @Bean
    PayMethodMenu payMethodMenu(CashierPageProperties page) {
        return new PayMethodMenu(page.enabledMethods());
    }

    /** Named so DispatcherServlet picks it up instead of Boot's Accept-Language-only default. */
    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return localeResolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CashierLanguages(localeResolver)).addPathPatterns("/cashier/**");
    }
}
