package io.paysuite.it.combination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayCmd;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.promotion.CouponDTO;
import io.paysuite.api.promotion.CouponStatus;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.promotion.HoldStatus;
import io.paysuite.api.promotion.PointsAccountDTO;
import io.paysuite.api.promotion.PointsGrantCmd;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.deploy.infra.DatabaseServer;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.deploy.launcher.Suite;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.promotion.EarnedPoints;
import io.paysuite.it.killed.ServiceKills;
import io.paysuite.it.channel.Breakers;
import io.paysuite.it.channel.SandboxControl;
import io.paysuite.it.openapi.Buyers;
import io.paysuite.it.openapi.Merchants;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Combination payments end to end (docs/adr/0008): pay-core's Saga on the suite's Seata coordinator,
 * member-service's coupons and points, the ledger's one entry per payment, and the trade as the
 * merchant reads it through the open API ({@code payments}, {@code buyer_paid_amount},
 * {@code promotion_detail}). Every amount is checked to the cent and the trial balance after each.
 */
class CombinationPaymentIT {

    private static final String CARD = "TOKEN6200000000000000";
    private static final String DECLINED_CARD = "TOKEN6200000000001111";

    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final PayService pay = SuiteHarness.reference(PayService.class, null);
    private final ChannelService channels = SuiteHarness.reference(ChannelService.class, null);
    private final PointsService points = SuiteHarness.reference(PointsService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);
    private final Merchants.TestMerchant merchant = Merchants.onboard("combination it " + UUID.randomUUID().toString().substring(0, 8));
    private final CombinationShop shop = new CombinationShop(merchant);

    @Test
    void aPlatformCouponAndTheBalancePayOneTradeAndTheMerchantReadsBothParts() throws Exception {
        String buyer = Buyers.funded(10_000).buyerId();
        CouponDTO coupon = couponFor(buyer, 1_000, FundedBy.PLATFORM);
        TradeDTO trade = newTrade(5_000, List.of());

        PayOrderDTO paid = ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BALANCE, Buyers.PAY_PASSWORD, request(), null,
                coupon.couponId(), false)));

        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        assertThat(Buyers.balance(buyer)).as("the wallet paid what the coupon left").isEqualTo(6_000);
        JsonNode view = awaitPaid(trade);
        assertThat(view.path("paid_amount").asLong()).isEqualTo(5_000);
        assertThat(view.path("buyer_paid_amount").asLong()).isEqualTo(4_000);
        assertThat(parts(view)).containsExactlyInAnyOrderEntriesOf(Map.of("COUPON", 1_000L, "BALANCE", 4_000L));
        JsonNode detail = view.path("promotion_detail").get(0);
        assertThat(detail.path("coupon_id").asText()).isEqualTo(coupon.couponId());
        assertThat(detail.path("amount").asLong()).isEqualTo(1_000);
        assertThat(detail.path("funded_by").asText()).isEqualTo("PLATFORM");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> couponStatus(buyer, coupon.couponId()) == CouponStatus.USED);
        assertBalanced();
    }

    @Test
    void aMerchantCouponPointsAndAWechatQrPayTheRestAfterTheScan() throws Exception {
        String buyer = Buyers.funded(1).buyerId();
        CouponDTO coupon = couponFor(buyer, 500, FundedBy.MERCHANT);
        ok(points.grant(new PointsGrantCmd(buyer, 1_000L, null, "GRANT-" + UUID.randomUUID(), "it")));
        TradeDTO trade = newTrade(3_000, List.of(PayMethod.WECHAT_QR));

        PayOrderDTO started = ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.WECHAT_QR, null, request(), null,
                coupon.couponId(), true)));
        var channelOrder = ok(channels.get(started.payOrderNo()));
        SandboxControl.call("POST", "/sandbox/v1/scan", "{\"code_url\":\"" + channelOrder.codeUrl() + "\",\"outcome\":\"SUCCESS\"}");

        JsonNode view = awaitPaid(trade);
        Map<String, Long> parts = parts(view);
        assertThat(parts).containsKeys("COUPON", "POINTS", "WECHAT_QR").containsEntry("COUPON", 500L);
        assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).as("the parts add up to the price").isEqualTo(3_000);
        assertThat(channelOrder.amount()).as("WeChat was asked only for the rest").isEqualTo(Money.cny(parts.get("WECHAT_QR")));
        assertThat(view.path("buyer_paid_amount").asLong()).isEqualTo(parts.get("WECHAT_QR"));
        assertThat(view.path("promotion_detail").get(0).path("funded_by").asText()).isEqualTo("MERCHANT");
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> ok(points.account(buyer)).frozen() == 0);
        assertBalanced();
    }

    @Test
    void pointsAndABoundCardPayOneTrade() throws Exception {
        String buyer = Buyers.funded(1).buyerId();
        ok(points.grant(new PointsGrantCmd(buyer, 300L, null, "GRANT-" + UUID.randomUUID(), "it")));
        long pointsBefore = ok(points.account(buyer)).available();
        TradeDTO trade = newTrade(2_000, List.of(PayMethod.BANK_CARD));

        PayOrderDTO started = ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BANK_CARD, Buyers.PAY_PASSWORD, request(),
                CARD, null, true)));

        JsonNode view = awaitPaid(trade);
        Map<String, Long> parts = parts(view);
        assertThat(parts).containsKeys("POINTS", "BANK_CARD");
        assertThat(parts.get("POINTS") + parts.get("BANK_CARD")).isEqualTo(2_000);
        long earned = EarnedPoints.awaitEarned(trade.tradeNo());
        assertThat(earned).as("1 point per 1.00 the card paid").isEqualTo(parts.get("BANK_CARD") / 100);
        PointsAccountDTO after = ok(points.account(buyer));
        assertThat(after.frozen()).isZero();
        assertThat(after.available()).as("the points used are gone, those the card's part earned are added")
                .isEqualTo(pointsBefore - Long.parseLong(pointsUse(started.payOrderNo())[1]) + earned);
        assertBalanced();
    }

    @Test
    void aDeclinedCardAfterTheCouponAndPointsWereFrozenGivesBothBack() throws Exception {
        String buyer = Buyers.funded(1).buyerId();
        CouponDTO coupon = couponFor(buyer, 300, FundedBy.PLATFORM);
        ok(points.grant(new PointsGrantCmd(buyer, 200L, null, "GRANT-" + UUID.randomUUID(), "it")));
        PointsAccountDTO pointsBefore = ok(points.account(buyer));
        TradeDTO trade = newTrade(1_500, List.of(PayMethod.BANK_CARD));

        Result<PayOrderDTO> refused = pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BANK_CARD, Buyers.PAY_PASSWORD,
                request(), DECLINED_CARD, coupon.couponId(), true));

        // declined at once (the refusal answered) or a little later (accepted, then declined: the check finishes it)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> ok(trades.get(TradeByNoQry.internal(trade.tradeNo()))).status() == TradeStatus.WAIT_PAY
                        && couponStatus(buyer, coupon.couponId()) == CouponStatus.AVAILABLE
                        && ok(points.account(buyer)).frozen() == 0);
        assertThat(ok(points.account(buyer)).available()).as("every point given back").isEqualTo(pointsBefore.available());
        if (refused.success()) {
            assertThat(ok(pay.get(refused.data().payOrderNo())).status()).isEqualTo(PayOrderStatus.FAILED);
        } else {
            assertThat(refused.code()).isEqualTo("CHANNEL_DECLINED");
        }
        // both were frozen before the card was charged, then released: member-service's uses of this pay order carry
        // the trade and what they held (a release that overtook its freeze would have no trade and nothing held)
        String payOrderNo = refused.success() ? refused.data().payOrderNo() : payOrderNo(trade);
        assertThat(CombinationShop.couponUse(coupon.couponId(), payOrderNo)).as("the coupon's use")
                .contains(new CombinationShop.CouponUseRow(payOrderNo, trade.tradeNo(), HoldStatus.RELEASED, 300));
        assertThat(CombinationShop.pointsUse(payOrderNo)).as("the points' use")
                .contains(new CombinationShop.PointsUseRow(payOrderNo, trade.tradeNo(), HoldStatus.RELEASED, 200, 200));
        assertThat(CombinationShop.pointsMoved("FREEZE", payOrderNo)).as("the points frozen").hasValue(-200);
        assertThat(CombinationShop.pointsMoved("RELEASE", payOrderNo)).as("and released once").hasValue(200);
        assertBalanced();
    }

    @Test
    void couponPointsAndBalanceRefundedInTwoPartsReturnTheCashProRataAndTheCouponAndPointsWithTheLast() throws Exception {
        String buyer = Buyers.funded(10_000).buyerId();
        CouponDTO coupon = couponFor(buyer, 500, FundedBy.PLATFORM);
        ok(points.grant(new PointsGrantCmd(buyer, 1_000L, null, "GRANT-" + UUID.randomUUID(), "it")));
        long pointsBefore = ok(points.account(buyer)).available();
        TradeDTO trade = newTrade(3_001, List.of());
        ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BALANCE, Buyers.PAY_PASSWORD, request(), null, coupon.couponId(), true)));
        Map<String, Long> parts = parts(awaitPaid(trade));
        long cash = parts.get("BALANCE");
        assertThat(cash + parts.get("COUPON") + parts.get("POINTS")).isEqualTo(3_001);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> couponStatus(buyer, coupon.couponId()) == CouponStatus.USED && ok(points.account(buyer)).frozen() == 0);
        long afterPay = Buyers.balance(buyer);

        // the rule (docs/adr/0008 "Refunds"): cash back = floor(cumulative refunds × cash / price) less what came back before
        refundAndAwait(trade, 2_000);
        long firstCash = 2_000 * cash / 3_001;
        assertThat(Buyers.balance(buyer) - afterPay).as("the first part returns its pro rata cash only").isEqualTo(firstCash);
        assertThat(couponStatus(buyer, coupon.couponId())).as("a partial refund keeps the coupon used").isEqualTo(CouponStatus.USED);
        // points spent at 100 per 1.00 (the suite's rate); those earned on the cash part lose the refund's share
        EarnedPoints.Earning earned = EarnedPoints.awaitEarning(trade.tradeNo(), 2_000);
        assertThat(ok(points.account(buyer)).available()).as("the points spent stay spent")
                .isEqualTo(pointsBefore - parts.get("POINTS") + earned.points() - earned.takenBack());
        assertBalanced();

        refundAndAwait(trade, 1_001);
        assertThat(Buyers.balance(buyer) - afterPay).as("the last part returns exactly the cash left").isEqualTo(cash);
        assertThat(couponStatus(buyer, coupon.couponId())).as("the whole refund gives the coupon back").isEqualTo(CouponStatus.AVAILABLE);
        assertThat(EarnedPoints.awaitEarning(trade.tradeNo(), 3_001).takenBack()).as("and takes back every point earned")
                .isEqualTo(earned.points());
        assertThat(ok(points.account(buyer)).available()).as("and every point").isEqualTo(pointsBefore);
        assertThat(ok(ledger.balance(new AccountRef(AccountType.MERCHANT_PENDING, merchant.merchantId(), "CNY"))).balance())
                .as("the merchant gave back all it got, and the fee came back exactly").isZero();
        assertBalanced();
    }

    /**
     * A coupon and points that pay the whole price (docs/adr/0008 Decision 10): nothing is left for the wallet, the
     * trade is SUCCESS with {@code buyer_paid_amount} 0 and its payments are the coupon and the points; the whole
     * refund gives both back and the merchant returns all it was credited.
     */
    @Test
    void aCouponAndPointsThatPayTheWholeTradeLeaveTheWalletUntouchedAndComeBackWithTheWholeRefund() throws Exception {
        String buyer = Buyers.funded(1).buyerId();
        CouponDTO coupon = couponFor(buyer, 500, FundedBy.PLATFORM);
        ok(points.grant(new PointsGrantCmd(buyer, 5_000L, null, "GRANT-" + UUID.randomUUID(), "it")));
        long pointsBefore = ok(points.account(buyer)).available();
        TradeDTO trade = newTrade(3_000, List.of());

        PayOrderDTO paid = ok(pay.pay(new PayCmd(trade.tradeNo(), buyer, PayMethod.BALANCE, Buyers.PAY_PASSWORD, request(), null,
                coupon.couponId(), true)));

        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        JsonNode view = awaitPaid(trade);
        assertThat(view.path("buyer_paid_amount").asLong()).isZero();
        assertThat(parts(view)).containsExactlyInAnyOrderEntriesOf(Map.of("COUPON", 500L, "POINTS", 2_500L));
        assertThat(Buyers.balance(buyer)).as("the wallet paid nothing").isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> couponStatus(buyer, coupon.couponId()) == CouponStatus.USED && ok(points.account(buyer)).frozen() == 0);
        assertThat(pointsBefore - ok(points.account(buyer)).available()).as("the points worth the 25.00 left")
                .isEqualTo(Long.parseLong(pointsUse(paid.payOrderNo())[1]));
        assertBalanced();

        refundAndAwait(trade, 3_000);
        assertThat(couponStatus(buyer, coupon.couponId())).isEqualTo(CouponStatus.AVAILABLE);
        assertThat(ok(points.account(buyer)).available()).isEqualTo(pointsBefore);
        assertThat(Buyers.balance(buyer)).isEqualTo(1);
        assertThat(ok(ledger.balance(new AccountRef(AccountType.MERCHANT_PENDING, merchant.merchantId(), "CNY"))).balance())
                .as("the merchant gave back all it got, the fee included").isZero();
        assertBalanced();
    }

    /**
     * Guarantee trades paid with coupons, points and the wallet: escrow holds what the merchant gets gross (the price
     * less a merchant-funded coupon), a refund before the release takes only its cash share out of escrow, and the
     * merchant's confirm releases all that escrow still holds for the trade (docs/adr/0008, "Guarantee trades") —
     * to the merchant's pending less the fee; escrow ends empty, the trial balance balanced.
     */
    @Test
    void guaranteeTradesPaidWithCouponsPointsAndTheBalanceReleaseExactlyWhatEscrowHoldsToTheMerchant() throws Exception {
        String buyer = Buyers.funded(10_000).buyerId();
        CouponDTO merchantCoupon = couponFor(buyer, 500, FundedBy.MERCHANT);
        CouponDTO platformCoupon = couponFor(buyer, 300, FundedBy.PLATFORM);
        ok(points.grant(new PointsGrantCmd(buyer, 1_000L, null, "GRANT-" + UUID.randomUUID(), "it")));
        TradeDTO merchantFunded = newTrade(4_000, List.of(), TradeType.GUARANTEE);
        TradeDTO refundedFirst = newTrade(3_001, List.of(), TradeType.GUARANTEE);

        ok(pay.pay(new PayCmd(merchantFunded.tradeNo(), buyer, PayMethod.BALANCE, Buyers.PAY_PASSWORD, request(), null,
                merchantCoupon.couponId(), false)));
        ok(pay.pay(new PayCmd(refundedFirst.tradeNo(), buyer, PayMethod.BALANCE, Buyers.PAY_PASSWORD, request(), null,
                platformCoupon.couponId(), true)));
        assertThat(parts(awaitPaid(merchantFunded))).containsExactlyInAnyOrderEntriesOf(Map.of("COUPON", 500L, "BALANCE", 3_500L));
        long cash = parts(awaitPaid(refundedFirst)).get("BALANCE");
        AccountRef escrow = new AccountRef(AccountType.ESCROW, merchant.merchantId(), "CNY");
        assertThat(ok(ledger.balance(escrow)).balance()).as("escrow: 4000 − the merchant's coupon, and all of 3001")
                .isEqualTo(3_500 + 3_001);
        refundAndAwait(refundedFirst, 1_000);
        long cashBack = 1_000 * cash / 3_001; // docs/adr/0008 "Refunds": the cash share only, from escrow

        for (TradeDTO trade : List.of(merchantFunded, refundedFirst)) {
            var confirmed = merchant.client().post("/api/v1/trades/" + trade.tradeNo() + "/confirm", "");
            assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        }
        Map<String, Long> released = new HashMap<>();
        await("both releases posted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            for (TradeDTO trade : List.of(merchantFunded, refundedFirst)) {
                Result<io.paysuite.api.ledger.JournalEntryDTO> entry = ledger.entryByKey("REL-" + trade.tradeNo());
                if (entry.success()) {
                    released.put(trade.tradeNo(), entry.data().lines().stream().filter(l -> l.account().equals(escrow))
                            .mapToLong(io.paysuite.api.ledger.PostingLine::amount).sum());
                }
            }
            return released.size() == 2;
        });
        assertThat(released.get(merchantFunded.tradeNo())).as("the merchant's coupon was never in escrow").isEqualTo(3_500);
        assertThat(released.get(refundedFirst.tradeNo())).as("the price less the refund's cash share")
                .isEqualTo(3_001 - cashBack);
        assertThat(ok(ledger.balance(escrow)).balance()).as("nothing left in escrow").isZero();
        long pending = ok(ledger.balance(new AccountRef(AccountType.MERCHANT_PENDING, merchant.merchantId(), "CNY"))).balance();
        assertThat(pending).as("the merchant got what was released, less its fee").isPositive()
                .isLessThanOrEqualTo(3_500 + 3_001 - cashBack);
        for (TradeDTO trade : List.of(merchantFunded, refundedFirst)) {
            assertThat(merchant.client().get("/api/v1/trades/" + trade.tradeNo()).json().path("status").asText()).isEqualTo("FINISHED");
        }
        assertBalanced();
    }

    // ---- issue 14: a pay-core killed with SIGKILL in the middle of the Saga (docs/adr/0008, "Killed mid-Saga") ----

    /** The earlier steps of the Saga, each held by a lock on the row it writes second (see {@link #heldInside}). */
    enum Step { COUPON_FREEZE, POINTS_FREEZE, BALANCE_CHARGE }

    /**
     * (a) and (b) and the balance charge: three payments, each held inside one step of its Saga, when pay-core is
     * SIGKILLed once. The hold is a lock this test takes in the step's own database on the row the step writes
     * <em>second</em>, so the step's transaction is open — its first write visible to a READ UNCOMMITTED reader and
     * to no other — and cannot commit until the test lets it: the coupon freeze (coupon row held, then the insert
     * of its use, gap-locked), the points freeze (use inserted, then the buyer's points row, locked), the ledger's
     * payment entry (entry inserted, then the buyer's wallet row, locked). No hook in any service. After the kill
     * the holds are let go, so the steps the dead pay-core asked for commit with no one to hear their answers; the
     * restarted pay-core's check runs each Saga anew under the same keys: every payment ends final with exactly one
     * outcome — SUCCESS with the coupon used once, the points spent once and the wallet charged once, or FAILED with
     * all of them back — nothing frozen, the trial balance balanced.
     */
    @Test
    void aPayCoreKilledWhileEachSagaIsInsideTheCouponFreezeThePointsFreezeOrTheBalanceChargeEndsEveryPaymentFinalOnce()
            throws Exception {
        Map<Step, HeldPayment> held = new java.util.EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            Buyers.Buyer buyer = Buyers.funded(10_000);
            CouponDTO coupon = couponFor(buyer.buyerId(), 700, step == Step.POINTS_FREEZE ? FundedBy.MERCHANT : FundedBy.PLATFORM);
            ok(points.grant(new PointsGrantCmd(buyer.buyerId(), 500L, null, "GRANT-" + UUID.randomUUID(), "it")));
            held.put(step, new HeldPayment(step, buyer.buyerId(), coupon, ok(points.account(buyer.buyerId())),
                    newTrade(4_000, List.of())));
        }
        Suite suite = SuiteHarness.suite();
        ExecutorService tills = Executors.newFixedThreadPool(held.size());
        List<Connection> holds = new ArrayList<>();
        try {
            // the coupon's hold is a gap lock at the end of coupon_use: it would stop the other coupons' freezes too,
            // so it is taken once the other two payments are past theirs (their own holds show it)
            for (List<Step> wave : List.of(List.of(Step.POINTS_FREEZE, Step.BALANCE_CHARGE), List.of(Step.COUPON_FREEZE))) {
                for (Step step : wave) {
                    HeldPayment payment = held.get(step);
                    holds.add(hold(payment));
                    tills.submit(() -> pay.pay(new PayCmd(payment.trade().tradeNo(), payment.buyerId(), PayMethod.BALANCE,
                            Buyers.PAY_PASSWORD, request(), null, payment.coupon().couponId(), true)));
                }
                for (Step step : wave) {
                    await(step + " held open").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                            .until(() -> heldInside(held.get(step), true));
                }
            }
            for (HeldPayment payment : held.values()) {
                assertThat(heldInside(payment, false)).as(payment.step() + ": its transaction has not committed").isFalse();
            }
            suite.kill(ServiceId.PAY_CORE); // each step is running at member-service or the ledger, its caller gone
        } finally {
            for (Connection hold : holds) {
                hold.rollback(); // the steps the dead pay-core asked for commit now
                hold.close();
            }
            tills.shutdownNow();
            payCoreRunning();
        }

        for (HeldPayment payment : held.values()) {
            // SUCCESS when the recovery found the step's effect; FAILED when pay-core's 5-s wait for the held step had
            // run out before the kill and its compensation's release came first: either way exactly one outcome
            PayOrderDTO order = awaitFinalPayOrder(payment.trade());
            assertSettledOnce(payment.buyerId(), 10_000, payment.coupon(), payment.pointsBefore(), payment.trade(), order);
        }
    }

    private record HeldPayment(Step step, String buyerId, CouponDTO coupon, PointsAccountDTO pointsBefore, TradeDTO trade) {
    }

    /**
     * Takes the lock that holds {@code payment}'s step open, on a connection of its own (REPEATABLE READ, so that a
     * locking read of no row locks the gap the step's insert needs); rolling it back lets the step go on.
     */
    private static Connection hold(HeldPayment payment) throws SQLException {
        Connection db = payment.step() == Step.BALANCE_CHARGE ? accountingDatabase() : memberDatabase();
        db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        db.setAutoCommit(false);
        String sql = switch (payment.step()) {
            // the freeze UPDATEs the coupon row, then INSERTs its use (coupon_id, use_key): this waits on the gap
            // (its coupon's number read first, without a lock: a locking read of the coupon row would stop the freeze earlier)
            case COUPON_FREEZE -> "SELECT id FROM coupon_use WHERE coupon_id = ? FOR UPDATE";
            // the freeze INSERTs its use, then UPDATEs the buyer's points row: this waits on the row
            case POINTS_FREEZE -> "SELECT available FROM points_account WHERE buyer_id = ? FOR UPDATE";
            // the ledger INSERTs the entry and its lines, then UPDATEs the accounts last: this waits on the wallet's row
            case BALANCE_CHARGE -> "SELECT id FROM account WHERE code = CONCAT('BUYER_WALLET:', ?, ':CNY') FOR UPDATE";
        };
        try (PreparedStatement lock = db.prepareStatement(sql)) {
            if (payment.step() == Step.COUPON_FREEZE) {
                lock.setLong(1, couponNumber(db, payment.buyerId()));
            } else {
                lock.setString(1, payment.buyerId());
            }
            try (ResultSet rows = lock.executeQuery()) {
                assertThat(rows.next()).as(payment.step() + ": the row it locks (none for the coupon's gap)")
                        .isEqualTo(payment.step() != Step.COUPON_FREEZE);
            }
        }
        return db;
    }

    /** The number (row id) of the buyer's one coupon. */
    private static long couponNumber(Connection member, String buyerId) throws SQLException {
        try (PreparedStatement coupon = member.prepareStatement("SELECT id FROM coupon WHERE buyer_id = ?")) {
            coupon.setString(1, buyerId);
            try (ResultSet rows = coupon.executeQuery()) {
                assertThat(rows.next()).as("the buyer's coupon").isTrue();
                return rows.getLong(1);
            }
        }
    }

    /** The step's first write is there: uncommitted (seen only when {@code dirty}), or committed. */
    private static boolean heldInside(HeldPayment payment, boolean dirty) throws SQLException {
        String sql = switch (payment.step()) {
            case COUPON_FREEZE -> "SELECT 1 FROM coupon WHERE buyer_id = ? AND status = 'FROZEN'";
            case POINTS_FREEZE -> "SELECT 1 FROM points_use WHERE buyer_id = ? AND status = 'FROZEN'";
            case BALANCE_CHARGE -> "SELECT 1 FROM journal_entry WHERE biz_no = ? AND biz_type = 'PAYMENT'";
        };
        try (Connection db = payment.step() == Step.BALANCE_CHARGE ? accountingDatabase() : memberDatabase()) {
            db.setTransactionIsolation(dirty ? Connection.TRANSACTION_READ_UNCOMMITTED : Connection.TRANSACTION_READ_COMMITTED);
            try (PreparedStatement probe = db.prepareStatement(sql)) {
                probe.setString(1, payment.step() == Step.BALANCE_CHARGE ? payment.trade().tradeNo() : payment.buyerId());
                try (ResultSet rows = probe.executeQuery()) {
                    return rows.next();
                }
            }
        }
    }

    /**
     * (c): the Saga is inside the charge — the channel has applied the payment-code charge and holds its answer
     * (the sandbox's TIMEOUT fault on the charge and the query) — when pay-core is killed. After the restart the
     * pay order ends as the channel decided (its order charged: SUCCESS; closed or reversed: FAILED), and the
     * coupon and points follow it exactly; nothing was released while the charge's outcome was unknown (a
     * release before a success would leave the coupon usable with the trade paid).
     */
    @Test
    void aPayCoreKilledDuringTheChargeEndsAsTheChannelDecidedAndNeverReleasesBlindly() throws Exception {
        Buyers.Buyer buyer = Buyers.funded(1);
        CouponDTO coupon = couponFor(buyer.buyerId(), 300, FundedBy.MERCHANT);
        ok(points.grant(new PointsGrantCmd(buyer.buyerId(), 200L, null, "GRANT-" + UUID.randomUUID(), "it")));
        PointsAccountDTO pointsBefore = ok(points.account(buyer.buyerId()));
        TradeDTO trade = newTrade(2_000, List.of(PayMethod.ALIPAY_CODE));
        Suite suite = SuiteHarness.suite();
        ExecutorService till = Executors.newSingleThreadExecutor();
        String[] channelOrderNo = new String[1];
        try {
            for (String operation : new String[] {"charge", "query"}) {
                SandboxControl.call("POST", "/sandbox/v1/faults", "{\"channel\":\"ALIPAY\",\"operation\":\"" + operation
                        + "\",\"mode\":\"TIMEOUT\",\"rate\":1.0,\"millis\":6000}");
            }
            till.submit(() -> pay.pay(new PayCmd(trade.tradeNo(), buyer.buyerId(), PayMethod.ALIPAY_CODE, null, request(),
                    alipayCodeThatPays(), coupon.couponId(), true)));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() -> {
                Result<ChannelOrderDTO> atGateway = channels.get(payOrderNo(trade));
                channelOrderNo[0] = atGateway.success() ? atGateway.data().channelOrderNo() : null;
                return channelOrderNo[0] != null && sandboxOrder(channelOrderNo[0]).statusCode() == 200;
            });
            suite.kill(ServiceId.PAY_CORE); // the channel has the money; its answer is still on the way
            // at once: the gateway's next query and the restarted pay-core's recovery must hear the channel
            SandboxControl.call("DELETE", "/sandbox/v1/faults", null);
            assertThat(ok(points.account(buyer.buyerId())).frozen()).as("frozen before the charge").isPositive();
            // the injected timeouts may have opened Alipay's breaker: the next class must not start against it
            Breakers.awaitClosed(channels, ChannelCode.ALIPAY);
        } finally {
            SandboxControl.call("DELETE", "/sandbox/v1/faults", null);
            till.shutdownNow();
            payCoreRunning();
        }

        PayOrderDTO order = awaitFinalPayOrder(trade);
        String atChannel = sandboxOrder(channelOrderNo[0]).body();
        assertThat(order.status()).as("the channel's word: " + atChannel)
                .isEqualTo(atChannel.contains("TRADE_SUCCESS") ? PayOrderStatus.SUCCESS : PayOrderStatus.FAILED);
        assertSettledOnce(buyer.buyerId(), 1, coupon, pointsBefore, trade, order);
    }

    /**
     * The figure of ADR 0008 Decision 5: the Saga's cost against the one-tool short path, in the same run. N
     * coupon + balance payments and N balance payments, alternated, each timed from the call to its
     * {@code SUCCESS} answer; prints p50 and p99 of both (never asserted: docs/benchmarks.md records them).
     */
    @Test
    void combinationAndSingleToolBalancePaymentsAreTimedSideBySide() {
        int n = 20;
        Buyers.Buyer buyer = Buyers.funded(1_000_000);
        List<CouponDTO> couponsToUse = couponsFor(buyer.buyerId(), 100, FundedBy.PLATFORM, n + 1);
        List<Long> single = new ArrayList<>();
        List<Long> combination = new ArrayList<>();
        for (int i = 0; i <= n; i++) { // the first of each warms its path up and is not counted
            long singleNanos = timedBalancePayment(buyer, null);
            long combinationNanos = timedBalancePayment(buyer, couponsToUse.get(i).couponId());
            if (i > 0) {
                single.add(singleNanos);
                combination.add(combinationNanos);
            }
        }
        // grep the IT output for COMBINATION; p99 of 20 is their slowest
        System.out.printf("COMBINATION balance pay() ms, c=1, n=%d each, alternated: one tool p50=%.1f p99=%.1f;"
                        + " coupon + balance (Saga) p50=%.1f p99=%.1f%n", n, percentile(single, 50), percentile(single, 99),
                percentile(combination, 50), percentile(combination, 99));
        assertBalanced();
    }

    private long timedBalancePayment(Buyers.Buyer buyer, String couponId) {
        TradeDTO trade = newTrade(1_000, List.of());
        PayCmd cmd = new PayCmd(trade.tradeNo(), buyer.buyerId(), PayMethod.BALANCE, Buyers.PAY_PASSWORD, request(), null,
                couponId, false);
        long started = System.nanoTime();
        PayOrderDTO paid = ok(pay.pay(cmd));
        long took = System.nanoTime() - started;
        assertThat(paid.status()).isEqualTo(PayOrderStatus.SUCCESS);
        return took;
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = nanos.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1) / 1_000_000.0;
    }

    /**
     * Exactly one outcome, to the cent and the point: a success used the coupon once, spent exactly the
     * points its use recorded and took exactly the cash part from the wallet; a failure left the coupon
     * usable, every point available and the wallet untouched. The trial balance balances either way.
     */
    private void assertSettledOnce(String buyer, long walletBefore, CouponDTO coupon, PointsAccountDTO pointsBefore,
                                   TradeDTO trade, PayOrderDTO order) throws Exception {
        boolean paid = order.status() == PayOrderStatus.SUCCESS;
        CouponStatus couponWanted = paid ? CouponStatus.USED : CouponStatus.AVAILABLE;
        String pointsWanted = paid ? "CONFIRMED" : "RELEASED";
        await("coupon " + couponWanted + ", points " + pointsWanted).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> couponStatus(buyer, coupon.couponId()) == couponWanted
                        && ok(points.account(buyer)).frozen() == pointsBefore.frozen()
                        && pointsWanted.equals(pointsUse(order.payOrderNo())[0]));
        long pointsSpent = paid ? Long.parseLong(pointsUse(order.payOrderNo())[1]) : 0;
        long pointsEarned = paid ? EarnedPoints.awaitEarned(trade.tradeNo()) : 0; // on the cash part, after the payment
        assertThat(ok(points.account(buyer)).available()).as("points exact")
                .isEqualTo(pointsBefore.available() - pointsSpent + pointsEarned);
        if (paid) {
            Map<String, Long> parts = parts(awaitPaid(trade));
            assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).as("the parts add up to the price")
                    .isEqualTo(trade.amount().minor());
            assertThat(parts.get("COUPON")).as("the coupon's fixed amount").isEqualTo(coupon.amount().minor());
            if (order.method() == PayMethod.BALANCE) {
                assertThat(Buyers.balance(buyer)).as("the wallet paid the cash part once").isEqualTo(walletBefore - parts.get("BALANCE"));
            }
        } else {
            assertThat(Buyers.balance(buyer)).as("nothing taken from the wallet").isEqualTo(walletBefore);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> ok(trades.get(TradeByNoQry.internal(trade.tradeNo()))).status() != TradeStatus.PAYING);
        }
        assertBalanced();
    }

    /** Starts a killed pay-core again (and waits until it is healthy); whatever failed, the next test needs it. */
    private static void payCoreRunning() {
        ServiceKills.running(ServiceId.PAY_CORE);
    }

    /** The pay order of a trade whose pay call never answered (pay-core was killed under it), once it is final. */
    private PayOrderDTO awaitFinalPayOrder(TradeDTO trade) {
        PayOrderDTO[] order = new PayOrderDTO[1];
        await("the pay order final after pay-core's restart").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> {
                    order[0] = ok(pay.get(payOrderNo(trade)));
                    return order[0].status() == PayOrderStatus.SUCCESS || order[0].status() == PayOrderStatus.FAILED;
                });
        return order[0];
    }

    private String payOrderNo(TradeDTO trade) {
        return ok(pay.trail(trade.tradeNo())).stream().filter(step -> "PAY_ORDER_OPENED".equals(step.type())).findFirst()
                .orElseThrow().reference();
    }
    /** member-service's record of the pay order's points use: {status, points}. */
    private String[] pointsUse(String payOrderNo) throws SQLException {
        return CombinationShop.pointsUse(payOrderNo).map(use -> new String[] {use.status().name(), Long.toString(use.points())})
                .orElse(new String[] {null, "0"});
    }

    private static Connection memberDatabase() throws SQLException {
        return CombinationShop.memberDatabase();
    }

    private static Connection accountingDatabase() throws SQLException {
        DatabaseServer db = SuiteHarness.suite().infra().database();
        return DriverManager.getConnection(db.jdbcUrl("paysuite_accounting"), db.username(), db.password());
    }

    private static HttpResponse<String> sandboxOrder(String channelOrderNo) throws Exception {
        return SandboxControl.send("GET", "/sandbox/v1/orders/ALIPAY/" + channelOrderNo, null);
    }

    /** An Alipay payment code the sandbox pays at once (its ending {@code 0000}). */
    private static String alipayCodeThatPays() {
        StringBuilder code = new StringBuilder("28");
        for (int i = 0; i < 12; i++) {
            code.append(ThreadLocalRandom.current().nextInt(10));
        }
        return code.append("0000").toString();
    }

    private void refundAndAwait(TradeDTO trade, long amount) {
        JsonNode refund = merchant.client().post("/api/v1/refunds", Map.of("trade_no", trade.tradeNo(),
                "out_refund_no", "RF-" + UUID.randomUUID().toString().substring(0, 20),
                "amount", Map.of("refund", amount, "currency", "CNY"), "reason", "combination it")).json();
        String refundNo = refund.path("refund_no").asText();
        assertThat(refundNo).as(refund.toString()).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() ->
                "SUCCESS".equals(merchant.client().get("/api/v1/refunds/" + refundNo).json().path("status").asText()));
    }

    private JsonNode awaitPaid(TradeDTO trade) {
        return shop.awaitPaid(trade);
    }

    private static Map<String, Long> parts(JsonNode view) {
        return CombinationShop.parts(view);
    }

    private CouponDTO couponFor(String buyer, long amount, FundedBy fundedBy) {
        return shop.couponFor(buyer, amount, fundedBy);
    }

    private List<CouponDTO> couponsFor(String buyer, long amount, FundedBy fundedBy, int count) {
        return shop.couponsFor(buyer, amount, fundedBy, count);
    }

    private CouponStatus couponStatus(String buyer, String couponId) {
        return shop.couponStatus(buyer, couponId);
    }

    private TradeDTO newTrade(long amount, List<PayMethod> methods) {
        return shop.newTrade(amount, methods);
    }

    private TradeDTO newTrade(long amount, List<PayMethod> methods, TradeType type) {
        return shop.newTrade(amount, methods, type);
    }

    private void assertBalanced() {
        shop.assertBalanced();
    }

    private static String request() {
        return CombinationShop.request();
    }

    private static <T> T ok(Result<T> result) {
        return CombinationShop.ok(result);
    }
}
