package io.paysuite.member.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponDTO;
import io.paysuite.api.promotion.CouponKind;
import io.paysuite.api.promotion.CouponOfferDTO;
import io.paysuite.api.promotion.CouponStatus;
import io.paysuite.api.promotion.CouponTemplateCmd;
import io.paysuite.api.promotion.CouponTemplateDTO;
import io.paysuite.api.promotion.CouponUseCmd;
import io.paysuite.api.promotion.CouponUseDTO;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.promotion.HoldStatus;
import io.paysuite.api.promotion.IssueCouponCmd;
import io.paysuite.api.promotion.UsableCouponsQry;
import io.paysuite.member.buyer.BuyerFinder;
import io.paysuite.member.buyer.InMemoryBuyers;
import io.paysuite.member.buyer.NewBuyer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CouponsTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    final InMemoryBuyers buyers = new InMemoryBuyers();
    final InMemoryCoupons repository = new InMemoryCoupons();
    final Coupons coupons = new Coupons(repository, new BuyerFinder(buyers), Clock.fixed(NOW, ZoneOffset.UTC));
    final String ann = buyer("13800138000");
    final String bob = buyer("13900139000");

    String buyer(String phone) {
        return buyers.insert(new NewBuyer(phone, "h", "h", null, NOW)).orElseThrow().buyerId();
    }

    static CouponTemplateCmd fiveOff(String requestNo) {
        return new CouponTemplateCmd(requestNo, "5 off 20", CouponKind.FIXED_AMOUNT, Money.cny(500), null, null, Money.cny(2000),
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), FundedBy.PLATFORM, null);
    }

    static CouponTemplateCmd tenPercent(String requestNo, String merchant) {
        return new CouponTemplateCmd(requestNo, "10% off", CouponKind.PERCENTAGE, null, 10, Money.cny(800), null,
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(10)), FundedBy.MERCHANT, merchant);
    }

    CouponDTO issued(CouponTemplateCmd template, String buyer, String requestNo) {
        CouponTemplateDTO t = coupons.createTemplate(template);
        return coupons.issue(new IssueCouponCmd(t.templateId(), buyer, requestNo));
    }

    static CouponUseCmd use(CouponDTO coupon, String key) {
        return new CouponUseCmd(coupon.couponId(), coupon.buyerId(), "M1", "T-" + key, Money.cny(3000), key);
    }

    @Test
    void aRepeatedTemplateRequestAnswersTheFirstTemplateAndOtherContentIsRefused() {
        CouponTemplateDTO first = coupons.createTemplate(fiveOff("TPL-000001"));

        assertThat(coupons.createTemplate(fiveOff("TPL-000001"))).isEqualTo(first);
        assertThatThrownBy(() -> coupons.createTemplate(tenPercent("TPL-000001", null)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_NO_USED));
    }

    @Test
    void badTermsAreRefusedNamingTheFieldAndNothingIsWritten() {
        CouponTemplateCmd noAmount = new CouponTemplateCmd("TPL-000002", "x", CouponKind.FIXED_AMOUNT, null, null, null, null,
                null, NOW.plusSeconds(60), FundedBy.PLATFORM, null);
        CouponTemplateCmd badPercent = new CouponTemplateCmd("TPL-000003", "x", CouponKind.PERCENTAGE, null, 100, null, null,
                null, NOW.plusSeconds(60), FundedBy.PLATFORM, null);
        CouponTemplateCmd backwards = new CouponTemplateCmd("TPL-000004", "x", CouponKind.FIXED_AMOUNT, Money.cny(1), null, null,
                null, NOW, NOW.minusSeconds(1), FundedBy.PLATFORM, null);

        assertThatThrownBy(() -> coupons.createTemplate(noAmount)).hasMessageContaining("amount");
        assertThatThrownBy(() -> coupons.createTemplate(badPercent)).hasMessageContaining("percent_off");
        assertThatThrownBy(() -> coupons.createTemplate(backwards)).hasMessageContaining("valid_until");
        assertThat(repository.findTemplateByRequestNo("TPL-000002")).isEmpty();
    }

    @Test
    void issuingIsIdempotentOnTheRequestNumber() {
        CouponTemplateDTO t = coupons.createTemplate(fiveOff("TPL-000010"));

        CouponDTO first = coupons.issue(new IssueCouponCmd(t.templateId(), ann, "ISSUE-0001"));

        assertThat(coupons.issue(new IssueCouponCmd(t.templateId(), ann, "ISSUE-0001"))).isEqualTo(first);
        assertThat(coupons.listByBuyer(ann)).containsExactly(first);
        assertThat(first.status()).isEqualTo(CouponStatus.AVAILABLE);
        assertThatThrownBy(() -> coupons.issue(new IssueCouponCmd(t.templateId(), bob, "ISSUE-0001")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQUEST_NO_USED));
        assertThatThrownBy(() -> coupons.issue(new IssueCouponCmd("CT999", ann, "ISSUE-0002")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COUPON_TEMPLATE_NOT_FOUND));
    }

    @Test
    void usableCouponsComeLargestDiscountFirstAndThoseThatDoNotApplyAreLeftOut() {
        CouponDTO five = issued(fiveOff("TPL-000020"), ann, "ISSUE-0020");
        CouponDTO tenHere = issued(tenPercent("TPL-000021", "M1"), ann, "ISSUE-0021");
        issued(tenPercent("TPL-000022", "M2"), ann, "ISSUE-0022");

        List<CouponOfferDTO> offers = coupons.listUsable(new UsableCouponsQry(ann, "M1", Money.cny(6000)));

        assertThat(offers).extracting(o -> o.coupon().couponId()).containsExactly(tenHere.couponId(), five.couponId());
        assertThat(offers).extracting(CouponOfferDTO::discount).containsExactly(Money.cny(600), Money.cny(500));
        assertThat(coupons.listUsable(new UsableCouponsQry(ann, "M1", Money.cny(1500))))
                .extracting(o -> o.coupon().couponId()).containsExactly(tenHere.couponId());
    }

    @Test
    void freezingAgainWithTheSameKeyAnswersTheSameUseAndAnotherKeyIsRefused() {
        CouponDTO coupon = issued(fiveOff("TPL-000030"), ann, "ISSUE-0030");

        CouponUseDTO first = coupons.freeze(use(coupon, "P1"));

        assertThat(first.discount()).isEqualTo(Money.cny(500));
        assertThat(first.fundedBy()).isEqualTo(FundedBy.PLATFORM);
        assertThat(coupons.freeze(use(coupon, "P1"))).isEqualTo(first);
        assertThatThrownBy(() -> coupons.freeze(use(coupon, "P2")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COUPON_NOT_USABLE));
    }

    @Test
    void anotherBuyersCouponIsNotFound() {
        CouponDTO coupon = issued(fiveOff("TPL-000031"), ann, "ISSUE-0031");

        assertThatThrownBy(() -> coupons.freeze(new CouponUseCmd(coupon.couponId(), bob, "M1", "T1", Money.cny(3000), "P1")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COUPON_NOT_FOUND));
    }

    @Test
    void aReleaseBeforeItsFreezeRefusesTheLateFreezeAndLeavesTheCouponAvailable() {
        CouponDTO coupon = issued(fiveOff("TPL-000040"), ann, "ISSUE-0040");

        assertThat(coupons.release(coupon.couponId(), "P1").status()).isEqualTo(HoldStatus.RELEASED);

        assertThatThrownBy(() -> coupons.freeze(use(coupon, "P1")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COUPON_NOT_USABLE));
        assertThat(coupons.listByBuyer(ann).get(0).status()).isEqualTo(CouponStatus.AVAILABLE);
        assertThat(coupons.freeze(use(coupon, "P2")).status()).isEqualTo(HoldStatus.FROZEN);
    }

    @Test
    void aReleasedUseFreesTheCouponAndCannotBeConfirmed() {
        CouponDTO coupon = issued(fiveOff("TPL-000050"), ann, "ISSUE-0050");
        coupons.freeze(use(coupon, "P1"));

        assertThat(coupons.release(coupon.couponId(), "P1").status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(coupons.release(coupon.couponId(), "P1").status()).isEqualTo(HoldStatus.RELEASED);

        assertThatThrownBy(() -> coupons.confirm(coupon.couponId(), "P1"))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COUPON_NOT_USABLE));
        assertThat(coupons.listByBuyer(ann).get(0).status()).isEqualTo(CouponStatus.AVAILABLE);
    }

    @Test
    void aConfirmedUseStaysUsedUntilTheWholeTradeIsGivenBack() {
        CouponDTO coupon = issued(fiveOff("TPL-000060"), ann, "ISSUE-0060");
        coupons.freeze(use(coupon, "P1"));

        assertThat(coupons.confirm(coupon.couponId(), "P1").status()).isEqualTo(HoldStatus.CONFIRMED);
        assertThat(coupons.confirm(coupon.couponId(), "P1").status()).isEqualTo(HoldStatus.CONFIRMED);
        assertThatThrownBy(() -> coupons.release(coupon.couponId(), "P1"))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COUPON_NOT_USABLE));
        assertThat(coupons.listByBuyer(ann).get(0).status()).isEqualTo(CouponStatus.USED);
        assertThat(coupons.listByBuyer(ann).get(0).tradeNo()).isEqualTo("T-P1");

        assertThat(coupons.giveBack(coupon.couponId(), "P1").status()).isEqualTo(HoldStatus.RETURNED);
        assertThat(coupons.giveBack(coupon.couponId(), "P1").status()).isEqualTo(HoldStatus.RETURNED);
        assertThat(coupons.listByBuyer(ann).get(0).status()).isEqualTo(CouponStatus.AVAILABLE);
    }

    @Test
    void anExpiredCouponIsShownExpiredAndCannotBeFrozen() {
        CouponTemplateDTO t = coupons.createTemplate(new CouponTemplateCmd("TPL-000070", "old", CouponKind.FIXED_AMOUNT,
                Money.cny(100), null, null, null, NOW.minus(Duration.ofDays(10)), NOW, FundedBy.PLATFORM, null));
        CouponDTO coupon = coupons.issue(new IssueCouponCmd(t.templateId(), ann, "ISSUE-0070"));

        assertThat(coupon.status()).isEqualTo(CouponStatus.EXPIRED);
        assertThat(coupons.listUsable(new UsableCouponsQry(ann, "M1", Money.cny(3000)))).isEmpty();
        assertThatThrownBy(() -> coupons.freeze(use(coupon, "P1")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COUPON_NOT_USABLE));
    }

    @Test
    void fiftyPaymentsFreezingOneCouponAtOnceUseItOnce() throws Exception {
        CouponDTO coupon = issued(fiveOff("TPL-000080"), ann, "ISSUE-0080");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String key = "P" + i;
            tries.add(() -> {
                try {
                    coupons.freeze(use(coupon, key));
                    return true;
                } catch (BizException refused) {
                    return false;
                }
            });
        }
        long won = 0;
        for (Future<Boolean> f : pool.invokeAll(tries)) {
            won += f.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(won).isEqualTo(1);
        assertThat(coupons.listByBuyer(ann).get(0).status()).isEqualTo(CouponStatus.FROZEN);
    }
}
