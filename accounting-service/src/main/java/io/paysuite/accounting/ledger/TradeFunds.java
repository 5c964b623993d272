package io.paysuite.accounting.ledger;

import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.PostingLine;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A trade's money as its own journal entries tell it — never as a caller says. Only entries the
 * ledger builds itself count ({@link TradeEntryKind}; a general posting may not use those types), so
 * no general entry can fake a trade's payment, fee or escrow.
 *
 * <p><b>Escrow per trade.</b> The merchant keeps one escrow account; what it holds for one trade is
 * the sum of the escrow lines of that trade's entries (each carries the trade number as
 * {@code biz_no}). Chosen over an escrow sub-account per trade because the merchant's escrow stays one
 * never-negative balance row (the merchant statement's {@code held}, the balance API and the trial
 * balance read it as before, and no account row is opened per trade), while the journal already
 * traces every escrow movement to its trade; the trade's lock ({@link Journal#post(TradePosting)})
 * makes the per-trade figure as safe to decide on as a balance row.
 *
 * @param merchantId      the merchant whose escrow or pending settlement the payment credited (null before payment)
 * @param paid            what the trade's PAYMENT entries took from the buyer or channel
 * @param refunded        what its REFUND entries gave back, less what reversals took back again
 * @param escrowHeld      what the merchant's escrow still holds for this trade
 * @param released        whether the trade has a RELEASE entry (its escrow went to the merchant)
 * @param merchantBase    what was credited to the merchant's side (pending + fee) before refunds: the
 *                        instant payment, or the releases of a guarantee trade — the base its fee was charged on
 * @param merchantRefunded what refunds took back from the merchant's side (pending + fee), net of reversals
 * @param feeCharged      the fee credited by the payment and releases
 * @param feeReturned     the fee refunds gave back, net of reversals
 * @param holdHeld        what the merchant's pre-auth hold still holds for this trade (a
 *                        pre-authorisation's payment until its capture or void), told apart per trade as escrow is
 * @param holdFundedBy    the account the pre-authorisation's payment took the hold from — the buyer's wallet, or a
 *                        channel's clearing account for a card's pre-auth — where a capture's rest or a void goes back
 *                        (null when nothing was authorised)
 * @param promotion       a combination payment's cash, coupon and points as its entries booked them, and what
 *                        refunds returned of them
 */
public record TradeFunds(
        String merchantId,
        long paid,
        long refunded,
        long escrowHeld,
        boolean released,
        long merchantBase,
        long merchantRefunded,
        long feeCharged,
        long feeReturned,
        Map<String, Journal.Posted> refunds,
        Set<String> reversedRefunds,
        TradeShares shares,
        long holdHeld,
        AccountRef holdFundedBy,
        Promotion promotion) {

    /**
     * A trade's buyer cash and the platform's parts (docs/adr/0008), read from its PAYMENT entry's lines, and
     * what its REFUND entries returned of them net of reversals: what a combination payment's refund may
     * still give back ({@code RefundShares}). A merchant coupon is in no line: never credited, never debited.
     *
     * @param cashPaid         the buyer's wallet or the channel's clearing debit of the payment
     * @param platformCoupon   the payment's {@code MARKETING_EXPENSE} debit
     * @param points           the payment's {@code POINTS_LIABILITY} debit
     * @param cashRefunded     refunds' credits to the buyer's wallet or the channel's clearing
     * @param returned         a refund credited the coupon or points back (the whole trade was refunded)
     * @param merchantCoupon   the merchant-funded coupon, in no line: read from the payment's memo
     *                         ({@link #MERCHANT_DISCOUNT_MEMO}; 0 for payments posted before it was written there)
     */
    public record Promotion(long cashPaid, long platformCoupon, long points, long cashRefunded, boolean returned,
                            boolean combination, long merchantCoupon) {

        public static final Promotion NONE = new Promotion(0, 0, 0, 0, false, false, 0);

        public long cashLeft() {
            return cashPaid - cashRefunded;
        }
    }

    /**
     * The memo of a combination payment's entry starts with this (then the pay order number): a merchant-funded
     * coupon leaves no line of its own, so the memo is what tells the trade's later postings that its escrow holds
     * the price less the coupon, and its cash less than the price ({@link TradeEntries#release}).
     */
    static final String COMBINATION_MEMO = "combination pay order ";

    /**
     * A merchant-funded coupon is the merchant's own price cut, credited to no one, so no line of the entry shows it.
     * The memo of a combination payment, of its whole refund and of that refund's reversal carries it after this
     * marker, so the merchant's bill can show the price and the merchant's discount ({@link MerchantStatement}).
     */
    static final String MERCHANT_DISCOUNT_MEMO = "; merchant discount ";

    /** The memo of a reversal names the refund entry it reverses after this prefix. */
    static final String REVERSAL_MEMO = "reverses refund entry ";

    /** The merchant discount a memo names after {@link #MERCHANT_DISCOUNT_MEMO}; 0 when it names none. */
    static long merchantDiscount(String memo) {
        int at = memo == null ? -1 : memo.indexOf(MERCHANT_DISCOUNT_MEMO);
        if (at < 0) {
            return 0;
        }
        int from = at + MERCHANT_DISCOUNT_MEMO.length();
        int to = from;
        while (to < memo.length() && Character.isDigit(memo.charAt(to))) {
            to++;
        }
        return to == from ? 0 : Long.parseLong(memo.substring(from, to));
    }

    /** The memo marker of a merchant discount, empty when there is none. */
    static String merchantDiscountMemo(long merchantDiscount) {
        return merchantDiscount > 0 ? MERCHANT_DISCOUNT_MEMO + merchantDiscount : "";
    }

    public TradeFunds {
        refunds = Map.copyOf(refunds);
        reversedRefunds = Set.copyOf(reversedRefunds);
        shares = shares == null ? TradeShares.NONE : shares;
        promotion = promotion == null ? Promotion.NONE : promotion;
    }

    public TradeFunds(String merchantId, long paid, long refunded, long escrowHeld, boolean released, long merchantBase,
                      long merchantRefunded, long feeCharged, long feeReturned, Map<String, Journal.Posted> refunds,
                      Set<String> reversedRefunds, TradeShares shares, long holdHeld) {
        this(merchantId, paid, refunded, escrowHeld, released, merchantBase, merchantRefunded, feeCharged, feeReturned, refunds,
                reversedRefunds, shares, holdHeld, null, Promotion.NONE);
    }

    /** A trade never shared. */
    public TradeFunds(String merchantId, long paid, long refunded, long escrowHeld, boolean released, long merchantBase,
                      long merchantRefunded, long feeCharged, long feeReturned, Map<String, Journal.Posted> refunds,
                      Set<String> reversedRefunds) {
        this(merchantId, paid, refunded, escrowHeld, released, merchantBase, merchantRefunded, feeCharged, feeReturned, refunds,
                reversedRefunds, TradeShares.NONE, 0, null, Promotion.NONE);
    }

    public boolean paidAtAll() {
        return paid > 0;
    }

    /** A wallet top-up: paid, and no payment credited a merchant (its payment credited the buyer's wallet). */
    public boolean topUp() {
        return paidAtAll() && merchantId == null;
    }

    /** The refund entry posted under this key, if it is this trade's. */
    public Optional<Journal.Posted> refund(String postingKey) {
        return Optional.ofNullable(refunds.get(postingKey));
    }

    /**
     * @param entries    the trade's entries, oldest first
     * @param excludeKey the posting being composed: its own entry (a concurrent duplicate already
     *                   written) must not count as "before" it
     */
    static TradeFunds of(List<Journal.Posted> entries, String excludeKey) {
        Tally t = new Tally();
        for (Journal.Posted entry : entries) {
            if (entry.postingKey().equals(excludeKey) || !TradeEntryKind.isReserved(entry.bizType())) {
                continue;
            }
            Sums sums = Sums.of(entry.lines());
            t.escrowHeld += sums.escrowCredit - sums.escrowDebit;
            t.holdHeld += sums.holdCredit - sums.holdDebit;
            switch (TradeEntryKind.valueOf(entry.bizType())) {
                case PAYMENT -> {
                    t.paid += sums.debit;
                    if (sums.holdCredit > 0) {
                        t.holdFundedBy = entry.lines().stream().filter(l -> l.side() == AccountType.Side.DEBIT
                                        && (l.account().type() == AccountType.BUYER_WALLET || l.account().type() == AccountType.CHANNEL_CLEARING))
                                .map(PostingLine::account).findFirst().orElse(null);
                    }
                    t.cashPaid += sums.cashDebit;
                    t.combination |= entry.memo() != null && entry.memo().startsWith(COMBINATION_MEMO)
                            || sums.marketingDebit + sums.pointsDebit > 0;
                    t.platformCoupon += sums.marketingDebit;
                    t.merchantCoupon += merchantDiscount(entry.memo());
                    t.points += sums.pointsDebit;
                    t.merchantBase += sums.pendingCredit + sums.feeCredit;
                    t.feeCharged += sums.feeCredit;
                    if (t.merchantId == null) {
                        t.merchantId = entry.lines().stream()
                                .filter(l -> l.account().type() == AccountType.ESCROW || l.account().type() == AccountType.MERCHANT_PENDING
                                        || l.account().type() == AccountType.PREAUTH_HOLD)
                                .map(l -> l.account().ownerId()).findFirst().orElse(null);
                    }
                }
                case RELEASE -> {
                    t.released = true;
                    t.merchantBase += sums.escrowDebit;
                    t.feeCharged += sums.feeCredit;
                }
                case REFUND -> {
                    t.refunded += sums.credit;
                    t.cashRefunded += sums.cashCredit;
                    t.promotionReturned += sums.marketingCredit + sums.pointsCredit;
                    t.merchantRefunded += sums.pendingDebit + sums.feeDebit;
                    t.feeReturned += sums.feeDebit;
                    t.refunds.put(entry.postingKey(), entry);
                }
                case REFUND_REVERSAL -> {
                    Journal.Posted reversed = reversedBy(entry, t.refunds);
                    Sums refund = Sums.of(reversed.lines());
                    t.reversed.add(reversed.postingKey());
                    t.refunded -= refund.credit;
                    t.cashRefunded -= refund.cashCredit;
                    t.promotionReturned -= refund.marketingCredit + refund.pointsCredit;
                    t.merchantRefunded -= refund.pendingDebit + refund.feeDebit;
                    t.feeReturned -= refund.feeDebit;
                    // beyond the mirror of the refund: the release of what came back to escrow
                    t.merchantBase += sums.escrowDebit;
                    t.feeCharged += sums.feeCredit - refund.feeDebit;
                }
                case PROFIT_SHARE, PROFIT_SHARE_RETURN -> { } // between merchants' sides only: read by TradeShares
                case CAPTURE, VOID -> {
                    // what went back to the buyer was never paid: the trade's paid is what was captured
                    t.paid -= sums.credit - sums.pendingCredit - sums.feeCredit;
                    t.merchantBase += sums.pendingCredit + sums.feeCredit;
                    t.feeCharged += sums.feeCredit;
                }
                default -> throw new IllegalStateException("unhandled trade entry " + entry.bizType());
            }
        }
        return new TradeFunds(t.merchantId, t.paid, t.refunded, t.escrowHeld, t.released, t.merchantBase, t.merchantRefunded,
                t.feeCharged, t.feeReturned, t.refunds, t.reversed, TradeShares.of(t.merchantId, entries, excludeKey), t.holdHeld,
                t.holdFundedBy,
                new Promotion(t.cashPaid, t.platformCoupon, t.points, t.cashRefunded, t.promotionReturned > 0,
                        t.combination, t.merchantCoupon));
    }

    private static Journal.Posted reversedBy(Journal.Posted reversal, Map<String, Journal.Posted> refunds) {
        String memo = reversal.memo();
        Journal.Posted refund = memo != null && memo.startsWith(REVERSAL_MEMO)
                ? refunds.get(reversedKey(memo)) : null;
        if (refund == null) {
            // the ledger writes reversals only of refunds it found: a journal that says otherwise is corrupt
            throw new IllegalStateException("reversal " + reversal.postingKey() + " names no refund of its trade: " + memo);
        }
        return refund;
    }

    /** The refund's posting key a reversal's memo names (before a merchant discount it may carry). */
    private static String reversedKey(String memo) {
        int discount = memo.indexOf(MERCHANT_DISCOUNT_MEMO);
        return memo.substring(REVERSAL_MEMO.length(), discount < 0 ? memo.length() : discount);
    }

    private static final class Tally {
        String merchantId;
        long paid;
        long refunded;
        long escrowHeld;
        boolean released;
        long merchantBase;
        long merchantRefunded;
        long feeCharged;
        long feeReturned;
        long holdHeld;
        AccountRef holdFundedBy;
        long cashPaid;
        long platformCoupon;
        long points;
        long merchantCoupon;
        long cashRefunded;
        long promotionReturned;
        boolean combination;
        final Map<String, Journal.Posted> refunds = new HashMap<>();
        final Set<String> reversed = new HashSet<>();
    }

    /** An entry's lines summed by side and by the accounts a trade's money moves between. */
    private record Sums(long debit, long credit, long escrowDebit, long escrowCredit, long pendingDebit, long pendingCredit,
                        long feeDebit, long feeCredit, long holdDebit, long holdCredit, long cashDebit, long cashCredit,
                        long marketingDebit, long marketingCredit, long pointsDebit, long pointsCredit) {

        static Sums of(List<PostingLine> lines) {
            long[] s = new long[16];
            for (PostingLine line : lines) {
                boolean debit = line.side() == Side.DEBIT;
                s[debit ? 0 : 1] += line.amount();
                int at = switch (line.account().type()) {
                    case ESCROW -> 2;
                    // what a refund takes back from the merchant's side may come from its profit-sharing hold
                    case MERCHANT_PENDING, PROFIT_SHARING_HELD -> 4;
                    case PLATFORM_FEE_INCOME -> 6;
                    case PREAUTH_HOLD -> 8;
                    // the buyer's cash: its wallet, or the channel that took it
                    case BUYER_WALLET, CHANNEL_CLEARING -> 10;
                    case MARKETING_EXPENSE -> 12;
                    case POINTS_LIABILITY -> 14;
                    default -> -1;
                };
                if (at >= 0) {
                    s[at + (debit ? 0 : 1)] += line.amount();
                }
            }
            return new Sums(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10], s[11], s[12], s[13], s[14], s[15]);
        }
    }
}
