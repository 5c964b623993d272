package io.paysuite.trade.infra.expiry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.trade.guarantee.*}: guarantee (escrow) trades nobody confirms.
 *
 * @param autoConfirmAfter a paid guarantee trade the merchant has not confirmed this long after its payment is
 *                         confirmed (released) by the platform, so the buyer's money is not held forever
 * @param refundWait       how often a due confirmation asks again while a refund of the trade is in progress
 */
@ConfigurationProperties("paysuite.trade.guarantee")
public record GuaranteeProperties(
        @DefaultValue("10d") Duration autoConfirmAfter,
        @DefaultValue("1m") Duration refundWait) {
}
