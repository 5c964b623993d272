package io.paysuite.member.promotion;

import io.paysuite.api.money.Money;
import io.paysuite.member.buyer.BuyerFinder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Points earned on a payment and taken back by its refunds (docs/adr/0008, "Points earned on a payment"), driven
 * by trade-core's events: {@code TRADE_SUCCEEDED} (a pre-authorisation's {@code TRADE_CAPTURED}) earns, {@code REFUND_SUCCEEDED}
 * takes back.
 *
 * <p>What earns: the cash the buyer paid ({@code buyer_paid_amount}: the price less the coupon and the points
 * used), by {@link PointsRules#earnedOn} — a discount does not earn, and points never earn points. Only a buyer
 * the payment identified earns (the wallet, a combination payment, a logged-in cashier buyer); an anonymous
 * payment by payment code is paid by the channel's payer, no buyer of ours, and earns nothing. The grant is an
 * ordinary grant under request number {@code EARN-<trade no>}: the account, the movement and the ledger entry
 * ({@code PG-EARN-<trade no>}, Dr MARKETING_EXPENSE / Cr POINTS_LIABILITY) are those of {@link Points#grant}, and a
 * repeated event grants nothing twice.
 *
 * <p>What is recorded: an earning row for every payment that can earn ({@link PaidTrade#canEarn}), with 0 points
 * when its cash is worth less than a point; nothing at all for one that cannot (no buyer of ours, a wallet top-up,
 * no cash in the points currency) — most channel payments, which would otherwise cost a transaction each for a
 * row that says nothing. A refund that finds no row asks the trade's owner how it was paid ({@link PaidTrades})
 * to tell such a trade from one whose payment has not been handled yet.
 *
 * <p>What refunds take back: {@link PointsEarning}'s pro rata rule, at most what the buyer still has available,
 * booked Dr POINTS_LIABILITY / Cr MARKETING_EXPENSE under {@code PT-<refund no>} for the points actually taken.
 */
public final class PointsEarnings {

    /** The request number prefix of an earned grant: one grant per trade. */
    public static final String REQUEST_PREFIX = "EARN-";
    private static final int TAKE_BACK_ATTEMPTS = 5;

    /** What a refund's take-back found. */
    public enum TakeBack {
        /** Applied now or before (possibly zero points: a share that rounds down, or points already spent). */
        APPLIED,
        /** The trade earned nothing (no buyer, or less than a point): nothing to take back. */
        NOTHING_EARNED,
        /** The trade's payment has not been seen yet (its event is still on its way): ask again later. */
        PAYMENT_NOT_SEEN
    }

    /**
     * A paid trade as its event tells it.
     *
     * @param buyerId the buyer of ours who paid, or null (anonymous: a channel's payer; or a wallet top-up)
     * @param price   the trade's paid amount
     * @param cash    what the buyer paid in cash ({@code buyer_paid_amount}); the price when the event has none
     */
    public record PaidTrade(String tradeNo, String buyerId, Money price, Money cash) {

        /**
         * Whether this payment can earn at all: a buyer of ours paid cash in the points currency. Only facts of the
         * payment that never change once it is paid — never the earning rule, which may change between a payment
         * and its refund — so a refund decides on them as the payment did.
         */
        public boolean canEarn() {
            return buyerId != null && Points.CURRENCY.equals(cash.currency()) && cash.minor() > 0;
        }
    }

    private final PointsEarningRepository earnings;
    private final PointsRepository accounts;
    private final PointsRules rules;
    private final BuyerFinder buyers;
    private final PointsLiability liability;
    private final PaidTrades paidTrades;
    private final Clock clock;

    public PointsEarnings(PointsEarningRepository earnings, PointsRepository accounts, PointsRules rules, BuyerFinder buyers,
                          PointsLiability liability, PaidTrades paidTrades, Clock clock) {
        this.earnings = earnings;
        this.accounts = accounts;
        this.rules = rules;
        this.buyers = buyers;
        this.liability = liability;
        this.paidTrades = paidTrades;
        this.clock = clock;
    }

    /**
     * Earns the trade's points once; a repeat books the grant again under the same key (the ledger answers the
     * first entry, or posts the one a lost answer missed). Throws {@code SERVICE_DEGRADED} when the ledger's
     * answer is unknown: the points are credited, the event's redelivery books them. A payment that cannot earn
     * reads and writes nothing.
     *
     * @return the points earned (0 for a payment that cannot earn, or less than a point)
     */
    public long earn(PaidTrade paid) {
        if (!paid.canEarn()) {
            return 0; // no row: a refund of it asks how the trade was paid instead (takeBack)
        }
        String buyerId = buyers.get(paid.buyerId()).buyerId();
        long points = rules.earnedOn(paid.cash());
        PointsEarning earning = new PointsEarning(paid.tradeNo(), buyerId, points, paid.price().minor(), paid.cash().minor(),
                paid.price().currency(), 0, 0, 0);
        String requestNo = REQUEST_PREFIX + paid.tradeNo();
        earnings.earn(earning, requestNo, "earned on trade " + paid.tradeNo(), now()); // false: a repeat
        // what the first delivery recorded (the rule may have changed since); none when an operator's grant already
        // took this request number, whose own booking stands
        PointsEarning recorded = earnings.find(paid.tradeNo()).orElse(null);
        if (recorded == null) {
            return 0;
        }
        if (recorded.points() > 0) {
            liability.granted(recorded.buyerId(), recorded.points(), rules.valueOf(recorded.points(), Points.CURRENCY),
                    requestNo);
        }
        return recorded.points();
    }

    /**
     * Takes back a succeeded refund's share of the trade's earned points, once per refund. Throws
     * {@code SERVICE_DEGRADED} when the ledger's answer is unknown: the points are taken, the redelivery books them.
     * Without an earning row the trade either could not earn — its payment, asked of trade-core, says so:
     * {@link TakeBack#NOTHING_EARNED} — or its payment has not been handled yet ({@link TakeBack#PAYMENT_NOT_SEEN},
     * also when trade-core cannot tell now: uncertain is never "nothing earned").
     */
    public TakeBack takeBack(String refundNo, String tradeNo, Money refund) {
        for (int attempt = 0; attempt < TAKE_BACK_ATTEMPTS; attempt++) {
            Optional<PointsTakeBack> known = earnings.findTakeBack(refundNo);
            if (known.isPresent()) {
                book(known.get());
                return TakeBack.APPLIED;
            }
            Optional<PointsEarning> found = earnings.find(tradeNo);
            if (found.isEmpty()) {
                return couldNotEarn(tradeNo) ? TakeBack.NOTHING_EARNED : TakeBack.PAYMENT_NOT_SEEN;
            }
            PointsEarning earning = found.get();
            if (earning.points() == 0 || earning.buyerId() == null) {
                return TakeBack.NOTHING_EARNED;
            }
            long due = earning.dueFor(refund.minor());
            long taken = Math.min(due, accounts.balance(earning.buyerId()).available());
            // the value telescopes over the points taken so far, as the grant booked the value of all of them
            Money value = Money.of(rules.valueOf(earning.takenBack() + taken, Points.CURRENCY).minor()
                    - rules.valueOf(earning.takenBack(), Points.CURRENCY).minor(), Points.CURRENCY);
            PointsTakeBack takeBack = new PointsTakeBack(refundNo, tradeNo, earning.buyerId(), due, taken, value);
            switch (earnings.takeBack(earning, refund.minor(), takeBack, now())) {
                case WRITTEN -> {
                    book(takeBack);
                    return TakeBack.APPLIED;
                }
                case REPEAT, STALE -> { } // read again: the first write's row, or the earning and balance as they are now
            }
        }
        throw new IllegalStateException("refund " + refundNo + ": the points of trade " + tradeNo
                + " kept changing under concurrent writes; the event comes back");
    }

    /**
     * Whether the trade's payment, as trade-core tells it, could not earn. Such a payment wrote no row; one that could
     * earn writes one, unless an operator's grant took its request number first (its own booking stands): that
     * refund waits and is let go, as before.
     */
    private boolean couldNotEarn(String tradeNo) {
        return paidTrades.find(tradeNo).map(paid -> !paid.canEarn()).orElse(false);
    }

    private void book(PointsTakeBack takeBack) {
        if (takeBack.value().minor() > 0) {
            liability.takenBack(takeBack.buyerId(), takeBack.taken(), takeBack.value(), takeBack.refundNo());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
