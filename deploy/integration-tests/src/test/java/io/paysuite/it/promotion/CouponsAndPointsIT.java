package io.paysuite.it.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.common.Result;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.member.RegisterBuyerCmd;
import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.CouponUseCmd;
import io.paysuite.api.promotion.CouponUseDTO;
import io.paysuite.api.promotion.HoldStatus;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.api.promotion.PointsUseCmd;
import io.paysuite.api.promotion.PointsUseDTO;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.openapi.Merchants;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Coupons and points in member-service against the real suite: operators create templates, issue coupons
 * and grant points through the ops API; pay-core's Saga steps (freeze, confirm, release) are called as
 * pay-core would, through the registry as the tests' allowed internal caller. Everything answers
 * synchronously, so nothing here waits.
 */
class CouponsAndPointsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(50);

    private final MemberService members = SuiteHarness.reference(MemberService.class, null);
    private final CouponService coupons = SuiteHarness.reference(CouponService.class, null);
    private final PointsService points = SuiteHarness.reference(PointsService.class, null);

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    @Test
    void anOperatorCreatesATemplateAndARepeatedRequestNumberIssuesOneCoupon() throws Exception {
        String buyer = buyer();
        String template = template(fiveOff());
        String requestNo = "IT-ISSUE-" + UUID.randomUUID();

        JsonNode first = ok(ops("POST", "/ops/api/v1/coupons", Map.of("template_id", template, "buyer_id", buyer, "request_no", requestNo)));
        JsonNode again = ok(ops("POST", "/ops/api/v1/coupons", Map.of("template_id", template, "buyer_id", buyer, "request_no", requestNo)));

        assertThat(again.get("coupon_id").asText()).isEqualTo(first.get("coupon_id").asText());
        assertThat(first.get("status").asText()).isEqualTo("AVAILABLE");
        assertThat(first.get("funded_by").asText()).isEqualTo("PLATFORM");
        assertThat(first.get("amount").asLong()).isEqualTo(500);
        JsonNode listed = ok(ops("GET", "/ops/api/v1/buyers/" + buyer + "/coupons", null));
        assertThat(listed).hasSize(1);
    }

    @Test
    void fiftyPaymentsFreezingOneCouponAtOnceUseItOnce() throws Exception {
        String buyer = buyer();
        String couponId = issue(template(fiveOff()), buyer);
        List<Callable<Result<CouponUseDTO>>> tries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String key = "P" + UUID.randomUUID().toString().replace("-", "");
            tries.add(() -> coupons.freeze(new CouponUseCmd(couponId, buyer, "M-IT", "T-" + key, Money.cny(3000), key)));
        }

        List<Result<CouponUseDTO>> answers = new ArrayList<>();
        for (Future<Result<CouponUseDTO>> f : POOL.invokeAll(tries)) {
            answers.add(f.get());
        }

        assertThat(answers.stream().filter(Result::success).toList()).singleElement()
                .satisfies(won -> assertThat(won.data().discount()).isEqualTo(Money.cny(500)));
        assertThat(answers.stream().filter(r -> !r.success()).map(Result::code).distinct()).containsExactly("COUPON_NOT_USABLE");
        assertThat(ok(ops("GET", "/ops/api/v1/buyers/" + buyer + "/coupons", null)).get(0).get("status").asText()).isEqualTo("FROZEN");
    }

    @Test
    void aReleaseThatOvertookItsFreezeRefusesTheLateFreezeAndTheCouponStaysAvailable() throws Exception {
        String buyer = buyer();
        String couponId = issue(template(fiveOff()), buyer);

        Result<CouponUseDTO> released = coupons.release(couponId, "P-LATE-1");
        Result<CouponUseDTO> lateFreeze = coupons.freeze(new CouponUseCmd(couponId, buyer, "M-IT", "T-1", Money.cny(3000), "P-LATE-1"));

        assertThat(released.success()).as(released.message()).isTrue();
        assertThat(released.data().status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(lateFreeze.success()).isFalse();
        assertThat(lateFreeze.code()).isEqualTo("COUPON_NOT_USABLE");
        assertThat(ok(ops("GET", "/ops/api/v1/buyers/" + buyer + "/coupons", null)).get(0).get("status").asText()).isEqualTo("AVAILABLE");
        Result<CouponUseDTO> next = coupons.freeze(new CouponUseCmd(couponId, buyer, "M-IT", "T-2", Money.cny(3000), "P-NEXT-1"));
        assertThat(next.success()).as(next.message()).isTrue();
        assertThat(coupons.confirm(couponId, "P-NEXT-1").data().status()).isEqualTo(HoldStatus.CONFIRMED);
    }

    @Test
    void twentyParallelPointsFreezesThenConfirmsAndReleasesKeepTheBalanceExact() throws Exception {
        String buyer = buyer();
        JsonNode granted = ok(ops("POST", "/ops/api/v1/buyers/" + buyer + "/points",
                Map.of("points", 1000, "request_no", "IT-GRANT-" + UUID.randomUUID(), "reason", "it")));
        assertThat(granted.get("available").asLong()).isEqualTo(1000);
        List<Callable<Result<PointsUseDTO>>> tries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = "P" + UUID.randomUUID().toString().replace("-", "");
            tries.add(() -> points.freeze(new PointsUseCmd(buyer, "T-" + key, Money.cny(100), key)));
        }

        List<PointsUseDTO> frozen = new ArrayList<>();
        for (Future<Result<PointsUseDTO>> f : POOL.invokeAll(tries)) {
            Result<PointsUseDTO> r = f.get();
            if (r.success()) {
                frozen.add(r.data());
            } else {
                assertThat(r.code()).isEqualTo("POINTS_INSUFFICIENT");
            }
        }

        assertThat(frozen.stream().mapToLong(PointsUseDTO::points).sum()).isEqualTo(1000);
        JsonNode held = ok(ops("GET", "/ops/api/v1/buyers/" + buyer + "/points", null));
        assertThat(held.get("available").asLong()).isZero();
        assertThat(held.get("frozen").asLong()).isEqualTo(1000);

        long confirmed = 0;
        for (int i = 0; i < frozen.size(); i++) {
            PointsUseDTO use = frozen.get(i);
            if (i % 2 == 0) {
                assertThat(points.confirm(use.useKey()).data().status()).isEqualTo(HoldStatus.CONFIRMED);
                confirmed += use.points();
            } else {
                assertThat(points.release(use.useKey()).data().status()).isEqualTo(HoldStatus.RELEASED);
                assertThat(points.release(use.useKey()).data().status()).isEqualTo(HoldStatus.RELEASED);
            }
        }
        JsonNode after = ok(ops("GET", "/ops/api/v1/buyers/" + buyer + "/points", null));
        assertThat(after.get("available").asLong()).isEqualTo(1000 - confirmed);
        assertThat(after.get("frozen").asLong()).isZero();
        assertThat(after.get("available_value").asLong()).isEqualTo(1000 - confirmed); // 100 points = 1.00 CNY
    }

    @Test
    void badInputIsAParameterErrorNamingTheFieldAndCreatesNothing() throws Exception {
        String buyer = buyer();
        String requestNo = "IT-TPL-" + UUID.randomUUID();
        Map<String, Object> tooMuch = new java.util.HashMap<>(fiveOff());
        tooMuch.put("kind", "PERCENTAGE");
        tooMuch.remove("amount");
        tooMuch.put("percent_off", 150);
        tooMuch.put("request_no", requestNo);

        HttpResponse<String> refused = ops("POST", "/ops/api/v1/coupon-templates", tooMuch);
        HttpResponse<String> noBuyer = ops("POST", "/ops/api/v1/coupons", Map.of("template_id", "CT1", "request_no", "IT-NO-BUYER-1"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("code").asText()).isEqualTo("PARAM_ERROR");
        assertThat(JSON.readTree(refused.body()).get("message").asText()).contains("percent_off");
        assertThat(noBuyer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noBuyer.body()).get("message").asText()).contains("buyer_id");
        // the refused request number is still free: nothing was written under it
        Map<String, Object> valid = new java.util.HashMap<>(fiveOff());
        valid.put("request_no", requestNo);
        assertThat(ops("POST", "/ops/api/v1/coupon-templates", valid).statusCode()).isEqualTo(200);
        assertThat(ok(ops("GET", "/ops/api/v1/buyers/" + buyer + "/coupons", null))).isEmpty();
    }

    private static Map<String, Object> fiveOff() {
        return Map.of("name", "IT 5.00 off 20.00", "kind", "FIXED_AMOUNT", "amount", 500, "min_spend", 2000,
                "valid_until", "2099-12-31T00:00:00+08:00", "funded_by", "PLATFORM", "request_no", "IT-TPL-" + UUID.randomUUID());
    }

    private String template(Map<String, Object> body) throws Exception {
        return ok(ops("POST", "/ops/api/v1/coupon-templates", body)).get("template_id").asText();
    }

    private String issue(String template, String buyer) throws Exception {
        return ok(ops("POST", "/ops/api/v1/coupons",
                Map.of("template_id", template, "buyer_id", buyer, "request_no", "IT-ISSUE-" + UUID.randomUUID()))).get("coupon_id").asText();
    }

    private String buyer() {
        String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Result<BuyerDTO> registered = members.registerBuyer(new RegisterBuyerCmd(phone, "Passw0rd-it", "135790", "it coupons"));
        assertThat(registered.success()).as(registered.message()).isTrue();
        return registered.data().buyerId();
    }

    private static HttpResponse<String> ops(String method, String path, Map<String, ?> body) throws Exception {
        return Merchants.ops(Merchants.base(), method, path, body == null ? null : JSON.writeValueAsString(body));
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
