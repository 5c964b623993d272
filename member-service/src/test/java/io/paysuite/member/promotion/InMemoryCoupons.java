package io.paysuite.member.promotion;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponStatus;
import io.paysuite.api.promotion.HoldStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link CouponRepository} in memory with the SQL's semantics: request numbers and (coupon, use key) are
 * unique keys, and each method that changes a coupon and its use is atomic (synchronized stands in for
 * the transaction and its row locks).
 */
final class InMemoryCoupons implements CouponRepository {

    private final Map<Long, CouponTemplate> templates = new ConcurrentHashMap<>();
    private final Map<Long, Coupon> coupons = new ConcurrentHashMap<>();
    private final Map<String, CouponUse> uses = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong(10_000_000);

    @Override
    public synchronized Optional<CouponTemplate> insertTemplate(String requestNo, CouponTerms terms, Instant now) {
        if (findTemplateByRequestNo(requestNo).isPresent()) {
            return Optional.empty();
        }
        CouponTemplate t = new CouponTemplate(numbers.incrementAndGet(), requestNo, terms, now);
        templates.put(t.number(), t);
        return Optional.of(t);
    }

    @Override
    public Optional<CouponTemplate> findTemplate(long number) {
        return Optional.ofNullable(templates.get(number));
    }

    @Override
    public Optional<CouponTemplate> findTemplateByRequestNo(String requestNo) {
        return templates.values().stream().filter(t -> t.requestNo().equals(requestNo)).findFirst();
    }

    @Override
    public synchronized Optional<Coupon> insertCoupon(long templateNumber, String buyerId, String requestNo, CouponTerms terms,
                                                      Instant now) {
        if (findCouponByRequestNo(requestNo).isPresent()) {
            return Optional.empty();
        }
        Coupon c = new Coupon(numbers.incrementAndGet(), templateNumber, buyerId, requestNo, terms, CouponStatus.AVAILABLE,
                null, null, now);
        coupons.put(c.number(), c);
        return Optional.of(c);
    }

    @Override
    public Optional<Coupon> findCoupon(long number) {
        return Optional.ofNullable(coupons.get(number));
    }

    @Override
    public Optional<Coupon> findCouponByRequestNo(String requestNo) {
        return coupons.values().stream().filter(c -> c.requestNo().equals(requestNo)).findFirst();
    }

    @Override
    public List<Coupon> listByBuyer(String buyerId) {
        return coupons.values().stream().filter(c -> c.buyerId().equals(buyerId))
                .sorted(Comparator.comparingLong(Coupon::number).reversed()).toList();
    }

    @Override
    public Optional<CouponUse> findUse(long couponNumber, String useKey) {
        return Optional.ofNullable(uses.get(couponNumber + "/" + useKey));
    }

    @Override
    public synchronized boolean freeze(CouponUse use, Instant now) {
        Coupon c = coupons.get(use.couponNumber());
        if (c.status() != CouponStatus.AVAILABLE || uses.containsKey(use.couponNumber() + "/" + use.useKey())) {
            return false;
        }
        coupons.put(c.number(), with(c, CouponStatus.FROZEN, use.useKey(), use.tradeNo()));
        uses.put(use.couponNumber() + "/" + use.useKey(), use);
        return true;
    }

    @Override
    public synchronized boolean insertReleased(long couponNumber, String useKey, String currency, Instant now) {
        return uses.putIfAbsent(couponNumber + "/" + useKey,
                new CouponUse(couponNumber, useKey, null, Money.of(0, currency), HoldStatus.RELEASED)) == null;
    }

    @Override
    public synchronized boolean settle(long couponNumber, String useKey, HoldStatus useFrom, HoldStatus useTo,
                                       CouponStatus couponFrom, CouponStatus couponTo, Instant now) {
        HoldTransitions.TABLE.require(useFrom, useTo);
        CouponTransitions.TABLE.require(couponFrom, couponTo);
        Coupon c = coupons.get(couponNumber);
        CouponUse u = uses.get(couponNumber + "/" + useKey);
        if (c.status() != couponFrom || !useKey.equals(c.useKey()) || u == null || u.status() != useFrom) {
            return false;
        }
        boolean free = couponTo == CouponStatus.AVAILABLE;
        coupons.put(couponNumber, with(c, couponTo, free ? null : c.useKey(), free ? null : c.tradeNo()));
        uses.put(couponNumber + "/" + useKey, new CouponUse(couponNumber, useKey, u.tradeNo(), u.discount(), useTo));
        return true;
    }

    @Override
    public synchronized boolean transition(long couponNumber, CouponStatus from, CouponStatus to, Instant now) {
        CouponTransitions.TABLE.require(from, to);
        Coupon c = coupons.get(couponNumber);
        if (c.status() != from) {
            return false;
        }
        coupons.put(couponNumber, with(c, to, c.useKey(), c.tradeNo()));
        return true;
    }

    private static Coupon with(Coupon c, CouponStatus status, String useKey, String tradeNo) {
        return new Coupon(c.number(), c.templateNumber(), c.buyerId(), c.requestNo(), c.terms(), status, useKey, tradeNo,
                c.createdAt());
    }
}
