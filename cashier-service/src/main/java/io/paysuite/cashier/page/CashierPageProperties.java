package io.paysuite.cashier.page;

import io.paysuite.api.pay.PayMethod;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.cashier.page.*}: the buyer's cashier pages.
 *
 * @param enabledMethods  methods the platform can take right now: the balance, WeChat and Alipay QR and
 *                        bound bank cards (UnionPay token payment) are wired end to end; the others
 *                        come later, and until they are listed here the page shows them disabled ("not available yet")
 *                        rather than hiding them, so a buyer sees why a method the merchant offers
 *                        cannot be picked (a buyer without a bound card sees BANK_CARD disabled the same way)
 * @param sessionTtl      how long a buyer stays logged in on one trade's page
 * @param progressRefresh how often the "payment in progress" page asks again
 * @param returnDelay     how long the success page stays before it sends the buyer back to the merchant
 */
@ConfigurationProperties("paysuite.cashier.page")
public record CashierPageProperties(
        @DefaultValue({"BALANCE", "WECHAT_QR", "ALIPAY_QR", "BANK_CARD"}) List<PayMethod> enabledMethods,
        @DefaultValue("30m") Duration sessionTtl,
        @DefaultValue("2s") Duration progressRefresh,
        @DefaultValue("5s") Duration returnDelay) {
}
