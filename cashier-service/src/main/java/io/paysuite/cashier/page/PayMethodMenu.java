package io.paysuite.cashier.page;

import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.trade.TradeDTO;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The methods a trade's pay form offers: those the merchant allowed ({@code payment_methods}, empty
 * meaning all), each marked available if the platform can take it now
 * ({@link CashierPageProperties#enabledMethods()}). Unavailable ones are shown disabled, not hidden.
 */
final class PayMethodMenu {

    private static final Set<PayMethod> PARTS = Set.of(PayMethod.COUPON, PayMethod.POINTS);

    private final Set<PayMethod> enabled;

    PayMethodMenu(List<PayMethod> enabled) {
        this.enabled = Set.copyOf(enabled);
    }

    List<PayMethodOffer> offersFor(TradeDTO trade) {
        List<PayMethod> allowed = trade.paymentMethods().isEmpty() ? Arrays.asList(PayMethod.values()) : trade.paymentMethods();
        // payment codes are scanned at the merchant's till, never offered on the page; coupons and points are
        // parts of a payment chosen beside the method (PromotionChoices), not a method that pays the rest
        return allowed.stream().distinct().filter(m -> !m.paymentCode() && !PARTS.contains(m)).map(m -> new PayMethodOffer(m, enabled.contains(m))).toList();
    }

    /** Whether {@code method} may be paid with on this trade now. */
    boolean takes(TradeDTO trade, PayMethod method) {
        return offersFor(trade).stream().anyMatch(o -> o.method() == method && o.available());
    }
}
