package io.paysuite.pay.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.RiskContext;
import io.paysuite.api.risk.RiskAction;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RiskEngineTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:15:30Z"), ZoneOffset.UTC);
    final RiskFakes.Counters counters = new RiskFakes.Counters();
    final RiskFakes.Decisions decisions = new RiskFakes.Decisions();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    RiskEngine engine(String rules) {
        return new RiskEngine(RiskFakes.Rules.of(rules), counters, decisions, meters, clock, RiskFakes.ZONE, RiskFakes.STEP_UP_WINDOW);
    }

    static String doc(String... rules) {
        return "{\"version\": 1, \"rules\": [" + String.join(",", rules) + "]}";
    }

    static TradeDTO trade(long amount) {
        return new TradeDTO("T" + amount, "M1", "O" + amount, TradeType.INSTANT, TradeStatus.WAIT_PAY, Money.cny(amount),
                Money.cny(0), Money.cny(0), "s", null, null, null, null, null, null, null, null);
    }

    static PayCmd pay(String buyer, PayMethod method, String password) {
        return new PayCmd("T", buyer, method, password, "R1", method == PayMethod.BANK_CARD ? "CARDTOKEN01" : null, null, false,
                new RiskContext("10.0.0.1", "dev-1"));
    }

    /** The step-up confirmation of a refused attempt: a new request naming it, with the password entered again. */
    static PayCmd stepUp(PayCmd refused) {
        return new PayCmd(refused.tradeNo(), refused.buyerId(), refused.method(), refused.payPassword(), refused.requestNo() + "-2",
                refused.authCode(), null, false, refused.risk()).withStepUpOf(refused.requestNo());
    }

    static ErrorCode code(Throwable e) {
        return ((BizException) e).code();
    }

    RiskAction decide(RiskEngine engine, String buyer, long amount) {
        return engine.decide(RiskInput.of(pay(buyer, PayMethod.BALANCE, "pw"), trade(amount), clock.instant())).action();
    }

    @Test
    void aSingleLimitAllowsItsAmountAndBlocksOneFenMore() {
        RiskEngine engine = engine(doc("{\"id\":\"single\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"max_amount\":1000}"));

        assertThat(decide(engine, "B1", 1000)).isEqualTo(RiskAction.ALLOW);
        assertThat(decide(engine, "B1", 1001)).isEqualTo(RiskAction.BLOCK);
    }

    @Test
    void aSingleLimitForOneMethodLeavesTheOthersAlone() {
        RiskEngine engine = engine(doc("{\"id\":\"qr\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"REVIEW\",\"methods\":[\"WECHAT_QR\"],\"max_amount\":10}"));

        assertThat(decide(engine, "B1", 11)).isEqualTo(RiskAction.ALLOW);
        assertThat(engine.decide(RiskInput.of(pay("B1", PayMethod.WECHAT_QR, null), trade(11), clock.instant())).action())
                .isEqualTo(RiskAction.REVIEW);
    }

    @Test
    void aDailyLimitCountsTheDaysPaymentsThatPassed() {
        RiskEngine engine = engine(doc("{\"id\":\"day\",\"kind\":\"DAILY_LIMIT\",\"action\":\"REVIEW\",\"subject\":\"BUYER\",\"max_amount\":1000}"));
        engine.screen(pay("B1", PayMethod.BALANCE, "pw"), trade(600));

        assertThat(decide(engine, "B1", 400)).isEqualTo(RiskAction.ALLOW);
        assertThat(decide(engine, "B1", 401)).isEqualTo(RiskAction.REVIEW);
        assertThat(decide(engine, "B2", 1000)).as("another buyer's day").isEqualTo(RiskAction.ALLOW);
    }

    @Test
    void aMerchantsDailyLimitSumsAllItsBuyers() {
        RiskEngine engine = engine(doc("{\"id\":\"mday\",\"kind\":\"DAILY_LIMIT\",\"action\":\"BLOCK\",\"subject\":\"MERCHANT\",\"max_amount\":1000}"));
        engine.screen(pay("B1", PayMethod.BALANCE, "pw"), trade(700));

        assertThat(decide(engine, "B2", 300)).isEqualTo(RiskAction.ALLOW);
        assertThat(decide(engine, "B2", 301)).isEqualTo(RiskAction.BLOCK);
    }

    @Test
    void velocityPerMinuteAllowsNAndBlocksTheNextOne() {
        RiskEngine engine = engine(doc("{\"id\":\"v\",\"kind\":\"VELOCITY\",\"action\":\"BLOCK\",\"subject\":\"BUYER\",\"window\":\"MINUTE\",\"max_count\":2}"));
        engine.screen(pay("B1", PayMethod.BALANCE, "pw"), trade(1));
        engine.screen(pay("B1", PayMethod.BALANCE, "pw"), trade(2));

        assertThatThrownBy(() -> engine.screen(pay("B1", PayMethod.BALANCE, "pw"), trade(3)))
                .isInstanceOf(BizException.class).hasMessageContaining("risk");
        assertThat(decisions.recorded).extracting(RiskDecision::action)
                .containsExactly(RiskAction.ALLOW, RiskAction.ALLOW, RiskAction.BLOCK);
        assertThat(decide(engine, "B1", 4)).as("the refused one was not counted either").isEqualTo(RiskAction.BLOCK);
    }

    @Test
    void velocityPerDayByDeviceAndByIpCountsEveryBuyerOnThem() {
        RiskEngine byDevice = engine(doc("{\"id\":\"d\",\"kind\":\"VELOCITY\",\"action\":\"REVIEW\",\"subject\":\"DEVICE\",\"window\":\"DAY\",\"max_count\":1}",
                "{\"id\":\"i\",\"kind\":\"VELOCITY\",\"action\":\"BLOCK\",\"subject\":\"IP\",\"window\":\"DAY\",\"max_count\":2}"));
        byDevice.screen(pay("B1", PayMethod.BALANCE, "pw"), trade(1));

        assertThat(decide(byDevice, "B2", 1)).isEqualTo(RiskAction.REVIEW);
        PayCmd b2 = pay("B2", PayMethod.BALANCE, "pw");
        assertThatThrownBy(() -> byDevice.screen(b2, trade(1))).isInstanceOf(BizException.class);
        byDevice.screen(stepUp(b2), trade(1)); // REVIEW passes once stepped up
        assertThat(decide(byDevice, "B3", 1)).isEqualTo(RiskAction.BLOCK);
    }

    @Test
    void blacklistsMatchBuyersMerchantsCardsDevicesAndIps() {
        assertThat(decide(engine(doc("{\"id\":\"l\",\"kind\":\"BLACKLIST\",\"action\":\"BLOCK\",\"buyers\":[\"B9\"]}")), "B9", 1))
                .isEqualTo(RiskAction.BLOCK);
        assertThat(decide(engine(doc("{\"id\":\"l\",\"kind\":\"BLACKLIST\",\"action\":\"BLOCK\",\"buyers\":[\"B9\"]}")), "B1", 1))
                .isEqualTo(RiskAction.ALLOW);
        assertThat(decide(engine(doc("{\"id\":\"l\",\"kind\":\"BLACKLIST\",\"action\":\"BLOCK\",\"listed_merchants\":[\"M1\"]}")), "B1", 1))
                .as("trade(...) is merchant M1's").isEqualTo(RiskAction.BLOCK);
        assertThat(decide(engine(doc("{\"id\":\"l\",\"kind\":\"BLACKLIST\",\"action\":\"BLOCK\",\"listed_merchants\":[\"M9\"]}")), "B1", 1))
                .isEqualTo(RiskAction.ALLOW);
        assertThat(decide(engine(doc("{\"id\":\"l\",\"kind\":\"BLACKLIST\",\"action\":\"REVIEW\",\"devices\":[\"dev-1\"]}")), "B1", 1))
                .isEqualTo(RiskAction.REVIEW);
        assertThat(decide(engine(doc("{\"id\":\"l\",\"kind\":\"BLACKLIST\",\"action\":\"BLOCK\",\"ips\":[\"10.0.0.1\"]}")), "B1", 1))
                .isEqualTo(RiskAction.BLOCK);
        String card = RiskInput.fingerprint("CARDTOKEN01");
        RiskEngine cards = engine(doc("{\"id\":\"l\",\"kind\":\"BLACKLIST\",\"action\":\"BLOCK\",\"cards\":[\"" + card + "\"]}"));
        assertThat(cards.decide(RiskInput.of(pay("B1", PayMethod.BANK_CARD, "pw"), trade(1), clock.instant())).action())
                .isEqualTo(RiskAction.BLOCK);
    }

    @Test
    void anAmountJumpNeedsHistoryAndFiresAboveKTimesTheAverage() {
        RiskEngine engine = engine(doc("{\"id\":\"j\",\"kind\":\"AMOUNT_JUMP\",\"action\":\"REVIEW\",\"factor\":3,\"min_history\":2}"));
        engine.screen(pay("B1", PayMethod.BALANCE, "pw"), trade(100));
        assertThat(decide(engine, "B1", 10_000)).as("one payment is no history").isEqualTo(RiskAction.ALLOW);
        engine.screen(pay("B1", PayMethod.BALANCE, "pw"), trade(100));

        assertThat(decide(engine, "B1", 300)).isEqualTo(RiskAction.ALLOW);
        assertThat(decide(engine, "B1", 301)).isEqualTo(RiskAction.REVIEW);
    }

    @Test
    void manyCardsOnOneDeviceFireAboveN() {
        RiskEngine engine = engine(doc("{\"id\":\"c\",\"kind\":\"CARDS_PER_DEVICE\",\"action\":\"BLOCK\",\"max_cards\":2}"));
        engine.screen(card("TOKENAAAA1"), trade(1));
        engine.screen(card("TOKENAAAA2"), trade(1));

        assertThat(engine.decide(RiskInput.of(card("TOKENAAAA1"), trade(1), clock.instant())).action())
                .as("a card already seen").isEqualTo(RiskAction.ALLOW);
        assertThat(engine.decide(RiskInput.of(card("TOKENAAAA3"), trade(1), clock.instant())).action()).isEqualTo(RiskAction.BLOCK);
    }

    private static PayCmd card(String token) {
        return new PayCmd("T", "B1", PayMethod.BANK_CARD, "pw", "R", token, null, false, new RiskContext(null, "dev-7"));
    }

    @Test
    void aRuleForSomeMerchantsLeavesTheOthersAlone() {
        RiskEngine engine = engine(doc("{\"id\":\"m\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"merchants\":[\"M9\"],\"max_amount\":1}"));

        assertThat(decide(engine, "B1", 500)).as("trade(...) is merchant M1's").isEqualTo(RiskAction.ALLOW);
        RiskEngine forM1 = engine(doc("{\"id\":\"m\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"merchants\":[\"M1\"],\"max_amount\":1}"));
        assertThat(decide(forM1, "B1", 500)).isEqualTo(RiskAction.BLOCK);
    }

    @Test
    void theMostSevereActionWinsBlockOverReviewOverAllow() {
        RiskEngine engine = engine(doc(
                "{\"id\":\"a\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"ALLOW\",\"max_amount\":1}",
                "{\"id\":\"r\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"REVIEW\",\"max_amount\":10}",
                "{\"id\":\"b\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"max_amount\":100}"));

        assertThat(decide(engine, "B1", 5)).isEqualTo(RiskAction.ALLOW);
        assertThat(decide(engine, "B1", 50)).isEqualTo(RiskAction.REVIEW);
        RiskDecision blocked = engine.decide(RiskInput.of(pay("B1", PayMethod.BALANCE, "pw"), trade(500), clock.instant()));
        assertThat(blocked.action()).isEqualTo(RiskAction.BLOCK);
        assertThat(blocked.fired()).hasSize(3);
    }

    @Test
    void reviewIsNotPassedByThePasswordOfTheFirstAttemptButByItsStepUp() {
        RiskEngine engine = engine(doc("{\"id\":\"r\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"REVIEW\",\"max_amount\":10}"));
        PayCmd first = pay("B1", PayMethod.BALANCE, "pw");

        assertThatThrownBy(() -> engine.screen(first, trade(50)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.RISK_STEP_UP_REQUIRED)).hasMessage(RiskEngine.STEP_UP);
        assertThat(counters.rows).as("a refused attempt is not counted").isEmpty();
        engine.screen(stepUp(first), trade(50));

        assertThat(decisions.recorded).extracting(RiskDecision::action).containsExactly(RiskAction.REVIEW, RiskAction.REVIEW);
        assertThat(decisions.recorded.get(0).inputs()).endsWith("outcome=step_up_required");
        assertThat(decisions.recorded.get(1).inputs()).endsWith("outcome=passed_with_step_up");
        assertThat(counters.rows).as("the confirmed payment is counted").isNotEmpty();
    }

    @Test
    void aStepUpNamingAnAttemptThatWasNotAskedForThisTradeBuyerAndMethodIsAskedAgain() {
        RiskEngine engine = engine(doc("{\"id\":\"r\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"REVIEW\",\"max_amount\":10}"));
        PayCmd first = pay("B1", PayMethod.BALANCE, "pw");
        assertThatThrownBy(() -> engine.screen(stepUp(first), trade(50)))
                .as("a first attempt claiming a step-up: nothing was asked yet")
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.RISK_STEP_UP_REQUIRED));
        assertThatThrownBy(() -> engine.screen(first, trade(50))).isInstanceOf(BizException.class);

        assertThatThrownBy(() -> engine.screen(stepUp(pay("B2", PayMethod.BALANCE, "pw")).withStepUpOf("R1"), trade(50)))
                .as("another buyer").satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.RISK_STEP_UP_REQUIRED));
        assertThatThrownBy(() -> engine.screen(stepUp(pay("B1", PayMethod.BANK_CARD, "pw")), trade(50)))
                .as("another method").satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.RISK_STEP_UP_REQUIRED));
        assertThatThrownBy(() -> engine.screen(stepUp(first), trade(60)))
                .as("another trade").satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.RISK_STEP_UP_REQUIRED));
        assertThatThrownBy(() -> engine.screen(first.withStepUpOf(first.requestNo()), trade(50)))
                .as("an attempt naming itself").satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.RISK_STEP_UP_REQUIRED));
    }

    @Test
    void aStepUpAfterTheWindowIsAskedAgain() {
        String rules = doc("{\"id\":\"r\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"REVIEW\",\"max_amount\":10}");
        PayCmd first = pay("B1", PayMethod.BALANCE, "pw");
        assertThatThrownBy(() -> engine(rules).screen(first, trade(50))).isInstanceOf(BizException.class);
        RiskEngine later = new RiskEngine(RiskFakes.Rules.of(rules), counters, decisions, meters,
                Clock.offset(clock, RiskFakes.STEP_UP_WINDOW.plusSeconds(1)), RiskFakes.ZONE, RiskFakes.STEP_UP_WINDOW);

        assertThatThrownBy(() -> later.screen(stepUp(first), trade(50)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.RISK_STEP_UP_REQUIRED));
    }

    @Test
    void reviewRefusesAPaymentWithoutAPaysuitePasswordWithTheRejectedCode() {
        RiskEngine engine = engine(doc("{\"id\":\"r\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"REVIEW\",\"max_amount\":10}"));

        assertThatThrownBy(() -> engine.screen(pay("B1", PayMethod.ALIPAY_QR, null), trade(50))).hasMessage(RiskEngine.NEEDS_REVIEW)
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.RISK_REJECTED));
        assertThatThrownBy(() -> engine.screen(new PayCmd("T", "WECHAT_BUYER", PayMethod.WECHAT_CODE, null, "R",
                "134567890123456789"), trade(50))).hasMessage(RiskEngine.NEEDS_REVIEW)
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.RISK_REJECTED));
    }

    @Test
    void aRuleThatFailsToEvaluateIsReportedAndTheOthersDecide() {
        RiskEngine engine = engine(doc(
                "{\"id\":\"broken\",\"kind\":\"VELOCITY\",\"action\":\"BLOCK\",\"subject\":\"PLANET\",\"window\":\"MINUTE\",\"max_count\":1}",
                "{\"id\":\"single\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"max_amount\":1000}"));

        RiskDecision allowed = engine.decide(RiskInput.of(pay("B1", PayMethod.BALANCE, "pw"), trade(10), clock.instant()));
        assertThat(allowed.action()).isEqualTo(RiskAction.ALLOW);
        assertThat(allowed.failed()).containsExactly("broken");
        assertThat(decide(engine, "B1", 1001)).isEqualTo(RiskAction.BLOCK);
        assertThat(meters.get("paysuite.risk.rule.errors").tag("rule", "broken").counter().count()).isEqualTo(2);
    }

    @Test
    void countersThatCannotBeReadFailOnlyTheRulesThatReadThem() {
        RiskEngine engine = engine(doc(
                "{\"id\":\"v\",\"kind\":\"VELOCITY\",\"action\":\"BLOCK\",\"subject\":\"BUYER\",\"window\":\"MINUTE\",\"max_count\":1}",
                "{\"id\":\"l\",\"kind\":\"BLACKLIST\",\"action\":\"BLOCK\",\"buyers\":[\"B9\"]}"));
        counters.down = true;

        engine.screen(pay("B1", PayMethod.BALANCE, "pw"), trade(10)); // velocity cannot say: the payment goes on
        assertThatThrownBy(() -> engine.screen(pay("B9", PayMethod.BALANCE, "pw"), trade(10))).isInstanceOf(BizException.class);
        assertThat(meters.get("paysuite.risk.rule.errors").tag("rule", "v").counter().count()).isEqualTo(2);
        assertThat(meters.get("paysuite.risk.rule.errors").tag("rule", RiskEngine.COUNTERS).counter().count()).isEqualTo(1);
    }

    @Test
    void aPaymentThatPassesCostsOneCounterReadAndOneCounterWrite() {
        RiskEngine engine = engine(doc("{\"id\":\"v\",\"kind\":\"VELOCITY\",\"action\":\"BLOCK\",\"subject\":\"IP\",\"window\":\"DAY\",\"max_count\":9}"));

        engine.screen(pay("B1", PayMethod.BALANCE, "pw"), trade(10));

        assertThat(counters.statements).isEqualTo(2);
        assertThat(decisions.recorded).hasSize(1);
        assertThat(decisions.recorded.get(0).inputs()).contains("ip=10.0.0.1", "device=dev-1", "outcome=passed");
    }

    @Test
    void everyScreenIsTimedRefusalsIncludedSoItsCostPerPaymentCanBeRead() {
        RiskEngine engine = engine(doc("{\"id\":\"single\",\"kind\":\"SINGLE_LIMIT\",\"action\":\"BLOCK\",\"max_amount\":1000}"));

        engine.screen(pay("B1", PayMethod.BALANCE, "pw"), trade(1000));
        assertThatThrownBy(() -> engine.screen(pay("B1", PayMethod.BALANCE, "pw"), trade(1001)))
                .isInstanceOf(BizException.class);

        assertThat(meters.get("paysuite.risk.screen").timer().count()).isEqualTo(2);
    }
}
