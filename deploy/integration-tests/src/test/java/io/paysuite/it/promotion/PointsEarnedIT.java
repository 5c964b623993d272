package io.paysuite.it.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.TrialBalanceDTO;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.promotion.CouponDTO;
import io.paysuite.api.promotion.CouponKind;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.CouponTemplateCmd;
import io.paysuite.api.promotion.CouponTemplateDTO;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.promotion.IssueCouponCmd;
import io.paysuite.api.promotion.PointsGrantCmd;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeType;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.Merchants;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Points earned on a payment and taken back by its refunds (docs/adr/0008, "Points earned on a payment"), and the
 * merchant's bill rows of a combination payment, against the real suite: member-service follows trade-core's
 * events, so every check waits for it with a bound. The suite earns 1 point per 1.00 paid in cash and redeems 100
 * points for 1.00 (member-service's defaults). Each test has its own merchant and fresh buyers.
 */
class PointsEarnedIT {

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pay = SuiteHarness.reference(PayService.class, null);
    private final PointsService points = SuiteHarness.reference(PointsService.class, null);
    private final CouponService coupons = SuiteHarness.reference(CouponService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    private final Merchants.TestMerchant merchant = Merchants.onboard("points it " + UUID.randomUUID().toString().substring(0, 8));

    @Test
    void aBalancePaymentEarnsPointsOnWhatWasPaidBookedAsTheLiabilityAndRefundsTakeThemBackProRataThenAll() {
        String buyer = Buyers.funded(10_000).buyerId();
        TradeDTO trade = newTrade(5_000);

        ok(Buyers.pay(trade.tradeNo(), buyer));

        assertThat(EarnedPoints.awaitEarned(trade.tradeNo())).as("1 point per 1.00 of 50.00").isEqualTo(50);
        assertThat(ok(points.account(buyer)).available()).isEqualTo(50);
        JournalEntryDTO grant = ok(ledger.entryByKey("PG-EARN-" + trade.tradeNo()));
        assertThat(grant.lines()).containsExactlyInAnyOrder(
                line(AccountType.MARKETING_EXPENSE, AccountType.Side.DEBIT, 50),
                line(AccountType.POINTS_LIABILITY, AccountType.Side.CREDIT, 50));
        assertBalanced();

        String first = refundAndAwait(trade, 2_000);
        EarnedPoints.Earning afterFirst = EarnedPoints.awaitEarning(trade.tradeNo(), 2_000);
        assertThat(afterFirst.takenBack()).as("floor(50 × 20.00 / 50.00)").isEqualTo(20);
        assertThat(ok(points.account(buyer)).available()).isEqualTo(30);
        assertThat(ok(ledger.entryByKey("PT-" + first)).lines()).containsExactlyInAnyOrder(
                line(AccountType.POINTS_LIABILITY, AccountType.Side.DEBIT, 20),
                line(AccountType.MARKETING_EXPENSE, AccountType.Side.CREDIT, 20));

        refundAndAwait(trade, 3_000);
        EarnedPoints.Earning afterAll = EarnedPoints.awaitEarning(trade.tradeNo(), 5_000);
        assertThat(afterAll.takenBack()).as("the full refund takes back every earned point").isEqualTo(50);
        assertThat(afterAll.forgiven()).isZero();
        assertThat(ok(points.account(buyer)).available()).isZero();
        assertBalanced();
    }

    @Test
    void earnedPointsAlreadySpentAreForgivenOnTheRefundAndTheAccountNeverGoesNegative() {
        String buyer = Buyers.funded(10_000).buyerId();
        TradeDTO earning = newTrade(5_000);
        ok(Buyers.pay(earning.tradeNo(), buyer));
        assertThat(EarnedPoints.awaitEarned(earning.tradeNo())).isEqualTo(50);
        // the 50 earned points pay 0.50 of the next trade; its 9.50 in cash earns 9 more
        TradeDTO spending = newTrade(1_000);
        ok(pay.pay(new PayCmd(spending.tradeNo(), buyer, PayMethod.BALANCE, Buyers.PAY_PASSWORD, request(), null, null, true)));
        assertThat(EarnedPoints.awaitEarned(spending.tradeNo())).isEqualTo(9);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> ok(points.account(buyer)).frozen() == 0 && ok(points.account(buyer)).available() == 9);

        refundAndAwait(earning, 5_000);

        EarnedPoints.Earning refunded = EarnedPoints.awaitEarning(earning.tradeNo(), 5_000);
        assertThat(refunded.takenBack()).as("what the buyer still had").isEqualTo(9);
        assertThat(refunded.forgiven()).as("the spent ones stay spent").isEqualTo(41);
        assertThat(ok(points.account(buyer)).available()).isZero();
        assertBalanced();
    }

    @Test
    void aCombinationPaymentsBillRowsCountThePriceAndItsRefundsGiveItBackWithGrossEqualToFeePlusNetPlusHeld() {
        String buyer = Buyers.funded(10_000).buyerId();
        ok(points.grant(new PointsGrantCmd(buyer, 1_000L, null, "GRANT-" + UUID.randomUUID(), "bill it")));
        CouponDTO coupon = coupon(buyer, 500, FundedBy.PLATFORM);
        TradeDTO trade = newTrade(3_000);
        ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BALANCE, Buyers.PAY_PASSWORD, request(), null, coupon.couponId(),
                true)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                "SUCCESS".equals(merchant.client().get("/api/v1/trades/" + trade.tradeNo()).json().path("status").asText()));
        String partial = refundAndAwait(trade, 1_000);
        String whole = refundAndAwait(trade, 2_000);
        List<String[]> rows = billRows(trade, 3);

        assertThat(rows).extracting(r -> r[1]).containsExactly("PAYMENT", "REFUND", "REFUND");
        assertThat(rows).allSatisfy(r -> assertThat(gross(r)).as(String.join(",", r))
                .isEqualTo(Long.parseLong(r[6]) + Long.parseLong(r[7]) + Long.parseLong(r[8]) + Long.parseLong(r[9])));
        assertThat(rows).as("a platform coupon is no merchant discount").allSatisfy(r -> assertThat(r[9]).isEqualTo("0"));
        assertThat(gross(rows.get(0))).as("the price: 15.00 cash + 5.00 platform coupon + 10.00 points").isEqualTo(3_000);
        assertThat(rows.get(1)[3]).isEqualTo(partial);
        assertThat(gross(rows.get(1))).as("a partial refund: its cash share 10.00 × 15.00 / 30.00").isEqualTo(-500);
        assertThat(rows.get(2)[3]).isEqualTo(whole);
        assertThat(gross(rows.get(2))).as("the whole refund: the cash left, the coupon and the points").isEqualTo(-2_500);
        assertThat(rows.stream().mapToLong(r -> Long.parseLong(r[6])).sum()).as("the fee comes back exactly").isZero();
        assertBalanced();
    }

    @Test
    void aMerchantCouponIsTheBillRowsMerchantDiscountOnThePaymentAndOnTheWholeRefund() {
        String buyer = Buyers.funded(10_000).buyerId();
        CouponDTO coupon = coupon(buyer, 500, FundedBy.MERCHANT);
        TradeDTO trade = newTrade(3_000);
        ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BALANCE, Buyers.PAY_PASSWORD, request(), null, coupon.couponId(),
                false)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                "SUCCESS".equals(merchant.client().get("/api/v1/trades/" + trade.tradeNo()).json().path("status").asText()));
        refundAndAwait(trade, 3_000);

        List<String[]> rows = billRows(trade, 2);

        assertThat(rows).extracting(r -> r[1]).containsExactly("PAYMENT", "REFUND");
        String[] payment = rows.get(0);
        assertThat(gross(payment)).as("the price").isEqualTo(3_000);
        assertThat(Long.parseLong(payment[9])).as("the merchant's own coupon").isEqualTo(500);
        assertThat(Long.parseLong(payment[6]) + Long.parseLong(payment[7])).as("settled: the price less it").isEqualTo(2_500);
        String[] refund = rows.get(1);
        assertThat(gross(refund)).isEqualTo(-3_000);
        assertThat(Long.parseLong(refund[9])).isEqualTo(-500);
        assertThat(rows).allSatisfy(r -> assertThat(gross(r)).as(String.join(",", r))
                .isEqualTo(Long.parseLong(r[6]) + Long.parseLong(r[7]) + Long.parseLong(r[8]) + Long.parseLong(r[9])));
        assertBalanced();
    }

    /**
     * The trade's rows on the bill of the day it was paid, and of the next day when some are missing (a trade
     * paid just before midnight in the merchants' zone has its refunds on the next day's bill).
     */
    private List<String[]> billRows(TradeDTO trade, int expected) {
        String day = OffsetDateTime.parse(merchant.client().get("/api/v1/trades/" + trade.tradeNo()).json().path("paid_at").asText())
                .toLocalDate().toString();
        List<String[]> rows = new ArrayList<>(billRows(day, trade.tradeNo()));
        if (rows.size() < expected) {
            rows.addAll(billRows(LocalDate.parse(day).plusDays(1).toString(), trade.tradeNo()));
        }
        return rows;
    }

    private List<String[]> billRows(String day, String tradeNo) {
        var bill = merchant.client().get("/api/v1/bills/" + day);
        assertThat(bill.status()).as(bill.toString()).isEqualTo(200);
        return bill.body().lines().filter(r -> r.contains(tradeNo)).map(r -> r.split(",")).toList();
    }

    private static long gross(String[] row) {
        return Long.parseLong(row[5]);
    }

    private CouponDTO coupon(String buyer, long amount, FundedBy fundedBy) {
        Instant now = Instant.now();
        CouponTemplateDTO template = ok(coupons.createTemplate(new CouponTemplateCmd("TPL-" + UUID.randomUUID(), "it " + amount + " off",
                CouponKind.FIXED_AMOUNT, Money.cny(amount), null, null, null, now.minus(1, ChronoUnit.MINUTES),
                now.plus(1, ChronoUnit.DAYS), fundedBy, fundedBy == FundedBy.MERCHANT ? merchant.merchantId() : null)));
        return ok(coupons.issue(new IssueCouponCmd(template.templateId(), buyer, "ISSUE-" + UUID.randomUUID())));
    }

    private TradeDTO newTrade(long amount) {
        return ok(trades.create(new CreateTradeCmd(merchant.merchantId(), "PTS-" + UUID.randomUUID().toString().substring(0, 20),
                TradeType.INSTANT, Money.cny(amount), "points it", null, MerchantSink.notifyUrl(), null, null,
                Instant.now().plus(Duration.ofMinutes(30)), List.of())));
    }

    /** Refunds through the open API and waits for SUCCESS; answers the refund number. */
    private String refundAndAwait(TradeDTO trade, long amount) {
        var refund = merchant.client().post("/api/v1/refunds", Map.of("trade_no", trade.tradeNo(),
                "out_refund_no", "RF-" + UUID.randomUUID().toString().substring(0, 20),
                "amount", Map.of("refund", amount, "currency", "CNY"), "reason", "points it")).json();
        String refundNo = refund.path("refund_no").asText();
        assertThat(refundNo).as(refund.toString()).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                "SUCCESS".equals(merchant.client().get("/api/v1/refunds/" + refundNo).json().path("status").asText()));
        return refundNo;
    }

    private void assertBalanced() {
        TrialBalanceDTO trial = ok(ledger.trialBalance("CNY"));
        assertThat(trial.balanced()).as("debits %s, credits %s", trial.totalDebit(), trial.totalCredit()).isTrue();
    }

    private static PostingLine line(AccountType type, AccountType.Side side, long amount) {
        return new PostingLine(new AccountRef(type, AccountRef.PLATFORM, "CNY"), side, amount);
    }

    private static String request() {
        return "REQ-" + UUID.randomUUID();
    }

    private static <T> T ok(Result<T> result) {
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        return result.data();
    }
}
