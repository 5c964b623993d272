package io.paysuite.member.promotion;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponDTO;
import io.paysuite.api.promotion.CouponOfferDTO;
import io.paysuite.api.promotion.CouponStatus;
import io.paysuite.api.promotion.CouponTemplateCmd;
import io.paysuite.api.promotion.CouponTemplateDTO;
import io.paysuite.api.promotion.CouponUseCmd;
import io.paysuite.api.promotion.CouponUseDTO;
import io.paysuite.api.promotion.HoldStatus;
import io.paysuite.api.promotion.IssueCouponCmd;
import io.paysuite.api.promotion.UsableCouponsQry;
import io.paysuite.member.buyer.BuyerFinder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Coupon templates, issuing, and the freeze → confirm / release → give-back of one coupon by one payment
 * (CouponService's Javadoc is the contract).
 *
 * <p>Who wins is decided in the database, never by a read first: a coupon is frozen by a compare-and-set
 * {@code AVAILABLE → FROZEN} on its row, in the same transaction as the insert of its use under the unique
 * key (coupon, use key). Of fifty payments freezing one coupon, one compare-and-set moves it and the others
 * are refused; a repeat of the winner's key finds its use and answers it again. A release that arrives
 * before its freeze inserts a {@code RELEASED} use under that key, so the late freeze finds the key taken
 * and is refused (and if it came first after all, the release finds the freeze and undoes it).
 */
public final class Coupons {

    static final Pattern USE_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final CouponRepository coupons;
    private final BuyerFinder buyers;
    private final Clock clock;

    public Coupons(CouponRepository coupons, BuyerFinder buyers, Clock clock) {
        this.coupons = coupons;
        this.buyers = buyers;
        this.clock = clock;
    }

    public CouponTemplateDTO createTemplate(CouponTemplateCmd cmd) {
        Instant now = now();
        CouponTerms terms = CouponTermsRules.check(cmd, now);
        Optional<CouponTemplate> created = coupons.insertTemplate(cmd.requestNo(), terms, now);
        if (created.isPresent()) {
            return created.get().toDTO();
        }
        CouponTemplate first = coupons.findTemplateByRequestNo(cmd.requestNo())
                .orElseThrow(() -> new IllegalStateException("template request_no reported taken but no template found"));
        // a repeat without valid_from took "now" again: compare the terms with the first's start
        CouponTerms repeat = cmd.validFrom() == null ? withStart(terms, first.terms().validFrom()) : terms;
        if (!first.terms().equals(repeat)) {
            throw new BizException(ErrorCode.REQUEST_NO_USED, "request_no was used for another template " + first.templateId());
        }
        return first.toDTO();
    }

    public CouponDTO issue(IssueCouponCmd cmd) {
        CouponTermsRules.require(cmd != null, "request", "is required");
        CouponTermsRules.requestNo(cmd.requestNo());
        CouponTermsRules.require(cmd.templateId() != null && !cmd.templateId().isBlank(), "template_id", "is required");
        String buyerId = buyers.get(cmd.buyerId()).buyerId();
        CouponTemplate template = PromotionIds.parseTemplate(cmd.templateId()).stream()
                .mapToObj(coupons::findTemplate).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new BizException(ErrorCode.COUPON_TEMPLATE_NOT_FOUND, "no coupon template " + cmd.templateId()));
        Instant now = now();
        Optional<Coupon> issued = coupons.insertCoupon(template.number(), buyerId, cmd.requestNo(), template.terms(), now);
        Coupon coupon = issued.or(() -> coupons.findCouponByRequestNo(cmd.requestNo()))
                .orElseThrow(() -> new IllegalStateException("coupon request_no reported taken but no coupon found"));
        if (coupon.templateNumber() != template.number() || !coupon.buyerId().equals(buyerId)) {
            throw new BizException(ErrorCode.REQUEST_NO_USED, "request_no was used for coupon " + coupon.couponId());
        }
        return coupon.toDTO(now);
    }

    public List<CouponDTO> listByBuyer(String buyerId) {
        String buyer = buyers.get(buyerId).buyerId();
        Instant now = now();
        return coupons.listByBuyer(buyer).stream().map(c -> c.toDTO(now)).toList();
    }

    /** The usable ones, the largest discount first; on a tie the one expiring soonest (use it before it is lost). */
    public List<CouponOfferDTO> listUsable(UsableCouponsQry qry) {
        CouponTermsRules.require(qry != null, "request", "is required");
        CouponTermsRules.require(qry.orderAmount() != null && qry.orderAmount().isPositive(), "order_amount", "must be positive");
        Instant now = now();
        record Offer(Coupon coupon, Money discount) {
        }
        return coupons.listByBuyer(buyers.get(qry.buyerId()).buyerId()).stream()
                .filter(c -> c.status() == CouponStatus.AVAILABLE && c.terms().validAt(now) && c.terms().appliesAt(qry.merchantId()))
                .flatMap(c -> CouponDiscount.on(c.terms(), qry.orderAmount()).map(d -> new Offer(c, d)).stream())
                .sorted(Comparator.comparingLong((Offer o) -> o.discount().minor()).reversed()
                        .thenComparing(o -> o.coupon().terms().validUntil())
                        .thenComparingLong(o -> o.coupon().number()))
                .map(o -> new CouponOfferDTO(o.coupon().toDTO(now), o.discount()))
                .toList();
    }

    public CouponUseDTO freeze(CouponUseCmd cmd) {
        CouponTermsRules.require(cmd != null, "request", "is required");
        useKey(cmd.useKey());
        CouponTermsRules.require(cmd.orderAmount() != null, "order_amount", "is required");
        Coupon coupon = ownCoupon(cmd.couponId(), cmd.buyerId());
        Optional<CouponUse> known = coupons.findUse(coupon.number(), cmd.useKey());
        if (known.isPresent()) {
            return repeatFreeze(known.get(), coupon);
        }
        Instant now = now();
        if (coupon.status() != CouponStatus.AVAILABLE) {
            throw notUsable(coupon, "is " + coupon.status());
        }
        if (!coupon.terms().validAt(now)) {
            throw notUsable(coupon, "is outside its validity window");
        }
        if (!coupon.terms().appliesAt(cmd.merchantId())) {
            throw notUsable(coupon, "is not usable at this merchant");
        }
        Money discount = CouponDiscount.on(coupon.terms(), cmd.orderAmount())
                .orElseThrow(() -> notUsable(coupon, "does not apply to this order amount (minimum spend or currency)"));
        CouponUse use = new CouponUse(coupon.number(), cmd.useKey(), cmd.tradeNo(), discount, HoldStatus.FROZEN);
        if (coupons.freeze(use, now)) {
            return use.toDTO(coupon);
        }
        // lost: another payment froze it, or this key was released (or frozen) meanwhile
        Optional<CouponUse> raced = coupons.findUse(coupon.number(), cmd.useKey());
        if (raced.isPresent()) {
            return repeatFreeze(raced.get(), coupon);
        }
        throw notUsable(coupon, "was taken by another payment");
    }

    public CouponUseDTO confirm(String couponId, String useKey) {
        CouponUse use = existingUse(couponId, useKey);
        Coupon coupon = coupon(use.couponNumber());
        return switch (use.status()) {
            case CONFIRMED, RETURNED -> use.toDTO(coupon);
            case RELEASED -> throw notUsable(coupon, "use " + useKey + " was released; it cannot be confirmed");
            case FROZEN -> settle(use, coupon, HoldStatus.CONFIRMED, CouponStatus.FROZEN, CouponStatus.USED);
        };
    }

    public CouponUseDTO release(String couponId, String useKey) {
        useKey(useKey);
        long number = PromotionIds.parseCoupon(couponId).orElseThrow(() -> noSuchCoupon(couponId));
        Coupon coupon = coupon(number);
        Optional<CouponUse> known = coupons.findUse(number, useKey);
        if (known.isEmpty()) {
            if (coupons.insertReleased(number, useKey, coupon.terms().currency(), now())) {
                return new CouponUse(number, useKey, null, Money.of(0, coupon.terms().currency()), HoldStatus.RELEASED).toDTO(coupon);
            }
            known = coupons.findUse(number, useKey); // the freeze (or another release) got there first
        }
        CouponUse use = known.orElseThrow(() -> new IllegalStateException("coupon use reported taken but not found"));
        return switch (use.status()) {
            case RELEASED -> use.toDTO(coupon);
            case CONFIRMED, RETURNED -> throw notUsable(coupon, "use " + useKey + " is confirmed; it stays used");
            case FROZEN -> settle(use, coupon, HoldStatus.RELEASED, CouponStatus.FROZEN, CouponStatus.AVAILABLE);
        };
    }

    public CouponUseDTO giveBack(String couponId, String useKey) {
        CouponUse use = existingUse(couponId, useKey);
        Coupon coupon = coupon(use.couponNumber());
        return switch (use.status()) {
            case RETURNED, RELEASED -> use.toDTO(coupon);
            case FROZEN -> throw notUsable(coupon, "use " + useKey + " is not confirmed; release it instead");
            case CONFIRMED -> settle(use, coupon, HoldStatus.RETURNED, CouponStatus.USED, CouponStatus.AVAILABLE);
        };
    }

    private CouponUseDTO settle(CouponUse use, Coupon coupon, HoldStatus to, CouponStatus couponFrom, CouponStatus couponTo) {
        HoldTransitions.TABLE.require(use.status(), to);
        CouponTransitions.TABLE.require(couponFrom, couponTo);
        if (!coupons.settle(use.couponNumber(), use.useKey(), use.status(), to, couponFrom, couponTo, now())) {
            // a concurrent call with the same key moved it first: answer what it left
            CouponUse now = coupons.findUse(use.couponNumber(), use.useKey()).orElseThrow();
            if (now.status() != to) {
                throw notUsable(coupon, "use " + use.useKey() + " is " + now.status());
            }
            return now.toDTO(coupon);
        }
        return new CouponUse(use.couponNumber(), use.useKey(), use.tradeNo(), use.discount(), to).toDTO(coupon);
    }

    private CouponUseDTO repeatFreeze(CouponUse use, Coupon coupon) {
        if (use.status() == HoldStatus.FROZEN || use.status() == HoldStatus.CONFIRMED) {
            return use.toDTO(coupon);
        }
        throw notUsable(coupon, "use " + use.useKey() + " was already " + use.status());
    }

    private CouponUse existingUse(String couponId, String useKey) {
        useKey(useKey);
        long number = PromotionIds.parseCoupon(couponId).orElseThrow(() -> noSuchCoupon(couponId));
        return coupons.findUse(number, useKey).orElseThrow(() -> {
            Coupon coupon = coupon(number);
            return notUsable(coupon, "has no use " + useKey);
        });
    }

    private Coupon ownCoupon(String couponId, String buyerId) {
        CouponTermsRules.require(buyerId != null && !buyerId.isBlank(), "buyer_id", "is required");
        Coupon coupon = PromotionIds.parseCoupon(couponId).stream().mapToObj(coupons::findCoupon).flatMap(Optional::stream)
                .findFirst().orElseThrow(() -> noSuchCoupon(couponId));
        if (!coupon.buyerId().equals(buyerId)) {
            throw noSuchCoupon(couponId); // another buyer's coupon is told apart from no coupon by no one
        }
        return coupon;
    }

    private Coupon coupon(long number) {
        return coupons.findCoupon(number).orElseThrow(() -> noSuchCoupon(PromotionIds.coupon(number)));
    }

    private static void useKey(String useKey) {
        CouponTermsRules.require(useKey != null && USE_KEY.matcher(useKey).matches(), "use_key", "must be 1-64 of [A-Za-z0-9_-]");
    }

    private static CouponTerms withStart(CouponTerms t, Instant from) {
        return new CouponTerms(t.name(), t.kind(), t.amountMinor(), t.percentOff(), t.capMinor(), t.minSpendMinor(), t.currency(),
                from, t.validUntil(), t.fundedBy(), t.merchantId());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS); // what DATETIME(3) keeps
    }

    private static BizException noSuchCoupon(String couponId) {
        return new BizException(ErrorCode.COUPON_NOT_FOUND, "no coupon " + couponId + " for this buyer");
    }

    private static BizException notUsable(Coupon coupon, String why) {
        return new BizException(ErrorCode.COUPON_NOT_USABLE, "coupon " + coupon.couponId() + " " + why);
    }
}
