package io.paysuite.it.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysuite.api.common.Result;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.pay.RiskContext;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.config.SuiteRules;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.MerchantClient.Answer;
import io.paysuite.it.openapi.Merchants;
import io.paysuite.it.openapi.Merchants.TestMerchant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of pay-core risk rule end to end, each configured to the action the rule document gives it
 * (docs/architecture.md, "Risk rules"), and the REVIEW step-up. Each test writes its own document through the
 * config center, scoped to a merchant id of its own, with fresh buyers, devices, addresses and cards, so that the
 * counters it reads are its own; after each test the document stored before is put back. Device and IP reach
 * pay-core as the cashier page and the barcode endpoint send them: in {@link PayCmd#withRisk}'s
 * {@link RiskContext}; the barcode test goes through the open API itself.
 */
class RiskRuleKindsIT {

    static TestMerchant till;

    final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    final PayService pay = SuiteHarness.reference(PayService.class, null);
    final String merchant = "M_RK_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 50), 36).toUpperCase();
    Optional<String> before;
    String applied;

    @BeforeAll
    static void suite() {
        SuiteHarness.suite();
        till = Merchants.onboard("risk kinds till");
    }

    @BeforeEach
    void keepTheStoredRules() {
        before = RiskRuleDocument.stored();
    }

    @AfterEach
    void restoreTheStoredRules() throws Exception {
        RiskRuleDocument.restore(before, applied);
    }

    @Test
    void reviewIsNotPassedByTheFirstPasswordButByItsStepUpAndNothingMovesUntilThen() throws Exception {
        rules("{\"id\":\"rk-buyer-day\",\"kind\":\"DAILY_LIMIT\",\"action\":\"REVIEW\"," + scope()
                + ",\"subject\":\"BUYER\",\"max_amount\":5000}");
        awayFromMidnight();
        String buyer = Buyers.funded(10_000).buyerId();
        assertThat(balance(trade(3_000), buyer, RiskContext.NONE).data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        TradeDTO second = trade(3_000);
        PayCmd first = balanceCmd(second, buyer, RiskContext.NONE);

        Result<PayOrderDTO> asked = pay.pay(first);
        assertThat(asked.code()).as("3000 + 3000 passes the buyer's 5000 a day: step up").isEqualTo("RISK_STEP_UP_REQUIRED");
        assertThat(pay.pay(first).code()).as("the same attempt with the same password again").isEqualTo("RISK_STEP_UP_REQUIRED");
        assertThat(pay.pay(balanceCmd(second, buyer, RiskContext.NONE).withStepUpOf("REQ-NEVER-ASKED")).code())
                .as("a step-up of an attempt that was never asked").isEqualTo("RISK_STEP_UP_REQUIRED");
        assertThat(Buyers.balance(buyer)).as("nothing moved before the step-up").isEqualTo(7_000);
        assertThat(current(second).status()).isEqualTo(TradeStatus.WAIT_PAY);

        Result<PayOrderDTO> confirmed = pay.pay(balanceCmd(second, buyer, RiskContext.NONE).withStepUpOf(first.requestNo()));

        assertThat(confirmed.success()).as(confirmed.message()).isTrue();
        assertThat(confirmed.data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(Buyers.balance(buyer)).isEqualTo(4_000);
        assertThat(RiskRuleDocument.decisionsOf(second.tradeNo()).findValuesAsText("inputs"))
                .anyMatch(i -> i.endsWith("outcome=step_up_required")).anyMatch(i -> i.endsWith("outcome=passed_with_step_up"));
    }

    @Test
    void aMerchantsDailyLimitBlocksThePaymentThatPassesItAndAnAllowRuleOnlyLogs() throws Exception {
        rules("{\"id\":\"rk-merchant-day\",\"kind\":\"DAILY_LIMIT\",\"action\":\"BLOCK\"," + scope()
                        + ",\"subject\":\"MERCHANT\",\"max_amount\":5000}",
                "{\"id\":\"rk-watch\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"ALLOW\"," + scope() + ",\"max_amount\":1000}");
        awayFromMidnight();
        String a = Buyers.funded(10_000).buyerId();
        String b = Buyers.funded(10_000).buyerId();
        String c = Buyers.funded(10_000).buyerId();
        TradeDTO watched = trade(3_000);

        assertThat(balance(watched, a, RiskContext.NONE).data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(balance(trade(2_000), b, RiskContext.NONE).data().status()).as("the day's sum is exactly 5000")
                .isEqualTo(PayOrderStatus.SUCCESS);
        blocked(trade(1), c, RiskContext.NONE, 10_000);

        assertThat(RiskRuleDocument.decisionsOf(watched.tradeNo()).findValuesAsText("action")).containsExactly("ALLOW");
        assertThat(RiskRuleDocument.decisionsOf(watched.tradeNo()).toString()).as("an ALLOW rule that fired is logged")
                .contains("rk-watch[ALLOW");
    }

    @Test
    void listedMerchantsCardsDevicesAndIpsAreBlockedAndMoveNothing() throws Exception {
        String listedMerchant = "M_RK_LISTED_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36).toUpperCase();
        String listedCard = cardToken();
        String device = randomDevice();
        String ip = randomIp();
        rules("{\"id\":\"rk-lists\",\"kind\":\"BLACKLIST\",\"action\":\"BLOCK\"," + scope() + ","
                        + "\"cards\":[\"" + fingerprint(listedCard) + "\"],\"devices\":[\"" + device + "\"],\"ips\":[\"" + ip + "\"]}",
                "{\"id\":\"rk-merchants\",\"kind\":\"BLACKLIST\",\"action\":\"BLOCK\",\"merchants\":[\"" + listedMerchant + "\"],"
                        + "\"listed_merchants\":[\"" + listedMerchant + "\"]}");
        String buyer = Buyers.funded(10_000).buyerId();

        blocked(trade(100), buyer, new RiskContext(null, device), 10_000);
        blocked(trade(100), buyer, new RiskContext(ip, null), 10_000);
        blocked(trade(listedMerchant, 100, PayMethod.BALANCE), buyer, RiskContext.NONE, 10_000);
        TradeDTO byCard = trade(merchant, 100, PayMethod.BANK_CARD);
        Result<PayOrderDTO> card = pay.pay(cardCmd(byCard, buyer, listedCard, RiskContext.NONE));
        assertThat(card.code()).isEqualTo("RISK_REJECTED");
        assertThat(current(byCard).status()).as("no money moved: the trade waits").isEqualTo(TradeStatus.WAIT_PAY);
        assertThat(RiskRuleDocument.decisionsOf(byCard.tradeNo()).toString()).contains("rk-lists[BLOCK: card=" + fingerprint(listedCard));

        assertThat(balance(trade(100), buyer, new RiskContext(randomIp(), randomDevice())).data().status())
                .as("an unlisted device and address pay").isEqualTo(PayOrderStatus.SUCCESS);
    }

    @Test
    void aTillsAddressReachesTheRulesThroughTheBarcodeEndpoint() throws Exception {
        // the till is this test JVM: the cashier sees the loopback address, in whichever form its socket reports it
        rules("{\"id\":\"rk-till-ip\",\"kind\":\"BLACKLIST\",\"action\":\"BLOCK\",\"merchants\":[\"" + till.merchantId() + "\"],"
                + "\"ips\":[\"127.0.0.1\",\"0:0:0:0:0:0:0:1\",\"::1\"]}");

        Answer barcode = till.client().post("/api/v1/trades/barcode", "{\"out_trade_no\":\"RK-" + UUID.randomUUID().toString()
                .substring(0, 18) + "\",\"amount\":{\"total\":100,\"currency\":\"CNY\"},\"subject\":\"risk\",\"auth_code\":\""
                + alipayCode() + "\"}");

        assertThat(barcode.status()).as(barcode.toString()).isEqualTo(403);
        assertThat(barcode.code()).isEqualTo("RISK_REJECTED");
    }

    @Test
    void velocityPerDayByBuyerReviewsAndByDeviceAndByIpBlocks() throws Exception {
        rules("{\"id\":\"rk-buyer-day-count\",\"kind\":\"VELOCITY\",\"action\":\"REVIEW\"," + scope()
                        + ",\"subject\":\"BUYER\",\"window\":\"DAY\",\"max_count\":2}",
                "{\"id\":\"rk-device-day\",\"kind\":\"VELOCITY\",\"action\":\"BLOCK\"," + scope()
                        + ",\"subject\":\"DEVICE\",\"window\":\"DAY\",\"max_count\":2}",
                "{\"id\":\"rk-ip-day\",\"kind\":\"VELOCITY\",\"action\":\"BLOCK\"," + scope()
                        + ",\"subject\":\"IP\",\"window\":\"DAY\",\"max_count\":2}");
        awayFromMidnight();

        String often = Buyers.funded(10_000).buyerId();
        assertThat(balance(trade(100), often, RiskContext.NONE).data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(balance(trade(100), often, RiskContext.NONE).data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(balance(trade(100), often, RiskContext.NONE).code()).as("the buyer's third today").isEqualTo("RISK_STEP_UP_REQUIRED");
        assertThat(Buyers.balance(often)).isEqualTo(9_800);

        RiskContext oneDevice = new RiskContext(null, randomDevice());
        assertThat(balance(trade(100), Buyers.funded(1_000).buyerId(), oneDevice).data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(balance(trade(100), Buyers.funded(1_000).buyerId(), oneDevice).data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        blocked(trade(100), Buyers.funded(1_000).buyerId(), oneDevice, 1_000);

        String ip = randomIp();
        assertThat(balance(trade(100), Buyers.funded(1_000).buyerId(), new RiskContext(ip, randomDevice())).data().status())
                .isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(balance(trade(100), Buyers.funded(1_000).buyerId(), new RiskContext(ip, randomDevice())).data().status())
                .isEqualTo(PayOrderStatus.SUCCESS);
        blocked(trade(100), Buyers.funded(1_000).buyerId(), new RiskContext(ip, randomDevice()), 1_000);
    }

    @Test
    void aSuddenAmountJumpIsReviewed() throws Exception {
        rules("{\"id\":\"rk-jump\",\"kind\":\"AMOUNT_JUMP\",\"action\":\"REVIEW\"," + scope() + ",\"factor\":3,\"min_history\":2}");
        String buyer = Buyers.funded(10_000).buyerId();

        assertThat(balance(trade(100), buyer, RiskContext.NONE).data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(balance(trade(100), buyer, RiskContext.NONE).data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        TradeDTO jump = trade(301);
        assertThat(balance(jump, buyer, RiskContext.NONE).code()).as("301 > 3 x the average of 100").isEqualTo("RISK_STEP_UP_REQUIRED");
        assertThat(Buyers.balance(buyer)).isEqualTo(9_800);
        assertThat(RiskRuleDocument.decisionsOf(jump.tradeNo()).toString()).contains("rk-jump[REVIEW");
        assertThat(balance(trade(300), buyer, RiskContext.NONE).data().status()).as("3 x the average is no jump")
                .isEqualTo(PayOrderStatus.SUCCESS);
    }

    @Test
    void aThirdCardOnOneDeviceIsBlockedAndACardAlreadySeenThereIsNot() throws Exception {
        rules("{\"id\":\"rk-device-cards\",\"kind\":\"CARDS_PER_DEVICE\",\"action\":\"BLOCK\"," + scope() + ",\"max_cards\":2}");
        awayFromMidnight();
        String buyer = Buyers.funded(1).buyerId();
        RiskContext device = new RiskContext(null, randomDevice());
        String first = cardToken();

        accepted(pay.pay(cardCmd(trade(merchant, 100, PayMethod.BANK_CARD), buyer, first, device)));
        accepted(pay.pay(cardCmd(trade(merchant, 100, PayMethod.BANK_CARD), buyer, cardToken(), device)));
        TradeDTO third = trade(merchant, 100, PayMethod.BANK_CARD);
        assertThat(pay.pay(cardCmd(third, buyer, cardToken(), device)).code()).isEqualTo("RISK_REJECTED");
        assertThat(current(third).status()).as("no money moved: the trade waits").isEqualTo(TradeStatus.WAIT_PAY);

        accepted(pay.pay(cardCmd(trade(merchant, 100, PayMethod.BANK_CARD), buyer, first, device)));
    }

    @Test
    void aRuleThatFailsToEvaluateIsReportedAndThePaymentIsDecidedByTheRest() throws Exception {
        double errorsBefore = ruleErrors("rk-broken");
        rules("{\"id\":\"rk-broken\",\"kind\":\"VELOCITY\",\"action\":\"BLOCK\"," + scope()
                        + ",\"subject\":\"PLANET\",\"window\":\"DAY\",\"max_count\":1}",
                "{\"id\":\"rk-single\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\"," + scope() + ",\"max_amount\":5000}");
        String buyer = Buyers.funded(10_000).buyerId();
        TradeDTO small = trade(1_000);

        assertThat(balance(small, buyer, RiskContext.NONE).data().status()).isEqualTo(PayOrderStatus.SUCCESS);
        JsonNode decision = RiskRuleDocument.decisionsOf(small.tradeNo()).path(0);
        assertThat(decision.path("action").asText()).isEqualTo("ALLOW");
        assertThat(decision.path("failed_rules").toString()).as("logged although it is an ALLOW").contains("rk-broken");
        blocked(trade(6_000), buyer, RiskContext.NONE, 9_000);
        assertThat(ruleErrors("rk-broken") - errorsBefore).as("paysuite_risk_rule_errors_total{rule=rk-broken}").isEqualTo(2);
    }

    private void rules(String... rules) throws Exception {
        applied = "{\"version\":" + System.currentTimeMillis() + ",\"rules\":[" + String.join(",", rules) + "]}";
        RiskRuleDocument.apply(applied);
    }

    /** Only this test's merchant's payments: another IT's never meets these rules. */
    private String scope() {
        return "\"merchants\":[\"" + merchant + "\"]";
    }

    /** A refusal that moved nothing: the buyer's wallet is as it was and the trade waits for another attempt. */
    private void blocked(TradeDTO trade, String buyer, RiskContext origin, long balance) {
        Result<PayOrderDTO> refused = balance(trade, buyer, origin);
        assertThat(refused.code()).as(String.valueOf(refused.message())).isEqualTo("RISK_REJECTED");
        assertThat(Buyers.balance(buyer)).as("no money moved").isEqualTo(balance);
        assertThat(current(trade).status()).isEqualTo(TradeStatus.WAIT_PAY);
    }

    private static void accepted(Result<PayOrderDTO> card) {
        assertThat(card.success()).as(card.code() + " " + card.message()).isTrue();
        assertThat(card.data().status()).isIn(PayOrderStatus.PROCESSING, PayOrderStatus.SUCCESS);
    }

    private Result<PayOrderDTO> balance(TradeDTO trade, String buyer, RiskContext origin) {
        return pay.pay(balanceCmd(trade, buyer, origin));
    }

    private static PayCmd balanceCmd(TradeDTO trade, String buyer, RiskContext origin) {
        return new PayCmd(trade.tradeNo(), buyer, PayMethod.BALANCE, Buyers.PAY_PASSWORD, "REQ-" + UUID.randomUUID()).withRisk(origin);
    }

    private static PayCmd cardCmd(TradeDTO trade, String buyer, String cardToken, RiskContext origin) {
        return new PayCmd(trade.tradeNo(), buyer, PayMethod.BANK_CARD, Buyers.PAY_PASSWORD, "REQ-" + UUID.randomUUID(), cardToken)
                .withRisk(origin);
    }

    private TradeDTO trade(long amount) {
        return trade(merchant, amount, PayMethod.BALANCE);
    }

    private TradeDTO trade(String merchantId, long amount, PayMethod method) {
        Result<TradeDTO> created = trades.create(new CreateTradeCmd(merchantId, "RK-" + UUID.randomUUID().toString().substring(0, 20),
                TradeType.INSTANT, Money.cny(amount), "risk kinds", null, MerchantSink.notifyUrl(), null, null,
                Instant.now().plus(Duration.ofMinutes(30)), List.of(method)));
        assertThat(created.success()).as(created.message()).isTrue();
        return created.data();
    }

    private TradeDTO current(TradeDTO trade) {
        return trades.get(TradeByNoQry.internal(trade.tradeNo())).data();
    }

    private static double ruleErrors(String rule) throws Exception {
        return SuiteRules.counter(ServiceId.PAY_CORE, "paysuite_risk_rule_errors_total", "rule", rule);
    }

    /**
     * Day counters are per calendar day in pay-core's zone (paysuite.risk.zone, Asia/Shanghai): a test that counts
     * must not straddle its midnight.
     */
    private static void awayFromMidnight() {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> LocalTime.now(ZoneId.of("Asia/Shanghai")).isBefore(LocalTime.of(23, 58)));
    }

    /** The sandbox settles a UnionPay token ending in 0000. */
    private static String cardToken() {
        return "TOKEN62" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L)) + "0000";
    }

    /** pay-core's card fingerprint: the first 16 hex digits of the token's SHA-256 (RiskInput). */
    private static String fingerprint(String cardToken) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(cardToken.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private static String randomDevice() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** An address in 198.18.0.0/15 (set aside for tests): no other IT pays from one. */
    private static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198." + (18 + r.nextInt(2)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private static String alipayCode() {
        StringBuilder code = new StringBuilder("28");
        for (int i = 0; i < 12; i++) {
            code.append(ThreadLocalRandom.current().nextInt(10));
        }
        return code.append("0000").toString();
    }
}
