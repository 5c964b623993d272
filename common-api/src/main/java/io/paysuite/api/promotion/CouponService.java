package io.paysuite.api.promotion;

import io.paysuite.api.ReadOnly;
import io.paysuite.api.common.Result;

import java.util.List;

/**
 * Coupons over Dubbo (provider: member-service). Using a coupon is a Saga step of a combination
 * payment: {@link #freeze} (the forward step), then {@link #confirm} or {@link #release} (the
 * compensation); {@link #giveBack} returns a used coupon when its whole trade is refunded. Every call
 * is idempotent on ({@code couponId}, {@code useKey}), and a coupon is used by one payment, ever, under
 * any concurrency (a compare-and-set on the coupon's row decides).
 */
public interface CouponService {

    /** Create a template; bad terms answer {@code PARAM_ERROR} naming the field. */
    Result<CouponTemplateDTO> createTemplate(CouponTemplateCmd cmd);

    /** Issue a coupon; {@code COUPON_TEMPLATE_NOT_FOUND}, {@code BUYER_NOT_FOUND}. */
    Result<CouponDTO> issue(IssueCouponCmd cmd);

    /** The buyer's coupons, usable or not, newest first. Read-only. */
    @ReadOnly
    Result<List<CouponDTO>> listByBuyer(String buyerId);

    /** The coupons usable on this order, the largest discount first. Read-only. */
    @ReadOnly
    Result<List<CouponOfferDTO>> listUsable(UsableCouponsQry qry);

    /**
     * Freeze the coupon for this payment and answer the discount it gives. {@code COUPON_NOT_FOUND},
     * {@code COUPON_NOT_USABLE} (used, frozen by another key, expired, below its minimum spend, another
     * merchant's, or this key was already released).
     */
    Result<CouponUseDTO> freeze(CouponUseCmd cmd);

    /** The payment succeeded: the coupon is {@code USED}. Idempotent; a released use cannot be confirmed ({@code COUPON_NOT_USABLE}). */
    Result<CouponUseDTO> confirm(String couponId, String useKey);

    /**
     * The payment definitely failed: the coupon is {@code AVAILABLE} again. Idempotent; a release before any
     * freeze records the key as released so the late freeze is refused; a confirmed use answers
     * {@code COUPON_NOT_USABLE} and stays used.
     */
    Result<CouponUseDTO> release(String couponId, String useKey);

    /** The whole trade was refunded: a used coupon is {@code AVAILABLE} again (if still valid). Idempotent. */
    Result<CouponUseDTO> giveBack(String couponId, String useKey);
}
