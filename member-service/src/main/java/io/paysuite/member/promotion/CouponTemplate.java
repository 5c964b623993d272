package io.paysuite.member.promotion;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponTemplateDTO;
import java.time.Instant;

/** A stored coupon template ({@code coupon_template}). */
public record CouponTemplate(long number, String requestNo, CouponTerms terms, Instant createdAt) {

    public String templateId() {
        return PromotionIds.template(number);
    }

    public CouponTemplateDTO toDTO() {
        return new CouponTemplateDTO(templateId(), terms.name(), terms.kind(), money(terms.amountMinor(), terms),
                terms.percentOff(), money(terms.capMinor(), terms), Money.of(terms.minSpendMinor(), terms.currency()),
                terms.validFrom(), terms.validUntil(), terms.fundedBy(), terms.merchantId(), createdAt);
    }

    static Money money(Long minor, CouponTerms terms) {
        return minor == null ? null : Money.of(minor, terms.currency());
    }
}
