package io.paysuite.member.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.PointsGrantCmd;
import io.paysuite.api.promotion.PointsUseCmd;
import io.paysuite.member.buyer.BuyerFinder;
import io.paysuite.member.buyer.BuyerRepository;
import io.paysuite.member.buyer.InMemoryBuyers;
import io.paysuite.member.buyer.NewBuyer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PointsEarningsTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    final InMemoryBuyers buyers = new InMemoryBuyers();
    final InMemoryPoints accounts = new InMemoryPoints();
    final InMemoryPointsEarnings repository = new InMemoryPointsEarnings(accounts);
    final List<String> booked = new CopyOnWriteArrayList<>();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final PointsRules rules = new PointsRules(1, 100);
    /** The trades trade-core knows paid, and the trade numbers a refund asked it about. */
    final Map<String, PointsEarnings.PaidTrade> atTradeCore = new ConcurrentHashMap<>();
    final List<String> askedTradeCore = new CopyOnWriteArrayList<>();
    final PaidTrades paidTrades = tradeNo -> {
        askedTradeCore.add(tradeNo);
        return Optional.ofNullable(atTradeCore.get(tradeNo));
    };
    final PointsEarnings earnings = new PointsEarnings(repository, accounts, rules, new BuyerFinder(buyers),
            new BookedLiability(booked), paidTrades, clock);
    final Points points = new Points(accounts, rules, new BuyerFinder(buyers), clock, new BookedLiability(booked));
    final String ann = buyers.insert(new NewBuyer("13800138000", "h", "h", null, NOW)).orElseThrow().buyerId();

    long paid(String tradeNo, long price, long cash) {
        return earnings.earn(new PointsEarnings.PaidTrade(tradeNo, ann, Money.cny(price), Money.cny(cash)));
    }

    long available() {
        return accounts.balance(ann).available();
    }

    @Test
    void theBuyerEarnsOnTheCashPaidNotOnTheCouponOrPointsAndTheGrantIsBookedUnderEarnTradeNo() {
        // 30.00 paid as a 5.00 coupon, 10.00 of points and 15.00 from the wallet
        assertThat(paid("T1", 3_000, 1_500)).isEqualTo(15);

        assertThat(available()).isEqualTo(15);
        assertThat(booked).containsExactly("EARN-T1 15 15");
    }

    @Test
    void aRepeatedPaymentEventEarnsOnceAndBooksUnderTheSameKey() {
        paid("T1", 1_234, 1_234);
        paid("T1", 1_234, 1_234);

        assertThat(available()).isEqualTo(12);
        assertThat(booked).containsExactly("EARN-T1 12 12", "EARN-T1 12 12");
    }

    @Test
    void aPaymentThatCannotEarnReadsAndWritesNothing() {
        PointsEarningRepository rows = mock(PointsEarningRepository.class);
        PointsRepository pointsAccounts = mock(PointsRepository.class);
        BuyerRepository buyerRows = mock(BuyerRepository.class);
        PointsLiability ledger = mock(PointsLiability.class);
        PaidTrades tradeCore = mock(PaidTrades.class);
        PointsEarnings untouched = new PointsEarnings(rows, pointsAccounts, rules, new BuyerFinder(buyerRows), ledger,
                tradeCore, clock);

        // an anonymous payment by payment code (or a wallet top-up: the consumer names no buyer for it either)
        assertThat(untouched.earn(new PointsEarnings.PaidTrade("T1", null, Money.cny(5_000), Money.cny(5_000)))).isZero();
        // a buyer's payment whose cash is not in the points currency, or that coupons and points paid in full
        assertThat(untouched.earn(new PointsEarnings.PaidTrade("T2", ann, Money.of(5_000, "USD"), Money.of(5_000, "USD"))))
                .isZero();
        assertThat(untouched.earn(new PointsEarnings.PaidTrade("T3", ann, Money.cny(5_000), Money.cny(0)))).isZero();

        verifyNoInteractions(rows, pointsAccounts, buyerRows, ledger, tradeCore);
    }

    @Test
    void aRefundOfATradeThatCouldNotEarnAnswersNothingEarnedFromTradeCoresAccountOfItsPayment() {
        PointsEarnings.PaidTrade anonymous = new PointsEarnings.PaidTrade("T1", null, Money.cny(5_000), Money.cny(5_000));
        PointsEarnings.PaidTrade allCoupon = new PointsEarnings.PaidTrade("T2", ann, Money.cny(5_000), Money.cny(0));
        earnings.earn(anonymous);
        earnings.earn(allCoupon);
        atTradeCore.put("T1", anonymous);
        atTradeCore.put("T2", allCoupon);

        assertThat(earnings.takeBack("R1", "T1", Money.cny(5_000))).isEqualTo(PointsEarnings.TakeBack.NOTHING_EARNED);
        assertThat(earnings.takeBack("R2", "T2", Money.cny(5_000))).isEqualTo(PointsEarnings.TakeBack.NOTHING_EARNED);
        assertThat(repository.find("T1")).as("no row was written for it").isEmpty();
        assertThat(booked).isEmpty();
    }

    @Test
    void aRefundWhosePaymentWasNotSeenYetIsAskedAgainLater() {
        assertThat(earnings.takeBack("R1", "T1", Money.cny(100))).as("trade-core cannot tell (no answer, or not paid)")
                .isEqualTo(PointsEarnings.TakeBack.PAYMENT_NOT_SEEN);

        atTradeCore.put("T1", new PointsEarnings.PaidTrade("T1", ann, Money.cny(100), Money.cny(100)));
        assertThat(earnings.takeBack("R1", "T1", Money.cny(100))).as("a payment that earns, its event still on its way")
                .isEqualTo(PointsEarnings.TakeBack.PAYMENT_NOT_SEEN);

        paid("T1", 100, 100);
        assertThat(earnings.takeBack("R1", "T1", Money.cny(100))).isEqualTo(PointsEarnings.TakeBack.APPLIED);
        assertThat(available()).isZero();
    }

    @Test
    void aBuyersPaymentRecordsItsEarningAsBeforeAndItsRefundsNeverAskTradeCore() {
        assertThat(paid("T1", 1_000, 1_000)).isEqualTo(10);
        assertThat(paid("T2", 50, 50)).as("less than a point").isZero();

        assertThat(repository.find("T1").orElseThrow())
                .isEqualTo(new PointsEarning("T1", ann, 10, 1_000, 1_000, "CNY", 0, 0, 0));
        assertThat(repository.find("T2").orElseThrow().points()).as("still a row, with 0 points").isZero();
        assertThat(earnings.takeBack("R1", "T1", Money.cny(1_000))).isEqualTo(PointsEarnings.TakeBack.APPLIED);
        assertThat(earnings.takeBack("R2", "T2", Money.cny(50))).isEqualTo(PointsEarnings.TakeBack.NOTHING_EARNED);
        assertThat(askedTradeCore).isEmpty();
        assertThat(booked).containsExactly("EARN-T1 10 10", "PT-R1 10 10");
    }

    @Test
    void anOperatorsGrantThatTookTheEarningsRequestNumberStandsAndTheEarningAddsNothing() {
        points.grant(new PointsGrantCmd(ann, 7L, null, PointsEarnings.REQUEST_PREFIX + "T1", "by hand"));

        assertThat(paid("T1", 1_000, 1_000)).isZero();

        assertThat(available()).isEqualTo(7);
        assertThat(booked).containsExactly("EARN-T1 7 7");
        atTradeCore.put("T1", new PointsEarnings.PaidTrade("T1", ann, Money.cny(1_000), Money.cny(1_000)));
        assertThat(earnings.takeBack("R1", "T1", Money.cny(1_000))).as("waits, then is let go, as before")
                .isEqualTo(PointsEarnings.TakeBack.PAYMENT_NOT_SEEN);
    }

    @Test
    void partialRefundsTakeBackTheirProRataShareAndTheLastTakesBackEveryPointLeft() {
        paid("T1", 1_001, 1_001); // 10 points

        earnings.takeBack("R1", "T1", Money.cny(300)); // floor(10 × 300 / 1001) = 2
        assertThat(available()).isEqualTo(8);
        earnings.takeBack("R2", "T1", Money.cny(300)); // floor(10 × 600 / 1001) = 5: 3 more
        assertThat(available()).isEqualTo(5);
        earnings.takeBack("R3", "T1", Money.cny(401)); // the whole price: all 10

        assertThat(available()).isZero();
        assertThat(booked).containsExactly("EARN-T1 10 10", "PT-R1 2 2", "PT-R2 3 3", "PT-R3 5 5");
        assertThat(repository.find("T1").orElseThrow()).extracting(PointsEarning::takenBack, PointsEarning::forgiven)
                .containsExactly(10L, 0L);
    }

    @Test
    void aRepeatedRefundEventTakesBackOnceAndBooksUnderTheSameKey() {
        paid("T1", 1_000, 1_000);

        earnings.takeBack("R1", "T1", Money.cny(1_000));
        earnings.takeBack("R1", "T1", Money.cny(1_000));

        assertThat(available()).isZero();
        assertThat(booked).containsExactly("EARN-T1 10 10", "PT-R1 10 10", "PT-R1 10 10");
    }

    @Test
    void earnedPointsAlreadySpentAreForgivenAndTheAccountNeverGoesBelowZero() {
        paid("T1", 10_000, 10_000); // 100 points
        points.confirm(points.freeze(new PointsUseCmd(ann, "T2", Money.cny(60), "P2")).useKey()); // 60 spent elsewhere

        earnings.takeBack("R1", "T1", Money.cny(10_000));

        assertThat(available()).isZero();
        assertThat(repository.find("T1").orElseThrow()).extracting(PointsEarning::takenBack, PointsEarning::forgiven)
                .containsExactly(40L, 60L);
        assertThat(booked).as("only what was taken back leaves the liability").contains("PT-R1 40 40");
    }

    @Test
    void twoRefundsOfOneTradeRacingApplyOneAfterTheOther() {
        paid("T1", 1_000, 1_000); // 10 points
        // while R1 computes its share, R2 (half the price) lands first: R1 must recompute from R2's refunds
        repository.beforeTakeBack = () -> earnings.takeBack("R2", "T1", Money.cny(500));

        earnings.takeBack("R1", "T1", Money.cny(500));

        assertThat(available()).isZero();
        assertThat(repository.find("T1").orElseThrow().refundedMinor()).isEqualTo(1_000);
        assertThat(booked).containsExactly("EARN-T1 10 10", "PT-R2 5 5", "PT-R1 5 5");
    }

    @Test
    void theLedgerValueOfPointsTakenBackTelescopesToTheGrantsValueWhenAUnitIsSeveralPoints() {
        PointsRules tenPerCent = new PointsRules(10, 1_000); // 10 points pay 0.01
        PointsEarnings coarse = new PointsEarnings(repository, accounts, tenPerCent, new BuyerFinder(buyers),
                new BookedLiability(booked), paidTrades, clock);
        coarse.earn(new PointsEarnings.PaidTrade("T1", ann, Money.cny(150), Money.cny(150))); // 15 points, worth 0.01

        coarse.takeBack("R1", "T1", Money.cny(75)); // 7 points: less than a unit, nothing booked yet
        coarse.takeBack("R2", "T1", Money.cny(75)); // 8 more: 15 taken, the unit's 0.01 booked now

        assertThat(booked).containsExactly("EARN-T1 15 1", "PT-R2 8 1");
    }
}
