package io.paysuite.it.cashier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.payout.PayoutCmd;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutService;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.config.SuiteRules;
import io.paysuite.kit.config.ConfigCenter;
import io.paysuite.it.channel.SandboxControl;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.MerchantClient;
import io.paysuite.it.openapi.Merchants;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The ops console in a real browser (headless Chromium) against the whole suite. The bootstrap admin (password from
 * the run's {@code ops-admin-password}) logs in and creates a viewer and an operator; the operator finds a paid trade by
 * the channel's number, resends its notification and resolves a reconciliation difference made by the sandbox's bill;
 * the admin changes a routing gray percentage through the diff and reads it back; the audit log shows all of it with
 * who did it. The viewer sees the pages without any control and the API refuses it a change (403). The pages speak
 * Chinese on request.
 */
class OpsConsoleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHANNEL_DAY = ZoneId.of("Asia/Shanghai");
    private static final String RULES = "channel-gateway/routing-rules";
    /** The gateway's defaults written out (every channel open for its methods), so the console has rules to edit. */
    private static final String OPEN_RULES = "[{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_QR\"},{\"channel\":\"ALIPAY\",\"method\":\"ALIPAY_CODE\"},"
            + "{\"channel\":\"WECHAT\",\"method\":\"WECHAT_QR\"},{\"channel\":\"WECHAT\",\"method\":\"WECHAT_CODE\"},"
            + "{\"channel\":\"UNIONPAY\",\"method\":\"BANK_CARD\"},{\"channel\":\"UNIONPAY_B\",\"method\":\"BANK_CARD\",\"gray_percent\":100}]";

    static CashierBrowser browser;
    static String console;

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pay = SuiteHarness.reference(PayService.class, null);
    private final ChannelService channels = SuiteHarness.reference(ChannelService.class, null);
    private final String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36);

    @BeforeAll
    static void suiteAndBrowser() {
        SuiteHarness.suite();
        console = Merchants.base() + "/ops/";
        browser = CashierBrowser.start("en-US,en");
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        SandboxControl.call("DELETE", "/sandbox/v1/bill-faults", null);
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void operatorsWorkThroughTheConsoleByRoleAndTheAuditLogShowsWhoDidWhat() throws Exception {
        String viewer = "viewer-" + suffix;
        String operator = "operator-" + suffix;
        String password = "console-it-" + suffix + "-pw";

        // the admin creates a viewer and an operator
        logIn("admin", Files.readString(Merchants.workDir().resolve("ops-admin-password")).strip());
        assertThat(browser.text("my-role")).isEqualTo("ADMIN");
        browser.open(console + "operators");
        createOperator(viewer, "VIEWER", password);
        createOperator(operator, "OPERATOR", password);

        // a paid trade with its notification, and a bill that disagrees on its amount
        Paid paid = paidByAlipay(Merchants.onboard("ops console shop " + suffix).merchantId(), 2_345);
        LocalDate day = LocalDate.ofInstant(paid.order().finishedAt(), CHANNEL_DAY);
        SandboxControl.call("POST", "/sandbox/v1/bill-faults", JSON.createObjectNode().put("channel", "ALIPAY")
                .put("bill_date", day.toString()).put("action", "CHANGE_AMOUNT").put("kind", "PAYMENT")
                .put("out_trade_no", paid.order().channelOrderNo()).put("amount_fen", 2_300L).toString());
        long batch = opsApi("POST", "/ops/api/v1/reconciliations", JSON.createObjectNode().put("channel", "ALIPAY")
                .put("bill_date", day.toString()).toString()).path("reconciliation_id").asLong();
        long difference = differenceAbout(batch, paid.order().channelOrderNo());
        String eventId = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> opsApi("GET", "/ops/api/v1/notifications?trade_no=" + paid.trade().tradeNo(), null).path("data"),
                        data -> data.size() > 0).get(0).path("event_id").asText();

        // the operator: search by the channel's number, resend, resolve
        logIn(operator, password);
        browser.open(console + "trades");
        browser.type("search-number", paid.order().channelTradeNo());
        browser.click("search-go");
        browser.awaitText("search-results", paid.trade().tradeNo());
        browser.awaitText("search-results", "CHANNEL_NO");
        browser.awaitText("trail", "PAY_ORDER_SUCCESS");

        browser.open(console + "notifications");
        browser.type("notify-trade", paid.trade().tradeNo());
        browser.click("notify-go");
        browser.click("resend-" + eventId);
        browser.awaitText("notify-result", eventId);
        assertThat(browser.text("notify-result")).startsWith("Done");

        browser.open(console + "reconciliations");
        browser.click("batch-" + batch);
        new Select(browser.visible("resolve-action-" + difference)).selectByValue("ADJUST");
        browser.type("resolve-reason-" + difference, "console IT: the bill is short by 45 fen");
        browser.click("resolve-" + difference);
        browser.awaitText("recon-result", difference + " → RESOLVED");
        JsonNode resolved = differenceById(batch, difference);
        assertThat(resolved.path("resolution").path("by").asText()).as("the logged-in operator, not the token").isEqualTo(operator);

        // the admin changes a gray percentage, sees the diff, saves and reads it back
        ConfigCenter rules = SuiteRules.center();
        rules.publish(RULES, OPEN_RULES);
        try {
            logIn("admin", Files.readString(Merchants.workDir().resolve("ops-admin-password")).strip());
            browser.open(console + "channels");
            browser.type("gray-UNIONPAY_B-BANK_CARD", "40");
            browser.click("rules-preview");
            browser.awaitText("rules-diff", "UNIONPAY_B/BANK_CARD");
            assertThat(browser.text("rules-diff")).contains("gray_percent").contains("100").contains("40");
            browser.click("rules-save");
            browser.awaitText("rules-status", "Done");
            JsonNode readBack = opsApi("GET", "/ops/api/v1/rules/routing", null);
            assertThat(readBack.path("rules").findValues("gray_percent")).extracting(JsonNode::asInt).contains(40);
            assertThat(rules.read(RULES)).hasValueSatisfying(text -> assertThat(text).contains("\"gray_percent\":40"));
        } finally {
            rules.remove(RULES);
        }

        // the audit log: who did what, with the object before and after where the endpoint knows it
        browser.open(console + "audit");
        browser.awaitText("audit", "/ops/api/v1/rules/routing");
        String audit = browser.text("audit");
        assertThat(audit).contains("/ops/api/v1/operators").contains(operator + " OPERATOR REQUEST POST")
                .contains("/ops/api/v1/notifications/" + eventId + "/resend")
                .contains("/ops/api/v1/reconciliations/differences/" + difference + "/resolve")
                .contains("LOGIN").contains("\"gray_percent\":40");
        browser.click("audit-verify");
        browser.awaitText("audit-chain", "Chain intact");

        // the viewer: pages without controls, and the API refuses it a change
        logIn(viewer, password);
        browser.open(console + "notifications");
        browser.type("notify-trade", paid.trade().tradeNo());
        browser.click("notify-go");
        browser.awaitText("notifications", eventId);
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid^='resend-']"))).isEmpty();
        assertThat(browser.visible("read-only").isDisplayed()).isTrue();
        Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/ops/api/v1/notifications/" + eventId + "/resend', {method: 'POST', headers: {'X-CSRF-Token':"
                + " document.querySelector('meta[name=\"csrf-token\"]').content}}).then(r => done(r.status));");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        browser.open(console + "operators");
        browser.visible("page-forbidden");

        // and in Chinese
        browser.open(console + "dashboard?lang=zh-CN");
        browser.awaitText("page-title", "总览");
        assertThat(browser.text("logout")).isEqualTo("退出登录");
        browser.open(console + "dashboard?lang=en");
    }

    /**
     * The merchants page and the payouts search: a key rotated with a generated key signs at once while the old key
     * keeps verifying in its grace period (and the audit line hides the private key); a rate limit set in the console
     * bites live and a save over a stale version is a conflict; a payout is found by our number and the channel's.
     */
    @Test
    void anAdminRotatesAKeyEditsARateLimitAndFindsAPayoutByEitherNumber() throws Exception {
        Merchants.TestMerchant shop = Merchants.onboard("ops merchant page " + suffix);
        JsonNode rotated = opsApi("POST", "/ops/api/v1/merchants/apps/" + shop.appId() + "/keys/rotate", "{\"grace_hours\":1}");
        assertThat(rotated.path("old_keys_retiring").asInt()).isEqualTo(1);
        String pem = rotated.path("private_key_pem").asText().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey newKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        MerchantClient signer = shop.client().as(shop.appId(), rotated.path("serial_no").asText(), newKey, Merchants.tlsCert(),
                Merchants.platformCert());
        assertThat(signer.get("/api/v1/trades?out_trade_no=ROT-" + suffix).code()).as("the new key").isEqualTo("TRADE_NOT_FOUND");
        assertThat(shop.client().get("/api/v1/trades?out_trade_no=ROT-" + suffix).code()).as("the old key, in its grace")
                .isEqualTo("TRADE_NOT_FOUND");

        // the rate limit, edited in the console
        String limits = "sentinel/cashier-service/merchant-flow-rules";
        ConfigCenter rules = SuiteRules.center();
        java.util.Optional<String> before = rules.read(limits);
        try {
            logIn("admin", Files.readString(Merchants.workDir().resolve("ops-admin-password")).strip());
            browser.open(console + "merchants");
            browser.type("limit-merchant", shop.merchantId());
            browser.click("limit-load");
            browser.awaitText("limit-result", shop.merchantId() + " @"); // loaded: typing now is not overwritten
            browser.type("limit-qps", "2");
            browser.click("limit-save");
            browser.awaitText("limit-result", shop.merchantId() + " 2");
            JsonNode limit = opsApi("GET", "/ops/api/v1/merchants/" + shop.merchantId() + "/rate-limit", null);
            assertThat(limit.path("qps").asInt()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> Merchants.burst(shop, 8).contains(429));
            rules.publish(limits, rules.read(limits).orElseThrow() + "\n"); // someone else saves: the version read is stale now
            HttpResponse<String> stale = Merchants.ops(Merchants.base(), "PUT", "/ops/api/v1/merchants/" + shop.merchantId()
                    + "/rate-limit", JSON.createObjectNode().putNull("qps").put("version", limit.path("version").asText()).toString());
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(stale.body()).contains("RULES_VERSION_CONFLICT");
        } finally {
            before.ifPresentOrElse(text -> rules.publish(limits, text), () -> rules.remove(limits));
        }

        // a payout, found on the trades page by our number and by the channel's
        PayoutService payouts = SuiteHarness.reference(PayoutService.class, null);
        String payoutNo = "PO" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        ok(payouts.payout(new PayoutCmd(payoutNo, PayoutPurpose.SETTLEMENT, "M_OPS_IT_" + suffix, Money.cny(1_234),
                "6222020200004321", "Ops IT Shop", "ops console it")));
        String channelNo = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> ok(payouts.get(payoutNo)).channelPayoutNo(), no -> no != null && !no.isBlank());
        browser.open(console + "trades");
        browser.type("payout-number", channelNo);
        browser.click("payout-go");
        browser.awaitText("payouts", payoutNo);
        assertThat(opsApi("GET", "/ops/api/v1/payouts?number=" + payoutNo, null).path("data").get(0).path("channel_payout_no")
                .asText()).isEqualTo(channelNo);

        browser.open(console + "audit");
        browser.awaitText("audit", "/keys/rotate");
        assertThat(browser.text("audit")).doesNotContain(rotated.path("private_key_pem").asText().substring(40, 80));
    }

    private void logIn(String name, String password) {
        browser.forgetCookies(Merchants.base() + "/ops/assets/console.css");
        browser.open(console + "login");
        browser.type("login-name", name);
        browser.type("login-password", password);
        browser.click("login-submit");
        browser.awaitText("me", name);
    }

    private void createOperator(String name, String role, String password) {
        browser.type("op-login", name);
        new Select(browser.visible("op-role")).selectByValue(role);
        browser.type("op-password", password);
        browser.click("op-create");
        browser.awaitText("op-result", name + " " + role);
        browser.awaitText("operators", name);
    }

    private record Paid(TradeDTO trade, ChannelOrderDTO order) {
    }

    private Paid paidByAlipay(String merchant, long amount) throws Exception {
        TradeDTO trade = ok(trades.create(new CreateTradeCmd(merchant, "OPS-" + UUID.randomUUID().toString().substring(0, 20),
                TradeType.INSTANT, Money.cny(amount), "ops console it", null, MerchantSink.notifyUrl(), null, null,
                Instant.now().plus(Duration.ofMinutes(30)), List.of(PayMethod.ALIPAY_QR))));
        String buyer = Buyers.funded(1).buyerId();
        PayOrderDTO started = ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.ALIPAY_QR, null, "REQ-" + UUID.randomUUID())));
        ChannelOrderDTO order = ok(channels.get(started.payOrderNo()));
        SandboxControl.call("POST", "/sandbox/v1/scan", JSON.createObjectNode().put("code_url", order.codeUrl())
                .put("outcome", "SUCCESS").toString());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> ok(trades.get(TradeByNoQry.internal(trade.tradeNo()))).status() == TradeStatus.SUCCESS);
        ChannelOrderDTO known = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> ok(channels.get(started.payOrderNo())), o -> o.channelTradeNo() != null);
        return new Paid(trade, known);
    }

    private long differenceAbout(long batch, String channelOrderNo) throws Exception {
        for (JsonNode d : opsApi("GET", "/ops/api/v1/reconciliations/" + batch + "/differences", null)) {
            if (channelOrderNo.equals(d.path("our_no").asText()) && d.path("type").asText().equals("AMOUNT_MISMATCH")) {
                assertThat(d.path("status").asText()).isEqualTo("ESCALATED");
                return d.path("difference_id").asLong();
            }
        }
        throw new AssertionError("no amount difference about " + channelOrderNo + " in batch " + batch);
    }

    private JsonNode differenceById(long batch, long id) throws Exception {
        for (JsonNode d : opsApi("GET", "/ops/api/v1/reconciliations/" + batch + "/differences", null)) {
            if (d.path("difference_id").asLong() == id) {
                return d;
            }
        }
        throw new AssertionError("no difference " + id);
    }

    private static JsonNode opsApi(String method, String path, String body) throws Exception {
        HttpResponse<String> answer = Merchants.ops(Merchants.base(), method, path, body);
        assertThat(answer.statusCode()).as(method + " " + path + " → " + answer.body()).isBetween(200, 299);
        return JSON.readTree(answer.body());
    }

    private static <T> T ok(Result<T> result) {
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        return result.data();
    }
}
