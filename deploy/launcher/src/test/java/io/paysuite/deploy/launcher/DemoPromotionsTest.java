package io.paysuite.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponDTO;
import io.paysuite.api.promotion.CouponKind;
import io.paysuite.api.promotion.CouponStatus;
import io.paysuite.api.promotion.CouponTemplateCmd;
import io.paysuite.api.promotion.FundedBy;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoPromotionsTest {

    static CouponDTO coupon(CouponTemplateCmd t, String id) {
        return new CouponDTO(id, "CT1", "U1", t.name(), t.kind(), t.amount(), t.percentOff(), t.cap(), t.minSpend(), t.validFrom(),
                t.validUntil(), t.fundedBy(), t.merchantId(), CouponStatus.AVAILABLE, null);
    }

    @Test
    void demoBuyersJsonListsTheFixedAmountOrThePercentagesCapInFen() throws Exception {
        String json = DemoPromotions.json(List.of(coupon(DemoPromotions.platformFiveOff(), "CP1"),
                coupon(DemoPromotions.merchantTenPercent("M100000001"), "CP2")));

        JsonNode coupons = new ObjectMapper().readTree(json);
        assertThat(coupons).hasSize(2);
        assertThat(coupons.get(0).toString()).isEqualTo("{\"coupon_id\":\"CP1\",\"amount\":500,\"min_spend\":2000,\"funded_by\":\"PLATFORM\"}");
        assertThat(coupons.get(1).toString()).isEqualTo("{\"coupon_id\":\"CP2\",\"amount\":800,\"min_spend\":0,\"funded_by\":\"MERCHANT\"}");
    }

    @Test
    void theTemplatesAreTheSameOnEveryRunSoARestartIsARepeat() {
        assertThat(DemoPromotions.platformFiveOff()).isEqualTo(DemoPromotions.platformFiveOff());
        assertThat(DemoPromotions.merchantTenPercent("M1").kind()).isEqualTo(CouponKind.PERCENTAGE);
        assertThat(DemoPromotions.merchantTenPercent("M1").fundedBy()).isEqualTo(FundedBy.MERCHANT);
        assertThat(DemoPromotions.platformFiveOff().amount()).isEqualTo(Money.cny(500));
        assertThat(DemoPromotions.couponRequestNo("13800000001", 2)).isEqualTo("DEMO-CPN-13800000001-2");
    }
}
