package io.paysuite.it.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.common.Result;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.config.SuiteRules;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.MerchantClient.Answer;
import io.paysuite.it.openapi.Merchants;
import io.paysuite.it.openapi.Merchants.TestMerchant;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * pay-core's risk rules end to end (docs/architecture.md, "Risk rules"): a rule document written to the
 * config center the way operators' tools do, scoped to this class's own merchant so that no other IT's
 * payment is screened by it; the document stored before is put back afterwards. A refused payment moves
 * nothing; REVIEW steps up or refuses; the document
 * changes live; a rule that cannot be evaluated does not stop the others; decisions are readable through
 * the ops API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RiskRulesIT {

    static final String RULES = "pay-core/risk-rules";
    static final ObjectMapper JSON = new ObjectMapper();

    static TestMerchant shop;
    static String blacklisted;
    static Optional<String> before;

    final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    final PayService pay = SuiteHarness.reference(PayService.class, null);

    static String document(int version, long blockAbove, String extraRule) {
        String m = "\"merchants\":[\"" + shop.merchantId() + "\"]";
        return "{\"version\":" + version + ",\"rules\":["
                + "{\"id\":\"it-single\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\"," + m + ",\"max_amount\":" + blockAbove + "},"
                + "{\"id\":\"it-review\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"REVIEW\"," + m + ",\"max_amount\":3000},"
                + "{\"id\":\"it-list\",\"kind\":\"BLACKLIST\",\"action\":\"BLOCK\"," + m + ",\"buyers\":[\"" + blacklisted + "\"]},"
                + "{\"id\":\"it-velocity\",\"kind\":\"VELOCITY\",\"action\":\"BLOCK\"," + m
                + ",\"subject\":\"BUYER\",\"window\":\"MINUTE\",\"max_count\":2}" + extraRule + "]}";
    }

    @BeforeAll
    static void rules() throws Exception {
        SuiteHarness.suite();
        shop = Merchants.onboard("risk shop");
        blacklisted = Buyers.funded(10_000).buyerId();
        before = RiskRuleDocument.stored();
        write(document(1, 5_000, ""));
        awaitVersion(1);
    }

    /** The rules stored before this class, so that the classes after it find them as they would have without it. */
    @AfterAll
    static void restoreTheStoredRules() throws Exception {
        RiskRuleDocument.restore(before, RiskRuleDocument.stored().orElse(null));
    }

    @Test
    @Order(1)
    void aPaymentOverTheSingleLimitIsRefusedAndMovesNothing() {
        String buyer = Buyers.funded(100_000).buyerId();
        TradeDTO trade = trade(6_000, PayMethod.BALANCE);

        Result<PayOrderDTO> refused = balance(trade, buyer);

        assertThat(refused.code()).isEqualTo("RISK_REJECTED");
        assertThat(Buyers.balance(buyer)).as("no money moved").isEqualTo(100_000);
        assertThat(current(trade).status()).as("the trade waits for another attempt").isEqualTo(TradeStatus.WAIT_PAY);

        Answer barcode = shop.client().post("/api/v1/trades/barcode", "{\"out_trade_no\":\"RISK-" + UUID.randomUUID()
                .toString().substring(0, 18) + "\",\"amount\":{\"total\":6000,\"currency\":\"CNY\"},\"subject\":\"risk\","
                + "\"auth_code\":\"" + alipayCode() + "\"}");
        assertThat(barcode.status()).as(barcode.toString()).isEqualTo(403);
        assertThat(barcode.code()).isEqualTo("RISK_REJECTED");
    }

    @Test
    @Order(2)
    void aBlacklistedBuyerIsRefused() {
        Result<PayOrderDTO> refused = balance(trade(100, PayMethod.BALANCE), blacklisted);

        assertThat(refused.code()).isEqualTo("RISK_REJECTED");
        assertThat(Buyers.balance(blacklisted)).isEqualTo(10_000);
    }

    @Test
    @Order(3)
    void theThirdPaymentOfABuyerWithinAMinuteIsRefused() {
        String buyer = Buyers.funded(10_000).buyerId();
        // the counters are per calendar minute: start early in one so the three payments share it
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).until(() -> LocalTime.now().getSecond() < 30);

        assertThat(balance(trade(100, PayMethod.BALANCE), buyer).data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(balance(trade(100, PayMethod.BALANCE), buyer).data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(balance(trade(100, PayMethod.BALANCE), buyer).code()).isEqualTo("RISK_REJECTED");
        assertThat(Buyers.balance(buyer)).isEqualTo(9_800);
    }

    @Test
    @Order(4)
    void reviewRefusesAQrPaymentAndStepsUpABalancePayment() {
        String buyer = Buyers.funded(10_000).buyerId();
        TradeDTO qr = trade(4_000, PayMethod.ALIPAY_QR);

        Result<PayOrderDTO> refused = pay.pay(new PayCmd(qr.tradeNo(), buyer, PayMethod.ALIPAY_QR, null, "REQ-" + UUID.randomUUID()));
        assertThat(refused.code()).isEqualTo("RISK_REJECTED");
        assertThat(refused.message()).contains("needs review");
        assertThat(current(qr).status()).isEqualTo(TradeStatus.WAIT_PAY);

        TradeDTO wallet = trade(4_000, PayMethod.BALANCE);
        PayCmd first = new PayCmd(wallet.tradeNo(), buyer, PayMethod.BALANCE, Buyers.PAY_PASSWORD, "REQ-" + UUID.randomUUID());
        assertThat(pay.pay(first).code()).as("the password sent with the first attempt confirms nothing")
                .isEqualTo("RISK_STEP_UP_REQUIRED");
        assertThat(Buyers.balance(buyer)).isEqualTo(10_000);
        PayCmd stepUp = new PayCmd(wallet.tradeNo(), buyer, PayMethod.BALANCE, Buyers.PAY_PASSWORD, "REQ-" + UUID.randomUUID())
                .withStepUpOf(first.requestNo());
        assertThat(pay.pay(stepUp).data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(Buyers.balance(buyer)).isEqualTo(6_000);
    }

    @Test
    @Order(5)
    void decisionsAreReadableThroughTheOpsApi() throws Exception {
        HttpResponse<String> answer = Merchants.ops(Merchants.base(), "GET",
                "/ops/api/v1/risk/decisions?merchant_id=" + shop.merchantId() + "&action=BLOCK&limit=50", null);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode data = JSON.readTree(answer.body()).path("data");
        assertThat(data.size()).isGreaterThanOrEqualTo(3);
        assertThat(answer.body()).contains("it-single[BLOCK", "it-list[BLOCK", "it-velocity[BLOCK");
    }

    @Test
    @Order(6)
    void aRuleChangedLiveTakesEffectAndABrokenRuleDoesNotStopTheOthers() throws Exception {
        String broken = ",{\"id\":\"it-broken\",\"kind\":\"VELOCITY\",\"action\":\"BLOCK\",\"merchants\":[\"" + shop.merchantId()
                + "\"],\"subject\":\"PLANET\",\"window\":\"MINUTE\",\"max_count\":1}";
        HttpResponse<String> put = save(document(2, 8_000, broken), version());
        assertThat(put.statusCode()).as("the ops API refuses a document with a broken rule").isEqualTo(400);
        assertThat(put.body()).contains("PARAM_ERROR", "it-broken");

        write(document(2, 8_000, broken)); // written past the ops API: the good rules still load
        awaitVersion(2);

        String buyer = Buyers.funded(100_000).buyerId();
        assertThat(steppedUp(trade(6_000, PayMethod.BALANCE), buyer).data().status())
                .as("6000 passes the raised limit (stepped up past it-review's 3000), the broken rule notwithstanding")
                .isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(balance(trade(9_000, PayMethod.BALANCE), buyer).code()).isEqualTo("RISK_REJECTED");
        assertThat(Buyers.balance(buyer)).isEqualTo(94_000);

        HttpResponse<String> fixed = save(document(3, 8_000, ""), version());
        assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);
        awaitVersion(3);
    }

    @Test
    @Order(7)
    void aSaveOverAVersionSomeoneElseHasSavedSinceIsRefusedAndChangesNothing() throws Exception {
        String read = version();

        HttpResponse<String> first = save(document(4, 8_000, ""), read);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        HttpResponse<String> stale = save(document(5, 1_000, ""), read);

        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(stale.body()).contains("RULES_VERSION_CONFLICT");
        assertThat(save(document(5, 1_000, ""), null).statusCode()).as("a save must name the version read").isEqualTo(400);
        awaitVersion(4);
        assertThat(JSON.readTree(SuiteRules.center().read(RULES).orElseThrow()).path("version").asInt())
                .as("the first save stands, the stale one wrote nothing").isEqualTo(4);
    }

    /** The config center's version of the document in force, as the console reads it before an edit. */
    private static String version() throws Exception {
        HttpResponse<String> rules = Merchants.ops(Merchants.base(), "GET", "/ops/api/v1/risk/rules", null);
        assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
        return JSON.readTree(rules.body()).path("version").asText();
    }

    private static HttpResponse<String> save(String document, String version) throws Exception {
        return Merchants.ops(Merchants.base(), "PUT", "/ops/api/v1/risk/rules"
                + (version == null ? "" : "?version=" + java.net.URLEncoder.encode(version, StandardCharsets.UTF_8)), document);
    }

    private static void write(String document) throws Exception {
        SuiteRules.center().publish(RULES, document);
    }

    private static void awaitVersion(int version) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            HttpResponse<String> rules = Merchants.ops(Merchants.base(), "GET", "/ops/api/v1/risk/rules", null);
            return rules.statusCode() == 200 && JSON.readTree(rules.body()).path("document").path("version").asInt() == version;
        });
    }

    /** A balance payment above it-review's limit: refused for a step-up, then confirmed by it. */
    private Result<PayOrderDTO> steppedUp(TradeDTO trade, String buyer) {
        PayCmd first = new PayCmd(trade.tradeNo(), buyer, PayMethod.BALANCE, Buyers.PAY_PASSWORD, "REQ-" + UUID.randomUUID());
        assertThat(pay.pay(first).code()).isEqualTo("RISK_STEP_UP_REQUIRED");
        return pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BALANCE, Buyers.PAY_PASSWORD, "REQ-" + UUID.randomUUID())
                .withStepUpOf(first.requestNo()));
    }

    private Result<PayOrderDTO> balance(TradeDTO trade, String buyer) {
        return pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BALANCE, Buyers.PAY_PASSWORD, "REQ-" + UUID.randomUUID()));
    }

    private TradeDTO trade(long amount, PayMethod method) {
        Result<TradeDTO> created = trades.create(new CreateTradeCmd(shop.merchantId(), "RISK-" + UUID.randomUUID().toString()
                .substring(0, 20), TradeType.INSTANT, Money.cny(amount), "risk", null, MerchantSink.notifyUrl(), null, null,
                Instant.now().plus(Duration.ofMinutes(30)), List.of(method)));
        assertThat(created.success()).as(created.message()).isTrue();
        return created.data();
    }

    private TradeDTO current(TradeDTO trade) {
        return trades.get(TradeByNoQry.internal(trade.tradeNo())).data();
    }

    private static String alipayCode() {
        StringBuilder code = new StringBuilder("28");
        for (int i = 0; i < 12; i++) {
            code.append(ThreadLocalRandom.current().nextInt(10));
        }
        return code.append("0000").toString();
    }
}
