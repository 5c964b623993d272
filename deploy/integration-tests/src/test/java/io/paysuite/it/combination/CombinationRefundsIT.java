package io.paysuite.it.combination;

import static io.paysuite.it.combination.CombinationShop.lines;
import static io.paysuite.it.combination.CombinationShop.ok;
import static io.paysuite.it.combination.CombinationShop.parts;
import static io.paysuite.it.combination.CombinationShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.promotion.CouponDTO;
import io.paysuite.api.promotion.CouponStatus;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.promotion.HoldStatus;
import io.paysuite.api.promotion.PointsGrantCmd;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.api.refund.CreateRefundCmd;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.refund.RefundShares;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.channel.SandboxControl;
import io.paysuite.it.combination.CombinationShop.CouponUseRow;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.Merchants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Refunds of combination payments end to end (docs/adr/0008, "Refunds of a combination payment"), and one coupon
 * raced by fifty payments. The rule under test is {@link RefundShares}: a refund returns to the cash tool (the
 * wallet, WeChat, the card) its pro rata share of the cumulative refunds, rounded down, and the coupon and the
 * points go back only with the refund that completes the trade. Every part is checked at payment and at each
 * refund to the cent — the channel's own record (the sandbox), the ledger's entry, member-service's use records —
 * the fee comes back exactly, and the trial balance balances after each step.
 *
 * <p>Buyers earn points on paid trades (asynchronously), so no assertion reads a buyer's points balance after a
 * payment: the points a payment spent and got back are read from its use record and its movements, and the
 * account's frozen points must be 0.
 */
class CombinationRefundsIT {

    private static final String CARD = "TOKEN6200000000000000";
    private static final Duration REFUND_BOUND = Duration.ofSeconds(120); // a card refund settles after UnionPay's accept

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pay = SuiteHarness.reference(PayService.class, null);
    private final ChannelService channels = SuiteHarness.reference(ChannelService.class, null);
    private final PointsService points = SuiteHarness.reference(PointsService.class, null);
    private final RefundService refunds = SuiteHarness.reference(RefundService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    private final Merchants.TestMerchant merchant = Merchants.onboard("combination refunds " + UUID.randomUUID().toString().substring(0, 8));
    private final CombinationShop shop = new CombinationShop(merchant);

    @Test
    void aCouponPointsAndWechatTradeRefundedInTwoPartsGetsItsCashBackAtWechatProRataAndTheCouponAndPointsWithTheLast()
            throws Exception {
        String buyer = Buyers.funded(1).buyerId();
        CouponDTO coupon = shop.couponFor(buyer, 500, FundedBy.MERCHANT);
        grant(buyer, 1_000);
        TradeDTO trade = shop.newTrade(3_001, List.of(PayMethod.WECHAT_QR));

        PayOrderDTO started = ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.WECHAT_QR, null, request(), null,
                coupon.couponId(), true)));
        ChannelOrderDTO qr = ok(channels.get(started.payOrderNo()));
        assertThat(qr.channel()).isEqualTo(ChannelCode.WECHAT);
        assertThat(qr.amount()).as("WeChat is asked for what the coupon and the points leave").isEqualTo(Money.cny(1_501));
        SandboxControl.call("POST", "/sandbox/v1/scan", "{\"code_url\":\"" + qr.codeUrl() + "\",\"outcome\":\"SUCCESS\"}");

        Paid paid = paidExactly(buyer, trade, started.payOrderNo(), coupon,
                Map.of("COUPON", 500L, "POINTS", 1_000L, "WECHAT_QR", 1_501L), 1_000);
        assertThat(atChannel(qr).path("amount_fen").asLong()).as("WeChat charged the rest").isEqualTo(1_501);

        // the rule: after refunds A of 30.01 (15.01 in cash), floor(A × 1501 / 3001) has come back in cash
        assertThat(RefundShares.of(Money.cny(3_001), Money.cny(1_501), Money.cny(0), Money.cny(2_000)))
                .isEqualTo(new RefundShares(Money.cny(1_000), Money.cny(1_000), false));
        assertThat(RefundShares.of(Money.cny(3_001), Money.cny(1_501), Money.cny(2_000), Money.cny(1_001)))
                .isEqualTo(new RefundShares(Money.cny(501), Money.cny(500), true));

        JournalEntryDTO first = entryOf(awaitRefunded(ok(refund(trade, 2_000))));
        assertThat(atChannel(qr).path("refunded_fen").asLong()).as("WeChat paid back the first part's cash share only").isEqualTo(1_000);
        assertRefundEntry(first, paid, 1_000, false);
        assertPartialRefundKeptTheCouponAndPoints(buyer, coupon, paid);
        shop.assertBalanced();

        JournalEntryDTO last = entryOf(awaitRefunded(ok(refund(trade, 1_001))));
        assertThat(atChannel(qr).path("refunded_fen").asLong()).as("WeChat paid back all of its cash, no more").isEqualTo(1_501);
        assertRefundEntry(last, paid, 501, true);
        assertWholeRefundGaveBackTheCouponAndPoints(buyer, coupon, paid);
        assertFeeReturnedExactly(paid, first, last);
        assertNothingLeftToRefund(trade);
        shop.assertBalanced();
    }

    @Test
    void aPointsAndBoundCardTradeRefundedInTwoPartsGetsItsCashBackOnTheCardProRataAndThePointsWithTheLast() throws Exception {
        String buyer = Buyers.funded(1).buyerId();
        grant(buyer, 300);
        TradeDTO trade = shop.newTrade(2_001, List.of(PayMethod.BANK_CARD));

        PayOrderDTO started = ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BANK_CARD, Buyers.PAY_PASSWORD, request(),
                CARD, null, true)));

        Paid paid = paidExactly(buyer, trade, started.payOrderNo(), null, Map.of("POINTS", 300L, "BANK_CARD", 1_701L), 300);
        ChannelOrderDTO card = ok(channels.get(started.payOrderNo())); // read once paid: the acquirer that took it
        assertThat(card.channel()).isIn(ChannelCode.UNIONPAY, ChannelCode.UNIONPAY_B);
        assertThat(card.amount()).as("the card is charged what the points leave").isEqualTo(Money.cny(1_701));
        assertThat(atChannel(card).path("amount_fen").asLong()).isEqualTo(1_701);

        // after refunds A of 20.01 (17.01 on the card), floor(A × 1701 / 2001) has come back to the card
        assertThat(RefundShares.of(Money.cny(2_001), Money.cny(1_701), Money.cny(0), Money.cny(1_000)))
                .isEqualTo(new RefundShares(Money.cny(850), Money.cny(150), false));
        assertThat(RefundShares.of(Money.cny(2_001), Money.cny(1_701), Money.cny(1_000), Money.cny(1_001)))
                .isEqualTo(new RefundShares(Money.cny(851), Money.cny(150), true));

        JournalEntryDTO first = entryOf(awaitRefunded(ok(refund(trade, 1_000))));
        assertThat(atChannel(card).path("refunded_fen").asLong()).as("UnionPay refunded the first part's cash share only")
                .isEqualTo(850);
        assertRefundEntry(first, paid, 850, false);
        assertPartialRefundKeptTheCouponAndPoints(buyer, null, paid);
        shop.assertBalanced();

        JournalEntryDTO last = entryOf(awaitRefunded(ok(refund(trade, 1_001))));
        assertThat(atChannel(card).path("refunded_fen").asLong()).as("UnionPay refunded all of the card's part, no more")
                .isEqualTo(1_701);
        assertRefundEntry(last, paid, 851, true);
        assertWholeRefundGaveBackTheCouponAndPoints(buyer, null, paid);
        assertFeeReturnedExactly(paid, first, last);
        assertNothingLeftToRefund(trade);
        shop.assertBalanced();
    }

    /**
     * Fifty trades of one buyer paid at once with the same coupon and the wallet, each through the cashier's call
     * ({@code PayService.pay}). The product's rule: one payment freezes the coupon, every other one is refused
     * ({@code COUPON_NOT_USABLE}) and its trade waits for payment again — never paid without the coupon the buyer
     * chose. So exactly one trade is paid, with the coupon; the wallet lost exactly that trade's cash part; no other
     * trade has an entry; the coupon is USED by that trade and every other use of it was released.
     */
    @Test
    void fiftyParallelPaymentsWithOneCouponPayOneTradeWithItAndChargeNothingForTheRest() throws Exception {
        int n = 50;
        String buyer = Buyers.funded(1_000_000).buyerId();
        CouponDTO coupon = shop.couponFor(buyer, 500, FundedBy.PLATFORM);
        List<TradeDTO> fifty = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            fifty.add(shop.newTrade(3_000, List.of()));
        }
        long walletBefore = Buyers.balance(buyer);

        List<Result<PayOrderDTO>> answers = atOnce(fifty.stream().<Callable<Result<PayOrderDTO>>>map(trade -> () -> {
            try {
                return pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BALANCE, Buyers.PAY_PASSWORD, request(), null,
                        coupon.couponId(), false));
            } catch (RuntimeException noAnswer) { // the call's own timeout: the pay order is still finished, below
                return null;
            }
        }).toList());

        assertThat(answers.stream().filter(answer -> answer != null && !answer.success()).map(Result::code)
                .collect(Collectors.toSet())).as("the refusals' codes").isSubsetOf("COUPON_NOT_USABLE");
        // an answer the test missed (its call timed out) is finished by the pay order's check: wait for every trade's end
        await("every trade paid or waiting for payment again").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> fifty.stream().noneMatch(trade -> status(trade) == TradeStatus.PAYING));
        List<TradeDTO> paidTrades = fifty.stream().filter(trade -> status(trade) == TradeStatus.SUCCESS).toList();
        assertThat(paidTrades).as("one trade paid").hasSize(1);
        assertThat(fifty).filteredOn(trade -> !paidTrades.contains(trade)).allMatch(trade -> status(trade) == TradeStatus.WAIT_PAY);
        TradeDTO winner = paidTrades.get(0);
        String winnerPayOrder = ok(pay.trail(winner.tradeNo())).stream().filter(step -> "PAY_ORDER_OPENED".equals(step.type()))
                .findFirst().orElseThrow().reference();

        Paid paid = paidExactly(buyer, winner, winnerPayOrder, coupon, Map.of("COUPON", 500L, "BALANCE", 2_500L), 0);
        assertThat(Buyers.balance(buyer)).as("the wallet paid one cash part").isEqualTo(walletBefore - 2_500);
        for (TradeDTO trade : fifty) {
            if (trade != winner) {
                assertThat(ok(ledger.trail(trade.tradeNo()))).as("nothing posted for %s", trade.tradeNo()).isEmpty();
            }
        }
        assertThat(shop.coupon(buyer, coupon.couponId()).tradeNo()).as("the coupon is the paid trade's").isEqualTo(winner.tradeNo());
        List<CouponUseRow> uses = CombinationShop.couponUses(coupon.couponId());
        assertThat(uses).as("one use confirmed, the paid one").filteredOn(use -> use.status() == HoldStatus.CONFIRMED)
                .extracting(CouponUseRow::useKey).containsExactly(winnerPayOrder);
        assertThat(uses).as("every other use released, none held").filteredOn(use -> !use.useKey().equals(winnerPayOrder))
                .allMatch(use -> use.status() == HoldStatus.RELEASED);
        assertThat(ok(points.account(buyer)).frozen()).isZero();
        assertThat(ok(ledger.balance(pending())).balance()).as("the merchant got one trade, less its fee")
                .isEqualTo(3_000 - paid.fee());
        shop.assertBalanced();
    }

    /**
     * Four refunds of one coupon + points + wallet trade sent at once, adding up to its price, with a fifth that
     * repeats the last one's refund number: the repeat is the same refund; the four split the cash by the rule in
     * the order the trade accepted them (so their cash shares are those of one order of them, and add up to the
     * cash part exactly); the coupon and the points come back once, with the refund that completed the trade.
     */
    @Test
    void concurrentPartialRefundsOfOneCombinationTradeReturnEveryPartOnceAndTheCouponAndPointsWithTheOneThatCompletesIt()
            throws Exception {
        String buyer = Buyers.funded(10_000).buyerId();
        CouponDTO coupon = shop.couponFor(buyer, 500, FundedBy.PLATFORM);
        grant(buyer, 1_000);
        TradeDTO trade = shop.newTrade(4_001, List.of());
        PayOrderDTO order = ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BALANCE, Buyers.PAY_PASSWORD, request(), null,
                coupon.couponId(), true)));
        Paid paid = paidExactly(buyer, trade, order.payOrderNo(), coupon, Map.of("COUPON", 500L, "POINTS", 1_000L, "BALANCE", 2_501L), 1_000);
        long walletAfterPay = Buyers.balance(buyer);

        String repeated = "CR-" + UUID.randomUUID().toString().substring(0, 20);
        List<Result<RefundDTO>> answers = atOnce(List.of(
                () -> refund(trade, 1_000), () -> refund(trade, 1_000), () -> refund(trade, 1_000),
                () -> refund(trade, repeated, 1_001), () -> refund(trade, repeated, 1_001)));

        List<RefundDTO> accepted = answers.stream().map(CombinationShop::ok).toList();
        assertThat(accepted.get(4).refundNo()).as("the repeated refund number is the same refund").isEqualTo(accepted.get(3).refundNo());
        List<JournalEntryDTO> entries = new ArrayList<>();
        for (RefundDTO refund : accepted.subList(0, 4)) {
            entries.add(entryOf(awaitRefunded(refund)));
        }
        assertThat(entries.stream().map(JournalEntryDTO::postingKey).distinct()).as("four refunds").hasSize(4);
        List<Long> cash = entries.stream().map(entry -> lines(entry, AccountType.BUYER_WALLET, Side.CREDIT)).toList();
        assertThat(cash.stream().mapToLong(Long::longValue).sum()).as("the cash part back, exactly").isEqualTo(2_501);
        assertThat(Buyers.balance(buyer)).as("the wallet got its part back once").isEqualTo(walletAfterPay + 2_501);
        List<JournalEntryDTO> completing = entries.stream().filter(e -> lines(e, AccountType.POINTS_LIABILITY, Side.CREDIT) > 0).toList();
        assertThat(completing).as("one refund gives back the coupon and the points").hasSize(1);
        JournalEntryDTO last = completing.get(0);
        long lastAmount = accepted.get(entries.indexOf(last)).amount().minor();
        for (int i = 0; i < 4; i++) {
            assertRefundEntry(entries.get(i), paid, cash.get(i), entries.get(i) == last);
        }
        assertThat(splitByTheRuleInSomeOrder(paid, accepted.subList(0, 4), cash, entries.indexOf(last)))
                .as("cash %s of %s, the coupon and points with the %s one", cash,
                        accepted.subList(0, 4).stream().map(r -> r.amount().minor()).toList(), lastAmount).isTrue();
        assertWholeRefundGaveBackTheCouponAndPoints(buyer, coupon, paid);
        assertFeeReturnedExactly(paid, entries.toArray(JournalEntryDTO[]::new));
        assertNothingLeftToRefund(trade);
        shop.assertBalanced();
    }

    // ---- the payment, exactly -------------------------------------------------------------------------------------

    /**
     * What a paid combination trade is made of: its price, the cash part and the account it came from, the points
     * spent and their value, the platform-funded coupon (a merchant-funded one is never credited nor debited), the fee.
     */
    private record Paid(String payOrderNo, long price, AccountType cashAccount, long cash, long points, long pointsValue,
                        long platformCoupon, long merchantCoupon, long fee) {
    }

    /**
     * The trade is paid in exactly {@code parts} (as the merchant reads them), the coupon is used by this pay order,
     * the points use is confirmed for exactly {@code pointsSpent} points and nothing stays frozen, and the payment's one
     * entry books each part on its own line (docs/adr/0008 Decision 4).
     */
    private Paid paidExactly(String buyer, TradeDTO trade, String payOrderNo, CouponDTO coupon, Map<String, Long> parts,
                             long pointsSpent) throws Exception {
        JsonNode view = shop.awaitPaid(trade);
        assertThat(parts(view)).as("the trade's payments").containsExactlyInAnyOrderEntriesOf(parts);
        String cashMethod = parts.keySet().stream().filter(m -> !m.equals("COUPON") && !m.equals("POINTS")).findFirst().orElseThrow();
        long cash = parts.get(cashMethod);
        assertThat(view.path("buyer_paid_amount").asLong()).isEqualTo(cash);
        long couponAmount = parts.getOrDefault("COUPON", 0L);
        long pointsValue = parts.getOrDefault("POINTS", 0L);
        if (coupon != null) {
            assertThat(view.path("promotion_detail").get(0).path("funded_by").asText()).isEqualTo(coupon.fundedBy().name());
        }
        await("coupon used, points confirmed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> (coupon == null || shop.couponStatus(buyer, coupon.couponId()) == CouponStatus.USED)
                        && (pointsSpent == 0 || CombinationShop.pointsUse(payOrderNo).map(CombinationShop.PointsUseRow::status)
                                .orElse(null) == HoldStatus.CONFIRMED));
        if (coupon != null) {
            assertThat(CombinationShop.couponUse(coupon.couponId(), payOrderNo)).as("the coupon's use")
                    .contains(new CouponUseRow(payOrderNo, trade.tradeNo(), HoldStatus.CONFIRMED, couponAmount));
        }
        if (pointsSpent > 0) {
            assertThat(CombinationShop.pointsUse(payOrderNo)).as("the points' use").contains(
                    new CombinationShop.PointsUseRow(payOrderNo, trade.tradeNo(), HoldStatus.CONFIRMED, pointsSpent, pointsValue));
        }
        assertThat(view.path("buyer_id").asText()).isEqualTo(buyer);
        assertThat(ok(points.account(buyer)).frozen()).as("no point left frozen").isZero();

        boolean platformFunded = coupon != null && coupon.fundedBy() == FundedBy.PLATFORM;
        long platformCoupon = platformFunded ? couponAmount : 0;
        long merchantCoupon = platformFunded ? 0 : couponAmount;
        AccountType cashAccount = cashMethod.equals("BALANCE") ? AccountType.BUYER_WALLET : AccountType.CHANNEL_CLEARING;
        JournalEntryDTO entry = shop.entry(payOrderNo);
        long fee = lines(entry, AccountType.PLATFORM_FEE_INCOME, Side.CREDIT);
        assertThat(lines(entry, cashAccount, Side.DEBIT)).as("the cash line").isEqualTo(cash);
        assertThat(lines(entry, AccountType.POINTS_LIABILITY, Side.DEBIT)).as("the points' line").isEqualTo(pointsValue);
        assertThat(lines(entry, AccountType.MARKETING_EXPENSE, Side.DEBIT)).as("the platform coupon's line").isEqualTo(platformCoupon);
        assertThat(fee).as("a fee was charged (the default rate)").isPositive();
        assertThat(lines(entry, AccountType.MERCHANT_PENDING, Side.CREDIT)).as("the merchant: the price less its own coupon and the fee")
                .isEqualTo(trade.amount().minor() - merchantCoupon - fee);
        shop.assertBalanced();
        return new Paid(payOrderNo, trade.amount().minor(), cashAccount, cash, pointsSpent, pointsValue, platformCoupon,
                merchantCoupon, fee);
    }

    // ---- refunds --------------------------------------------------------------------------------------------------

    private Result<RefundDTO> refund(TradeDTO trade, long amount) {
        return refund(trade, "CR-" + UUID.randomUUID().toString().substring(0, 20), amount);
    }

    private Result<RefundDTO> refund(TradeDTO trade, String outRefundNo, long amount) {
        return refunds.refund(new CreateRefundCmd(merchant.merchantId(), trade.tradeNo(), null, outRefundNo, Money.cny(amount),
                "combination refunds it"));
    }

    /** The refund once {@code SUCCESS}: its cash is back and, on the whole refund, the coupon and points too. */
    private RefundDTO awaitRefunded(RefundDTO refund) {
        return await("refund " + refund.refundNo() + " SUCCESS").atMost(REFUND_BOUND).pollInterval(Duration.ofMillis(300))
                .until(() -> ok(refunds.get(new RefundByNoQry(refund.refundNo(), merchant.merchantId()))), now -> {
                    assertThat(now.status()).as("%s", now).isNotEqualTo(RefundStatus.FAILED);
                    return now.status() == RefundStatus.SUCCESS;
                });
    }

    /** A refund's entry is posted under its refund number. */
    private JournalEntryDTO entryOf(RefundDTO refund) {
        return shop.entry(refund.refundNo());
    }

    /**
     * The refund's entry gives the cash tool exactly {@code cash}, and the points' and the platform coupon's lines
     * back only when it completes the trade (Decision 8).
     */
    private static void assertRefundEntry(JournalEntryDTO entry, Paid paid, long cash, boolean wholeTrade) {
        assertThat(lines(entry, paid.cashAccount(), Side.CREDIT)).as("%s: cash back", entry.postingKey()).isEqualTo(cash);
        assertThat(lines(entry, AccountType.POINTS_LIABILITY, Side.CREDIT)).as("%s: the points' value", entry.postingKey())
                .isEqualTo(wholeTrade ? paid.pointsValue() : 0);
        assertThat(lines(entry, AccountType.MARKETING_EXPENSE, Side.CREDIT)).as("%s: the platform coupon", entry.postingKey())
                .isEqualTo(wholeTrade ? paid.platformCoupon() : 0);
    }

    private void assertPartialRefundKeptTheCouponAndPoints(String buyer, CouponDTO coupon, Paid paid) throws Exception {
        if (coupon != null) {
            assertThat(shop.couponStatus(buyer, coupon.couponId())).as("a partial refund keeps the coupon used").isEqualTo(CouponStatus.USED);
        }
        assertThat(CombinationShop.pointsUse(paid.payOrderNo()).orElseThrow().status()).as("and the points spent")
                .isEqualTo(HoldStatus.CONFIRMED);
        assertThat(CombinationShop.pointsMoved("GIVE_BACK", paid.payOrderNo())).isEmpty();
        assertThat(ok(points.account(buyer)).frozen()).isZero();
    }

    private void assertWholeRefundGaveBackTheCouponAndPoints(String buyer, CouponDTO coupon, Paid paid) throws Exception {
        if (coupon != null) {
            assertThat(shop.couponStatus(buyer, coupon.couponId())).as("the coupon usable again").isEqualTo(CouponStatus.AVAILABLE);
            assertThat(CombinationShop.couponUse(coupon.couponId(), paid.payOrderNo()).orElseThrow().status())
                    .isEqualTo(HoldStatus.RETURNED);
        }
        assertThat(CombinationShop.pointsUse(paid.payOrderNo()).orElseThrow().status()).as("the points' use returned")
                .isEqualTo(HoldStatus.RETURNED);
        assertThat(CombinationShop.pointsMoved("GIVE_BACK", paid.payOrderNo())).as("every point back, once (its key is unique)")
                .hasValue(paid.points());
        assertThat(ok(points.account(buyer)).frozen()).isZero();
    }

    /** The refunds gave back exactly the fee the payment charged, and the merchant holds nothing of the trade. */
    private void assertFeeReturnedExactly(Paid paid, JournalEntryDTO... refundEntries) {
        long feeBack = 0;
        for (JournalEntryDTO entry : refundEntries) {
            feeBack += lines(entry, AccountType.PLATFORM_FEE_INCOME, Side.DEBIT);
        }
        assertThat(feeBack).as("the fee given back").isEqualTo(paid.fee());
        assertThat(ok(ledger.balance(pending())).balance()).as("the merchant gave back all it got").isZero();
    }

    private void assertNothingLeftToRefund(TradeDTO trade) {
        JsonNode view = merchant.client().get("/api/v1/trades/" + trade.tradeNo()).json();
        assertThat(view.path("refunded_amount").asLong()).isEqualTo(trade.amount().minor());
        assertThat(refund(trade, 1).code()).isEqualTo("REFUND_AMOUNT_EXCEEDED");
    }

    /**
     * Whether the refunds' cash shares are {@link RefundShares}' for some order of acceptance that ends with the
     * refund at {@code last} (the one that completed the trade): the refunds were accepted concurrently, so the test
     * cannot know their order, only that one order explains every share.
     */
    private static boolean splitByTheRuleInSomeOrder(Paid paid, List<RefundDTO> accepted, List<Long> cash, int last) {
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            if (i != last) {
                others.add(i);
            }
        }
        for (List<Integer> order : permutations(others)) {
            List<Integer> sequence = new ArrayList<>(order);
            sequence.add(last);
            long before = 0;
            boolean fits = true;
            for (int i : sequence) {
                long amount = accepted.get(i).amount().minor();
                RefundShares shares = RefundShares.of(Money.cny(paid.price()), Money.cny(paid.cash()), Money.cny(before),
                        Money.cny(amount));
                fits &= shares.cash().minor() == cash.get(i) && shares.wholeTrade() == (i == last);
                before += amount;
            }
            if (fits) {
                return true;
            }
        }
        return false;
    }

    private static List<List<Integer>> permutations(List<Integer> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Integer>> all = new ArrayList<>();
        for (Integer first : items) {
            List<Integer> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<Integer> tail : permutations(rest)) {
                List<Integer> one = new ArrayList<>();
                one.add(first);
                one.addAll(tail);
                all.add(one);
            }
        }
        return all;
    }

    // ---- plumbing -------------------------------------------------------------------------------------------------

    /** Runs the calls together (released by one latch) and answers their results in order. */
    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void grant(String buyer, long howMany) {
        ok(points.grant(new PointsGrantCmd(buyer, howMany, null, "GRANT-" + UUID.randomUUID(), "it")));
    }

    /** The sandbox's own record of the channel order: {@code amount_fen}, {@code refunded_fen}. */
    private static JsonNode atChannel(ChannelOrderDTO order) throws Exception {
        return SandboxControl.call("GET", "/sandbox/v1/orders/" + order.channel().name() + "/" + order.channelOrderNo(), null);
    }

    private TradeStatus status(TradeDTO trade) {
        return ok(trades.get(TradeByNoQry.internal(trade.tradeNo()))).status();
    }

    private AccountRef pending() {
        return new AccountRef(AccountType.MERCHANT_PENDING, merchant.merchantId(), "CNY");
    }
}
