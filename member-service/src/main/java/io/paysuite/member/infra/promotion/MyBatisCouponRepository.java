package io.paysuite.member.infra.promotion;

import static io.paysuite.member.infra.DbTime.instant;
import static io.paysuite.member.infra.DbTime.utc;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponKind;
import io.paysuite.api.promotion.CouponStatus;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.promotion.HoldStatus;
import io.paysuite.kit.jdbc.DuplicateKey;
import io.paysuite.member.promotion.Coupon;
import io.paysuite.member.promotion.CouponRepository;
import io.paysuite.member.promotion.CouponTemplate;
import io.paysuite.member.promotion.CouponTerms;
import io.paysuite.member.promotion.CouponTransitions;
import io.paysuite.member.promotion.CouponUse;
import io.paysuite.member.promotion.HoldTransitions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link CouponRepository} over MyBatis. Every status change asks the state tables first
 * ({@link CouponTransitions}, {@link HoldTransitions}), so a change outside them never reaches the
 * database; the coupon's row is always changed before its use's, in every transaction, so two
 * transactions on one coupon never wait on each other in opposite orders.
 */
@Repository
public class MyBatisCouponRepository implements CouponRepository {

    private final CouponMapper mapper;
    private final TransactionTemplate tx;

    public MyBatisCouponRepository(CouponMapper mapper, TransactionTemplate tx) {
        this.mapper = mapper;
        this.tx = tx;
    }

    @Override
    public Optional<CouponTemplate> insertTemplate(String requestNo, CouponTerms terms, Instant now) {
        CouponTemplateDO row = new CouponTemplateDO();
        row.requestNo = requestNo;
        writeTerms(row, terms);
        row.createdAt = utc(now);
        if (!DuplicateKey.inserted(() -> mapper.insertTemplate(row))) {
            return Optional.empty();
        }
        return Optional.of(toTemplate(row));
    }

    @Override
    public Optional<CouponTemplate> findTemplate(long number) {
        return Optional.ofNullable(mapper.findTemplate(number)).map(MyBatisCouponRepository::toTemplate);
    }

    @Override
    public Optional<CouponTemplate> findTemplateByRequestNo(String requestNo) {
        return Optional.ofNullable(mapper.findTemplateByRequestNo(requestNo)).map(MyBatisCouponRepository::toTemplate);
    }

    @Override
    public Optional<Coupon> insertCoupon(long templateNumber, String buyerId, String requestNo, CouponTerms terms, Instant now) {
        CouponDO row = new CouponDO();
        row.templateId = templateNumber;
        row.buyerId = buyerId;
        row.requestNo = requestNo;
        writeTerms(row, terms);
        row.status = CouponStatus.AVAILABLE.name();
        row.createdAt = utc(now);
        row.updatedAt = row.createdAt;
        if (!DuplicateKey.inserted(() -> mapper.insertCoupon(row))) {
            return Optional.empty();
        }
        return Optional.of(toCoupon(row));
    }

    @Override
    public Optional<Coupon> findCoupon(long number) {
        return Optional.ofNullable(mapper.findCoupon(number)).map(MyBatisCouponRepository::toCoupon);
    }

    @Override
    public Optional<Coupon> findCouponByRequestNo(String requestNo) {
        return Optional.ofNullable(mapper.findCouponByRequestNo(requestNo)).map(MyBatisCouponRepository::toCoupon);
    }

    @Override
    public List<Coupon> listByBuyer(String buyerId) {
        return mapper.listByBuyer(buyerId).stream().map(MyBatisCouponRepository::toCoupon).toList();
    }

    @Override
    public Optional<CouponUse> findUse(long couponNumber, String useKey) {
        return Optional.ofNullable(mapper.findUse(couponNumber, useKey)).map(MyBatisCouponRepository::toUse);
    }

    @Override
    public boolean freeze(CouponUse use, Instant now) {
        CouponTransitions.TABLE.require(CouponStatus.AVAILABLE, CouponStatus.FROZEN);
        CouponUseDO row = useRow(use.couponNumber(), use.useKey(), use.tradeNo(), use.discount(), HoldStatus.FROZEN, now);
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (mapper.hold(use.couponNumber(), use.useKey(), use.tradeNo(), utc(now)) != 1
                    || !DuplicateKey.inserted(() -> mapper.insertUse(row))) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    @Override
    public boolean insertReleased(long couponNumber, String useKey, String currency, Instant now) {
        CouponUseDO row = useRow(couponNumber, useKey, null, Money.of(0, currency), HoldStatus.RELEASED, now);
        return DuplicateKey.inserted(() -> mapper.insertUse(row));
    }

    @Override
    public boolean settle(long couponNumber, String useKey, HoldStatus useFrom, HoldStatus useTo,
                          CouponStatus couponFrom, CouponStatus couponTo, Instant now) {
        HoldTransitions.TABLE.require(useFrom, useTo);
        CouponTransitions.TABLE.require(couponFrom, couponTo);
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (mapper.moveHeld(couponNumber, useKey, couponFrom.name(), couponTo.name(), utc(now)) != 1
                    || mapper.moveUse(couponNumber, useKey, useFrom.name(), useTo.name(), utc(now)) != 1) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }

    @Override
    public boolean transition(long couponNumber, CouponStatus from, CouponStatus to, Instant now) {
        CouponTransitions.TABLE.require(from, to);
        return mapper.transition(couponNumber, from.name(), to.name(), utc(now)) == 1;
    }

    private static CouponUseDO useRow(long coupon, String useKey, String tradeNo, Money discount, HoldStatus status, Instant now) {
        CouponUseDO row = new CouponUseDO();
        row.couponId = coupon;
        row.useKey = useKey;
        row.tradeNo = tradeNo;
        row.discountMinor = discount.minor();
        row.currency = discount.currency();
        row.status = status.name();
        row.createdAt = utc(now);
        row.updatedAt = row.createdAt;
        return row;
    }

    private static void writeTerms(CouponTemplateDO row, CouponTerms terms) {
        row.name = terms.name();
        row.kind = terms.kind().name();
        row.amountMinor = terms.amountMinor();
        row.percentOff = terms.percentOff();
        row.capMinor = terms.capMinor();
        row.minSpendMinor = terms.minSpendMinor();
        row.currency = terms.currency();
        row.validFrom = utc(terms.validFrom());
        row.validUntil = utc(terms.validUntil());
        row.fundedBy = terms.fundedBy().name();
        row.merchantId = terms.merchantId();
    }

    static CouponTerms termsOf(CouponTemplateDO row) {
        return new CouponTerms(row.name, CouponKind.valueOf(row.kind), row.amountMinor, row.percentOff, row.capMinor,
                row.minSpendMinor, row.currency, instant(row.validFrom), instant(row.validUntil), FundedBy.valueOf(row.fundedBy),
                row.merchantId);
    }

    static CouponTemplate toTemplate(CouponTemplateDO row) {
        return new CouponTemplate(row.id, row.requestNo, termsOf(row), instant(row.createdAt));
    }

    static Coupon toCoupon(CouponDO row) {
        return new Coupon(row.id, row.templateId, row.buyerId, row.requestNo, termsOf(row), CouponStatus.valueOf(row.status),
                row.useKey, row.tradeNo, instant(row.createdAt));
    }

    static CouponUse toUse(CouponUseDO row) {
        return new CouponUse(row.couponId, row.useKey, row.tradeNo, Money.of(row.discountMinor, row.currency),
                HoldStatus.valueOf(row.status));
    }
}
