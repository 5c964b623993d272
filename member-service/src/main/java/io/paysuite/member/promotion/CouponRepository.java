package io.paysuite.member.promotion;

import io.paysuite.api.promotion.CouponStatus;
import io.paysuite.api.promotion.HoldStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Templates, coupons and their uses in tables {@code coupon_template}, {@code coupon} and
 * {@code coupon_use}; implemented in {@code infra.promotion}. Inserts are idempotent through unique keys
 * (request numbers; coupon and use key) and report a taken key as empty or false, never as an error.
 * Each method that changes a coupon and one of its uses does both in one database transaction.
 */
public interface CouponRepository {

    /** @return the stored template, or empty when its request number is taken (nothing written) */
    Optional<CouponTemplate> insertTemplate(String requestNo, CouponTerms terms, Instant now);

    Optional<CouponTemplate> findTemplate(long number);

    Optional<CouponTemplate> findTemplateByRequestNo(String requestNo);

    /** An {@code AVAILABLE} coupon; empty when its request number is taken (nothing written). */
    Optional<Coupon> insertCoupon(long templateNumber, String buyerId, String requestNo, CouponTerms terms, Instant now);

    Optional<Coupon> findCoupon(long number);

    Optional<Coupon> findCouponByRequestNo(String requestNo);

    /** The buyer's coupons, newest first. */
    List<Coupon> listByBuyer(String buyerId);

    Optional<CouponUse> findUse(long couponNumber, String useKey);

    /**
     * In one transaction: the coupon {@code AVAILABLE → FROZEN} held by {@code use}'s key and trade, and
     * the {@code FROZEN} use inserted.
     *
     * @return false (nothing written) when the coupon was not {@code AVAILABLE} or the use key is taken
     */
    boolean freeze(CouponUse use, Instant now);

    /** A release before any freeze: a {@code RELEASED} use. @return false when the key is taken (nothing written) */
    boolean insertReleased(long couponNumber, String useKey, String currency, Instant now);

    /**
     * In one transaction: the use {@code useFrom → useTo} and its coupon {@code couponFrom → couponTo}
     * (only while held by this use's key; a coupon back to {@code AVAILABLE} loses its holder).
     *
     * @return false (nothing written) when either was not in its {@code from}
     */
    boolean settle(long couponNumber, String useKey, HoldStatus useFrom, HoldStatus useTo,
                   CouponStatus couponFrom, CouponStatus couponTo, Instant now);

    /** Compare-and-set of a coupon's status alone (the expiry sweep, and the state-table check). */
    boolean transition(long couponNumber, CouponStatus from, CouponStatus to, Instant now);
}
