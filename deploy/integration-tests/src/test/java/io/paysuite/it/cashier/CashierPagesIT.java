package io.paysuite.it.cashier;

import io.paysuite.it.MerchantSink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysuite.api.common.Result;
import io.paysuite.api.member.BindCardCmd;
import io.paysuite.api.member.BoundCardDTO;
import io.paysuite.api.member.CardType;
import io.paysuite.api.member.MemberService;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.promotion.EarnedPoints;
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
import io.paysuite.it.channel.SandboxControl;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.Buyers.Buyer;
import io.paysuite.it.openapi.MerchantClient.Answer;
import io.paysuite.it.openapi.Merchants;
import io.paysuite.it.openapi.Merchants.TestMerchant;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The cashier pages in a real browser (headless Chromium) against the whole suite: a merchant
 * creates trades through the signed open API, a buyer opens {@code cashier_url}, logs in and pays
 * with the wallet balance, a QR code or a bound bank card, with or without a coupon and points; the trade, the
 * wallet and the pages must agree.
 */
class CashierPagesIT {

    static final String WRONG_PAY_PASSWORD = "000000";

    static TestMerchant shop;
    static CashierBrowser browser;

    @BeforeAll
    static void shopAndBrowser() {
        SuiteHarness.suite();
        shop = Merchants.onboard("cashier pages shop");
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
    void aBuyerPaysATradeThroughTheCashierPagesWithTheBalance() throws Exception {
        Buyer buyer = Buyers.funded(10_000);
        String returnUrl = Merchants.base() + "/css/cashier.css?returned=" + UUID.randomUUID();
        NotificationReceiver merchant = new NotificationReceiver((id, nth) -> 200);
        try {
            JsonNode trade = create(1_234, "Cashier IT green tea", Map.of("return_url", returnUrl, "payment_methods", List.of("BALANCE"),
                    "notify_url", merchant.url()));

            browser.open(trade.path("cashier_url").asText());
            assertThat(browser.text("cashier-amount")).isEqualTo("¥12.34");
            assertThat(browser.text("cashier-subject")).isEqualTo("Cashier IT green tea");
            logIn(buyer);
            payWith(Buyers.PAY_PASSWORD);

            browser.awaitText("pay-result", "SUCCESS");
            assertThat(browser.text("pay-result")).contains("Payment successful");
            readsSuccessAtOnce(trade.path("trade_no").asText());
            assertThat(browser.visible("return-to-merchant").getAttribute("href")).isEqualTo(returnUrl);
            // the success page sends the buyer back to the merchant by itself
            browser.await(ExpectedConditions.urlToBe(returnUrl), "waiting for the return to the merchant");

            JsonNode paid = awaitTradeStatus(trade.path("trade_no").asText(), "SUCCESS");
            assertThat(paid.path("paid_amount").asLong()).isEqualTo(1_234);
            assertThat(paid.path("payments")).hasSize(1);
            assertThat(paid.path("payments").get(0).path("method").asText()).isEqualTo("BALANCE");
            assertThat(Buyers.balance(buyer.buyerId())).as("the wallet is debited exactly once").isEqualTo(10_000 - 1_234);

            // the merchant hears of it: one signed TRADE.SUCCESS with the paid trade
            String tradeNo = trade.path("trade_no").asText();
            await().atMost(Duration.ofSeconds(60)).until(() -> !merchant.of(tradeNo, "TRADE.SUCCESS").isEmpty());
            NotificationReceiver.Received success = merchant.of(tradeNo, "TRADE.SUCCESS").get(0);
            assertThat(shop.client().verifies(success.headers(), success.body())).as("platform signature").isTrue();
            assertThat(success.resource().path("status").asText()).isEqualTo("SUCCESS");
            assertThat(success.resource().path("paid_amount").asLong()).isEqualTo(1_234);
            assertThat(success.id()).isNotBlank();
        } finally {
            merchant.close();
        }
    }

    @Test
    void aBuyerPaysWithAlipayByScanningTheQrCodeTheCashierShows() throws Exception {
        Buyer buyer = Buyers.funded(1);
        NotificationReceiver merchant = new NotificationReceiver((id, nth) -> 200);
        try {
            JsonNode trade = create(2_345, "Cashier IT QR", Map.of("payment_methods", List.of("ALIPAY_QR", "BALANCE"),
                    "notify_url", merchant.url()));
            String tradeNo = trade.path("trade_no").asText();

            browser.open(trade.path("cashier_url").asText());
            logIn(buyer);
            browser.click("pay-method-ALIPAY_QR");
            browser.click("pay-submit");

            String code = browser.text("qr-code-url");
            assertThat(code).startsWith("https://qr.alipay.com/");
            assertThat(browser.text("pay-result")).contains("PAYING");
            assertThat(browser.source()).contains("data:image/png;base64,");
            HttpResponse<String> scanned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    SuiteHarness.suite().sandbox().baseUri().resolve("/sandbox/v1/scan"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code_url\":\"" + code + "\",\"outcome\":\"SUCCESS\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scanned.statusCode()).as(scanned.body()).isEqualTo(200);

            // the scan page reloads itself until the trade is paid, then shows the result
            browser.awaitText("pay-result", "SUCCESS");
            readsSuccessAtOnce(tradeNo);
            JsonNode paid = awaitTradeStatus(tradeNo, "SUCCESS");
            assertThat(paid.path("payments").get(0).path("method").asText()).isEqualTo("ALIPAY_QR");
            assertThat(paid.path("payments").get(0).path("channel").asText()).isEqualTo("ALIPAY");
            assertThat(Buyers.balance(buyer.buyerId())).as("the wallet paid nothing").isEqualTo(1);
            await().atMost(Duration.ofSeconds(60)).until(() -> !merchant.of(tradeNo, "TRADE.SUCCESS").isEmpty());
        } finally {
            merchant.close();
        }
    }

    @Test
    void aWrongPaymentPasswordShowsTheErrorAndChangesNothingThenTheRightOnePays() {
        Buyer buyer = Buyers.funded(5_000);
        JsonNode trade = create(800, "Cashier IT wrong password", Map.of("buyer_id", buyer.buyerId()));
        String tradeNo = trade.path("trade_no").asText();

        browser.open(trade.path("cashier_url").asText());
        logIn(buyer);
        payWith(WRONG_PAY_PASSWORD);

        browser.awaitText("pay-error", "Wrong payment password");
        assertThat(browser.text("pay-error")).containsPattern("\\d+ attempts left");
        assertThat(Buyers.balance(buyer.buyerId())).isEqualTo(5_000);
        assertThat(shop.client().get("/api/v1/trades/" + tradeNo).json().path("status").asText()).isEqualTo("WAIT_PAY");

        payWith(Buyers.PAY_PASSWORD);
        browser.awaitText("pay-result", "SUCCESS");
        awaitTradeStatus(tradeNo, "SUCCESS");
        assertThat(Buyers.balance(buyer.buyerId())).isEqualTo(5_000 - 800);
    }

    @Test
    void aBuyerPaysWithABoundCardAndThePageFollowsUnionPayUntilTheTradeIsPaid() {
        Buyer buyer = Buyers.funded(1);
        // the sandbox settles tokens ending 0000; random digits keep runs on one database apart
        String token = "TOKEN62" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L)) + "0000";
        BoundCardDTO card = bind(buyer, token);
        JsonNode trade = create(4_321, "Cashier IT bank card", Map.of("payment_methods", List.of("BANK_CARD", "BALANCE")));
        String tradeNo = trade.path("trade_no").asText();

        browser.open(trade.path("cashier_url").asText());
        logIn(buyer);
        browser.click("pay-method-BANK_CARD");
        assertThat(browser.visible("pay-card-" + card.cardId()).isSelected()).as("the buyer's only card is preselected").isTrue();
        assertThat(browser.source()).contains("6222 **** **** 0000").doesNotContain(token);

        browser.type("pay-password", WRONG_PAY_PASSWORD);
        browser.click("pay-submit");
        browser.awaitText("pay-error", "Wrong payment password");
        assertThat(shop.client().get("/api/v1/trades/" + tradeNo).json().path("status").asText()).isEqualTo("WAIT_PAY");

        browser.click("pay-method-BANK_CARD");
        browser.type("pay-password", Buyers.PAY_PASSWORD);
        browser.click("pay-submit");

        // UnionPay accepts first and settles a moment later: the page reloads itself until then
        browser.awaitText("pay-result", "SUCCESS");
        assertThat(browser.text("pay-result")).contains("Payment successful");
        readsSuccessAtOnce(tradeNo);
        JsonNode paid = awaitTradeStatus(tradeNo, "SUCCESS");
        assertThat(paid.path("paid_amount").asLong()).isEqualTo(4_321);
        assertThat(paid.path("payments")).hasSize(1);
        assertThat(paid.path("payments").get(0).path("method").asText()).isEqualTo("BANK_CARD");
        // either acquirer may take it (channel-gateway ranks them and may reroute a definite refusal)
        assertThat(paid.path("payments").get(0).path("channel").asText()).isIn("UNIONPAY", "UNIONPAY_B");
        assertThat(Buyers.balance(buyer.buyerId())).as("the wallet paid nothing").isEqualTo(1);
    }

    @Test
    void aBuyerWithoutABoundCardIsToldSoAndPaysAnotherWay() {
        Buyer buyer = Buyers.funded(1_000);
        JsonNode trade = create(700, "Cashier IT no card", Map.of("payment_methods", List.of("BANK_CARD", "BALANCE")));

        browser.open(trade.path("cashier_url").asText());
        logIn(buyer);

        assertThat(browser.text("pay-card-note")).contains("No bank card is bound to your account yet.");
        assertThat(browser.visible("pay-method-BANK_CARD").isEnabled()).isFalse();
        payWith(Buyers.PAY_PASSWORD);
        browser.awaitText("pay-result", "SUCCESS");
        awaitTradeStatus(trade.path("trade_no").asText(), "SUCCESS");
    }

    @Test
    void closedAndPaidTradesShowTheirPagesAndAForgedLinkShowsTheInvalidPage() {
        JsonNode closing = create(300, "Cashier IT closed", Map.of());
        Answer closed = shop.client().post("/api/v1/trades/" + closing.path("trade_no").asText() + "/close", "");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        browser.open(closing.path("cashier_url").asText());
        browser.awaitText("pay-result", "CLOSED");
        assertThat(browser.text("pay-result")).contains("This order is closed.");
        assertThat(browser.driver().findElements(CashierBrowser.testId("login-submit"))).isEmpty();

        Buyer buyer = Buyers.funded(1_000);
        JsonNode paying = create(400, "Cashier IT paid elsewhere", Map.of());
        String paidNo = paying.path("trade_no").asText();
        assertThat(Buyers.pay(paidNo, buyer.buyerId()).success()).isTrue();
        awaitTradeStatus(paidNo, "SUCCESS");
        browser.open(paying.path("cashier_url").asText());
        browser.awaitText("pay-result", "SUCCESS");
        assertThat(browser.text("pay-result")).contains("already been paid");

        String url = create(500, "Cashier IT forged", Map.of()).path("cashier_url").asText();
        browser.open(forged(url));
        assertThat(browser.text("link-invalid")).contains("Link invalid or expired");
        assertThat(browser.source()).doesNotContain("Exception").doesNotContain("cashier-amount");
    }

    @Test
    void thePageIsInChineseForChineseBrowsersOrOnRequestAndInEnglishOtherwise() {
        String url = create(600, "Cashier IT languages", Map.of()).path("cashier_url").asText();

        browser.open(url);
        assertThat(loginTitle()).isEqualTo("Log in to pay");

        browser.open(url + "?lang=zh_CN");
        assertThat(loginTitle()).isEqualTo("登录后付款");
        browser.open(url);
        assertThat(loginTitle()).as("the choice is remembered").isEqualTo("登录后付款");
        browser.open(url + "?lang=en");
        assertThat(loginTitle()).isEqualTo("Log in to pay");

        try (CashierBrowser chinese = CashierBrowser.start("zh-CN,zh")) {
            chinese.open(url);
            chinese.visible("login-submit");
            assertThat(chinese.driver().findElement(By.cssSelector("form h2")).getText()).isEqualTo("登录后付款");
            assertThat(chinese.text("login-submit")).isEqualTo("登录");
        }
    }

    /**
     * The buyer's coupons and points (issue 14): only the coupons that apply, the largest preselected, the points
     * toggle and the live breakdown; the combination Saga pays, and the merchant reads every part.
     */
    @Test
    void aBuyerPaysWithTheBestCouponPointsAndTheBalanceAndTheMerchantReadsEveryPart() {
        Buyer buyer = Buyers.funded(10_000);
        CouponDTO smaller = coupon(buyer, 300, 0, FundedBy.PLATFORM);
        CouponDTO best = coupon(buyer, 500, 0, FundedBy.PLATFORM);
        CouponDTO belowMinSpend = coupon(buyer, 900, 5_000, FundedBy.PLATFORM);
        ok(points().grant(new PointsGrantCmd(buyer.buyerId(), 1_000L, null, "GRANT-" + UUID.randomUUID(), "cashier coupons it")));
        JsonNode trade = create(3_000, "Cashier IT coupon and points", Map.of("payment_methods", List.of("BALANCE", "WECHAT_QR")));
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
                .until(() -> ok(points().account(buyer.buyerId())).frozen() == 0);
        // every granted point paid; the 15.00 the wallet paid earns 15 (1 per 1.00), once member-service saw the payment
        assertThat(EarnedPoints.awaitEarned(tradeNo)).isEqualTo(15);
        assertThat(ok(points().account(buyer.buyerId())).available()).as("the points used are gone, those earned added")
                .isEqualTo(1_000 - 1_000 + 15);
        assertBalanced();
    }

    @Test
    void aBuyerPaysWithAMerchantCouponAndScansTheWechatQrForTheRest() throws Exception {
        Buyer buyer = Buyers.funded(1);
        CouponDTO merchantCoupon = coupon(buyer, 700, 0, FundedBy.MERCHANT);
        JsonNode trade = create(2_500, "Cashier IT coupon and QR", Map.of("payment_methods", List.of("WECHAT_QR", "BALANCE")));
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

    private static CouponDTO coupon(Buyer buyer, long amount, long minSpend, FundedBy fundedBy) {
        Instant now = Instant.now();
        CouponTemplateDTO template = ok(coupons().createTemplate(new CouponTemplateCmd("TPL-" + UUID.randomUUID(),
                amount / 100 + ".00 off", CouponKind.FIXED_AMOUNT, Money.cny(amount), null, null,
                minSpend == 0 ? null : Money.cny(minSpend), now.minus(1, ChronoUnit.MINUTES), now.plus(1, ChronoUnit.DAYS),
                fundedBy, fundedBy == FundedBy.MERCHANT ? shop.merchantId() : null)));
        return ok(coupons().issue(new IssueCouponCmd(template.templateId(), buyer.buyerId(), "ISSUE-" + UUID.randomUUID())));
    }

    private static JsonNode create(long total, String subject, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("out_trade_no", "CP-" + UUID.randomUUID().toString().substring(0, 18));
        body.put("trade_type", "INSTANT");
        body.put("amount", Map.of("total", total, "currency", "CNY"));
        body.put("subject", subject);
        body.put("notify_url", MerchantSink.notifyUrl());
        body.putAll(extra);
        Answer created = shop.client().post("/api/v1/trades", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** What the card-binding flow will do once UnionPay has returned the token: bind it through member-service. */
    private static BoundCardDTO bind(Buyer buyer, String token) {
        Result<BoundCardDTO> bound = SuiteHarness.reference(MemberService.class, null)
                .bindCard(new BindCardCmd(buyer.buyerId(), token, "6222 **** **** 0000", "Cashier IT Bank", CardType.DEBIT));
        assertThat(bound.success()).as(bound.code() + " " + bound.message()).isTrue();
        return bound.data();
    }

    private static void logIn(Buyer buyer) {
        browser.type("login-phone", buyer.phone());
        browser.type("login-password", Buyers.PASSWORD);
        browser.click("login-submit");
    }

    private static void payWith(String payPassword) {
        browser.click("pay-method-BALANCE");
        assertThat(browser.visible("pay-method-BALANCE").isSelected()).isTrue();
        browser.type("pay-password", payPassword);
        browser.click("pay-submit");
    }

    private static String loginTitle() {
        browser.visible("login-submit");
        return browser.driver().findElement(By.cssSelector("form h2")).getText();
    }

    /** The trade reaches {@code status} (it follows the pay order's event asynchronously). */
    /**
     * Read-after-success: once the page says the payment succeeded, the merchant's first query (on the return, or
     * at once) already answers SUCCESS — one read, no waiting.
     */
    private static void readsSuccessAtOnce(String tradeNo) {
        assertThat(shop.client().get("/api/v1/trades/" + tradeNo).json().path("status").asText())
                .as("GET /api/v1/trades/%s right after the page showed success", tradeNo).isEqualTo("SUCCESS");
    }

    private static JsonNode awaitTradeStatus(String tradeNo, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                shop.client().get("/api/v1/trades/" + tradeNo).json().path("status").asText().equals(status));
        return shop.client().get("/api/v1/trades/" + tradeNo).json();
    }

    /** The same link with one character of its token flipped. */
    private static String forged(String url) {
        int at = url.lastIndexOf('/') + 10;
        char flipped = url.charAt(at) == 'A' ? 'B' : 'A';
        return url.substring(0, at) + flipped + url.substring(at + 1);
    }

    /** The trade's payments by method, from the open API's JSON. */
    private static Map<String, Long> parts(JsonNode view) {
        Map<String, Long> parts = new HashMap<>();
        view.path("payments").forEach(p -> parts.merge(p.path("method").asText(), p.path("amount").asLong(), Long::sum));
        return parts;
    }

    private static CouponService coupons() {
        return SuiteHarness.reference(CouponService.class, null);
    }

    private static PointsService points() {
        return SuiteHarness.reference(PointsService.class, null);
    }

    private static void assertBalanced() {
        Result<TrialBalanceDTO> trial = SuiteHarness.reference(LedgerService.class, null).trialBalance("CNY");
        assertThat(trial.success()).as(trial.code()).isTrue();
        assertThat(trial.data().balanced()).as("debits %s, credits %s", trial.data().totalDebit(), trial.data().totalCredit())
                .isTrue();
    }

    private static <T> T ok(Result<T> result) {
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        return result.data();
    }
}
