package io.paysuite.it.cashier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.TrialBalanceDTO;
import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponDTO;
import io.paysuite.api.promotion.CouponKind;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.CouponTemplateCmd;
import io.paysuite.api.promotion.CouponTemplateDTO;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.promotion.IssueCouponCmd;
import io.paysuite.api.promotion.PointsGrantCmd;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.channel.SandboxControl;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.Buyers.Buyer;
import io.paysuite.it.openapi.MerchantClient.Answer;
import io.paysuite.it.openapi.Merchants;
import io.paysuite.it.openapi.Merchants.TestMerchant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The buyer's coupons and points on the cashier page, in a real browser (headless Chromium) against the
 * whole suite: the page lists only the coupons that apply (the largest discount preselected), the points
 * toggle and the live breakdown; paying sends the choice through pay-core's combination Saga, and the
 * merchant reads every part through the open API ({@code payments}, {@code buyer_paid_amount},
 * {@code promotion_detail}). The trial balance balances after each.
 */
class CashierCouponsIT {

    static TestMerchant shop;
    static CashierBrowser browser;
    private final CouponService coupons = SuiteHarness.reference(CouponService.class, null);
    private final PointsService points = SuiteHarness.reference(PointsService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);

    @BeforeAll
    static void shopAndBrowser() {
        SuiteHarness.suite();
        shop = Merchants.onboard("cashier coupons shop");
        browser = CashierBrowser.start("en-US,en");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void newVisitor() {
        browser.forgetCookies(Merchants.base() + "/css/cashier.css");
    }

    @Test
    void aBuyerPaysWithTheBestCouponPointsAndTheBalanceAndTheMerchantReadsEveryPart() {
        Buyer buyer = Buyers.funded(10_000);
        CouponDTO smaller = coupon(buyer, 300, 0, FundedBy.PLATFORM);
        CouponDTO best = coupon(buyer, 500, 0, FundedBy.PLATFORM);
        CouponDTO belowMinSpend = coupon(buyer, 900, 5_000, FundedBy.PLATFORM);
        ok(points.grant(new PointsGrantCmd(buyer.buyerId(), 1_000L, null, "GRANT-" + UUID.randomUUID(), "cashier coupons it")));
        JsonNode trade = create(3_000, List.of("BALANCE", "WECHAT_QR"));
        String tradeNo = trade.path("trade_no").asText();

        browser.open(trade.path("cashier_url").asText());
        logIn(buyer);
        assertThat(browser.visible("coupon-" + best.couponId()).isSelected()).as("the largest discount is preselected").isTrue();
        assertThat(browser.visible("coupon-" + smaller.couponId()).isSelected()).isFalse();
        browser.visible("coupon-none");
        assertThat(browser.driver().findElements(CashierBrowser.testId("coupon-" + belowMinSpend.couponId())))
                .as("a coupon whose minimum spend this order does not meet is not offered").isEmpty();
        browser.awaitText("pay-breakdown-rest", "¥25.00");
        browser.click("use-points");
        // the live breakdown: 30.00 − 5.00 coupon − 10.00 points
        browser.awaitText("pay-breakdown-rest", "¥15.00");
        assertThat(browser.text("pay-breakdown")).contains("¥30.00", "−¥5.00", "−¥10.00", "¥15.00");
        assertThat(browser.text("pay-submit")).isEqualTo("Pay ¥15.00");
        browser.click("pay-method-BALANCE");
        browser.type("pay-password", Buyers.PAY_PASSWORD);
        browser.click("pay-submit");

        browser.awaitText("pay-result", "SUCCESS");
        JsonNode paid = shop.client().get("/api/v1/trades/" + tradeNo).json();
        assertThat(paid.path("status").asText()).as("read-after-success").isEqualTo("SUCCESS");
        assertThat(paid.path("paid_amount").asLong()).isEqualTo(3_000);
        assertThat(paid.path("buyer_paid_amount").asLong()).isEqualTo(1_500);
        assertThat(parts(paid)).containsExactlyInAnyOrderEntriesOf(Map.of("COUPON", 500L, "POINTS", 1_000L, "BALANCE", 1_500L));
        assertThat(paid.path("promotion_detail")).hasSize(1);
        JsonNode detail = paid.path("promotion_detail").get(0);
        assertThat(detail.path("coupon_id").asText()).isEqualTo(best.couponId());
        assertThat(detail.path("amount").asLong()).isEqualTo(500);
        assertThat(detail.path("funded_by").asText()).isEqualTo("PLATFORM");
        assertThat(Buyers.balance(buyer.buyerId())).as("the wallet paid only the rest").isEqualTo(10_000 - 1_500);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> ok(points.account(buyer.buyerId())).frozen() == 0);
        // every granted point paid (any earned on this payment are fewer than those spent)
        assertThat(ok(points.account(buyer.buyerId())).available()).as("the points used are gone").isLessThan(1_000);
        assertBalanced();
    }

    @Test
    void aBuyerPaysWithAMerchantCouponAndScansTheWechatQrForTheRest() throws Exception {
        Buyer buyer = Buyers.funded(1);
        CouponDTO merchantCoupon = coupon(buyer, 700, 0, FundedBy.MERCHANT);
        JsonNode trade = create(2_500, List.of("WECHAT_QR", "BALANCE"));
        String tradeNo = trade.path("trade_no").asText();

        browser.open(trade.path("cashier_url").asText());
        logIn(buyer);
        assertThat(browser.visible("coupon-" + merchantCoupon.couponId()).isSelected()).isTrue();
        assertThat(browser.visible("use-points").isEnabled()).as("a buyer without points cannot toggle them").isFalse();
        browser.awaitText("pay-breakdown-rest", "¥18.00");
        browser.click("pay-method-WECHAT_QR");
        browser.click("pay-submit");

        String code = browser.text("qr-code-url");
        assertThat(code).startsWith("weixin://");
        SandboxControl.call("POST", "/sandbox/v1/scan", "{\"code_url\":\"" + code + "\",\"outcome\":\"SUCCESS\"}");
        // the scan page reloads itself until the trade is paid
        browser.awaitText("pay-result", "SUCCESS");

        JsonNode paid = shop.client().get("/api/v1/trades/" + tradeNo).json();
        assertThat(paid.path("status").asText()).as("read-after-success").isEqualTo("SUCCESS");
        assertThat(paid.path("buyer_paid_amount").asLong()).isEqualTo(1_800);
        assertThat(parts(paid)).containsExactlyInAnyOrderEntriesOf(Map.of("COUPON", 700L, "WECHAT_QR", 1_800L));
        paid.path("payments").forEach(p -> {
            if ("WECHAT_QR".equals(p.path("method").asText())) {
                assertThat(p.path("channel").asText()).isEqualTo("WECHAT");
            }
        });
        JsonNode detail = paid.path("promotion_detail").get(0);
        assertThat(detail.path("coupon_id").asText()).isEqualTo(merchantCoupon.couponId());
        assertThat(detail.path("funded_by").asText()).isEqualTo("MERCHANT");
        assertThat(Buyers.balance(buyer.buyerId())).as("the wallet paid nothing").isEqualTo(1);
        assertBalanced();
    }

    private CouponDTO coupon(Buyer buyer, long amount, long minSpend, FundedBy fundedBy) {
        Instant now = Instant.now();
        CouponTemplateDTO template = ok(coupons.createTemplate(new CouponTemplateCmd("TPL-" + UUID.randomUUID(),
                amount / 100 + ".00 off", CouponKind.FIXED_AMOUNT, Money.cny(amount), null, null,
                minSpend == 0 ? null : Money.cny(minSpend), now.minus(1, ChronoUnit.MINUTES), now.plus(1, ChronoUnit.DAYS),
                fundedBy, fundedBy == FundedBy.MERCHANT ? shop.merchantId() : null)));
        return ok(coupons.issue(new IssueCouponCmd(template.templateId(), buyer.buyerId(), "ISSUE-" + UUID.randomUUID())));
    }

    private static JsonNode create(long total, List<String> methods) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("out_trade_no", "CC-" + UUID.randomUUID().toString().substring(0, 18));
        body.put("trade_type", "INSTANT");
        body.put("amount", Map.of("total", total, "currency", "CNY"));
        body.put("subject", "Cashier coupons IT");
        body.put("notify_url", MerchantSink.notifyUrl());
        body.put("payment_methods", methods);
        Answer created = shop.client().post("/api/v1/trades", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static void logIn(Buyer buyer) {
        browser.type("login-phone", buyer.phone());
        browser.type("login-password", Buyers.PASSWORD);
        browser.click("login-submit");
    }

    /** The trade's payments by method, from the open API's JSON. */
    private static Map<String, Long> parts(JsonNode view) {
        Map<String, Long> parts = new HashMap<>();
        view.path("payments").forEach(p -> parts.merge(p.path("method").asText(), p.path("amount").asLong(), Long::sum));
        return parts;
    }

    private void assertBalanced() {
        Result<TrialBalanceDTO> trial = ledger.trialBalance("CNY");
        assertThat(trial.success()).as(trial.code()).isTrue();
        assertThat(trial.data().balanced()).as("debits %s, credits %s", trial.data().totalDebit(), trial.data().totalCredit())
                .isTrue();
    }

    private static <T> T ok(Result<T> result) {
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        return result.data();
    }
}
