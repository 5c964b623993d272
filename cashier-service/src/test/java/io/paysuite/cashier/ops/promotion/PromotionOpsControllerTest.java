package io.paysuite.cashier.ops.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponKind;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.CouponTemplateCmd;
import io.paysuite.api.promotion.CouponTemplateDTO;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.promotion.PointsAccountDTO;
import io.paysuite.api.promotion.PointsGrantCmd;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.cashier.api.Times;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PromotionOpsControllerTest {

    final CouponService coupons = mock(CouponService.class);
    final PointsService points = mock(PointsService.class);
    final PromotionOpsController controller = new PromotionOpsController(coupons, points, new Times(ZoneId.of("Asia/Shanghai")));

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aTemplateRequestReachesMemberServiceInMinorUnitsAndIsAnsweredInSnakeCaseFields() {
        AtomicReference<CouponTemplateCmd> asked = new AtomicReference<>();
        when(coupons.createTemplate(any())).thenAnswer(call -> {
            CouponTemplateCmd cmd = call.getArgument(0);
            asked.set(cmd);
            return Result.ok(new CouponTemplateDTO("CT10000001", cmd.name(), cmd.kind(), cmd.amount(), cmd.percentOff(), cmd.cap(),
                    cmd.minSpend(), Instant.parse("2026-01-01T00:00:00Z"), cmd.validUntil(), cmd.fundedBy(), cmd.merchantId(),
                    Instant.parse("2026-01-01T00:00:00Z")));
        });

        PromotionOpsController.TemplateView view = controller.createTemplate(json("""
                {"name": "10% off", "kind": "percentage", "percent_off": 10, "cap": 800, "min_spend": 0,
                 "valid_until": "2027-01-01T00:00:00+08:00", "funded_by": "MERCHANT", "merchant_id": "M1",
                 "request_no": "TPL-000001"}"""));

        assertThat(asked.get().kind()).isEqualTo(CouponKind.PERCENTAGE);
        assertThat(asked.get().cap()).isEqualTo(Money.cny(800));
        assertThat(asked.get().fundedBy()).isEqualTo(FundedBy.MERCHANT);
        assertThat(view.templateId()).isEqualTo("CT10000001");
        assertThat(view.validUntil()).isEqualTo("2027-01-01T00:00:00+08:00");
        assertThat(view.cap()).isEqualTo(800);
    }

    @Test
    void badInputIsAParameterErrorNamingTheFieldAndNothingIsAsked() {
        assertThatThrownBy(() -> controller.createTemplate(json("{\"name\": \"x\", \"kind\": \"HALF\", \"funded_by\": \"PLATFORM\"}")))
                .isInstanceOfSatisfying(BizException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR);
                    assertThat(e.getMessage()).contains("kind");
                });
        assertThatThrownBy(() -> controller.createTemplate(json("""
                {"name": "x", "kind": "FIXED_AMOUNT", "amount": 1.5, "funded_by": "PLATFORM", "request_no": "TPL-000002"}""")))
                .hasMessageContaining("amount");
        assertThatThrownBy(() -> controller.createTemplate(json("""
                {"name": "x", "kind": "PERCENTAGE", "percent_off": 120, "funded_by": "PLATFORM", "request_no": "TPL-000003"}""")))
                .hasMessageContaining("percent_off");
        assertThatThrownBy(() -> controller.issue(json("{\"template_id\": \"CT1\", \"buyer_id\": \"U1\"}")))
                .hasMessageContaining("request_no");
        assertThatThrownBy(() -> controller.grant("U1", json("{\"points\": -5, \"request_no\": \"G-000001\"}")))
                .hasMessageContaining("points");
        verifyNoInteractions(coupons, points);
    }

    @Test
    void aGrantAnswersTheBuyersPointsAndWhatTheyPay() {
        when(points.grant(any(PointsGrantCmd.class))).thenReturn(Result.ok(new PointsAccountDTO("U1", 2000, 0, Money.cny(2000))));

        assertThat(controller.grant("U1", json("{\"points\": 2000, \"request_no\": \"G-000001\"}")))
                .isEqualTo(new PromotionOpsController.PointsView("U1", 2000, 0, 2000, "CNY"));
    }
}
