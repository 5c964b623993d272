package io.paysuite.trade.order;

import io.paysuite.api.pay.PayMethod;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Trade rules that differ between the local run and production.
 *
 * @param defaultExpiry         time to pay when the merchant gives no {@code time_expire} (API.md: 30 min)
 * @param maxExpiry             latest allowed {@code time_expire} from now (API.md: 15 days)
 * @param allowHttpNotifyUrl    accept {@code http://} notify URLs (API.md: local profile only)
 * @param paymentCodeExpiry     time to pay of a payment-code trade ({@code POST /trades/barcode}): the buyer stands at
 *                              the till, so a trade its payment never reached is closed by its own expiry within the
 *                              minute the till is promised, whichever service died. Short of 60 s by the gap pay-core
 *                              and the channel need to finish one that was taken (the channel reverses at 30 s)
 */
@ConfigurationProperties("paysuite.trade")
public record TradeProperties(
        @DefaultValue("30m") Duration defaultExpiry,
        @DefaultValue("15d") Duration maxExpiry,
        @DefaultValue("false") boolean allowHttpNotifyUrl,
        @DefaultValue("45s") Duration paymentCodeExpiry) {

    public static final Duration PAYMENT_CODE_EXPIRY = Duration.ofSeconds(45);

    @ConstructorBinding // the canonical constructor binds; the short one is for code
    public TradeProperties {
        paymentCodeExpiry = paymentCodeExpiry == null ? PAYMENT_CODE_EXPIRY : paymentCodeExpiry;
    }

    /** The standard payment-code expiry. */
    public TradeProperties(Duration defaultExpiry, Duration maxExpiry, boolean allowHttpNotifyUrl) {
        this(defaultExpiry, maxExpiry, allowHttpNotifyUrl, null);
    }

    /** The time to pay of a trade created without {@code time_expire}, from the methods it allows. */
    public Duration defaultExpiryFor(List<PayMethod> paymentMethods) {
        boolean paymentCode = paymentMethods != null && paymentMethods.size() == 1 && paymentMethods.get(0) != null
                && paymentMethods.get(0).paymentCode();
        return paymentCode ? paymentCodeExpiry : defaultExpiry;
    }
}
