package io.paysuite.api.trade;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.FundedBy;

import java.io.Serializable;

/** A coupon that paid part of a trade (API.md trade object, {@code promotion_detail[]}), and who funded it. */
public record TradePromotionDTO(String couponId, String name, Money amount, FundedBy fundedBy) implements Serializable {
}
