package io.paysuite.accounting.ledger;

import static io.paysuite.accounting.ledger.EntryRules.require;
import static io.paysuite.accounting.ledger.EntryRules.requireText;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.HoldSettlementCmd;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.RefundPostingCmd;
import io.paysuite.api.ledger.RefundReversalCmd;
import io.paysuite.api.ledger.ReleasePostingCmd;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a trade's payment, release, refund and refund reversal into journal entries (the fee by
 * {@link FeeRule}). Every entry's {@code biz_no} is the trade number, so a later posting reads the
 * trade's money from the journal itself ({@link TradeFunds}): a release, a refund and a reversal are
 * {@link TradePosting}s composed under the trade's lock, never from figures a caller sends.
 *
 * <pre>
 *   instant payment   Dr BUYER_WALLET:buyer amount  / Cr MERCHANT_PENDING:merchant amount−fee, Cr PLATFORM_FEE_INCOME fee
 *   channel payment   Dr CHANNEL_CLEARING:channel amount instead of the wallet (the channel owes it until it settles)
 *   escrow payment    Dr BUYER_WALLET:buyer amount  / Cr ESCROW:merchant amount
 *   release           Dr ESCROW:merchant amount     / Cr MERCHANT_PENDING:merchant amount−fee, Cr PLATFORM_FEE_INCOME fee
 *                     (a combination payment's trade: all escrow holds for it, see {@link #release})
 *   refund in escrow  Dr ESCROW:merchant refund   / Cr BUYER_WALLET:buyer refund (up to what escrow holds for the trade)
 *   refund otherwise  Dr MERCHANT_PENDING rest−feeRefund, Dr PLATFORM_FEE_INCOME feeRefund / Cr BUYER_WALLET refund
 *                     (a profit-shared trade: rest−feeRefund from the hold, the sharer, then receivers: {@link TradeShares})
 *   channel refund    as above, but Cr CHANNEL_CLEARING:channel (the channel gives the buyer the money back)
 *   top-up            Dr CHANNEL_CLEARING:channel amount / Cr BUYER_WALLET:buyer amount (no merchant, no fee)
 *   top-up refund     Dr BUYER_WALLET:buyer refund / Cr CHANNEL_CLEARING:channel refund (never below zero)
 *   combination       cash (wallet or clearing) = amount − coupon − points; Dr MARKETING_EXPENSE platform coupon,
 *                     Dr POINTS_LIABILITY points; the merchant is credited amount − merchant-funded coupon (less fee)
 *   combination       Dr merchant's side (escrow, else pending less feeRefund + FEE feeRefund) cash [+ platform coupon
 *     refund          + points on the whole refund] / Cr wallet or clearing cash, Cr MARKETING_EXPENSE platform coupon,
 *                     Cr POINTS_LIABILITY points (both on the whole refund only); cash = RefundShares' share
 *   refund reversal   the refund's lines on the other side; when it came from escrow and the trade is
 *                     released since, then Dr ESCROW:merchant that part / Cr MERCHANT_PENDING less fee, Cr FEE fee
 *   authorisation     Dr BUYER_WALLET:buyer amount (or CHANNEL_CLEARING:channel for a card's pre-auth) /
 *                     Cr PREAUTH_HOLD:merchant amount
 *                     (a PAYMENT entry: the trade's payment, only it reaches no merchant account)
 *   capture           Dr PREAUTH_HOLD:merchant held / Cr MERCHANT_PENDING capture−fee, Cr PLATFORM_FEE_INCOME fee,
 *                     Cr BUYER_WALLET:buyer held−capture (or CHANNEL_CLEARING:channel: where the hold came from)
 *   void              Dr PREAUTH_HOLD:merchant held / Cr BUYER_WALLET:buyer held (or CHANNEL_CLEARING:channel)
 * </pre>
 * Zero lines are left out. Merchant pending is not never-negative: a refund after the merchant's
 * money was settled away takes it below zero, which records that the merchant owes the platform
 * (collected from the next settlement), rather than refusing the buyer's refund.
 */
public final class TradeEntries {

    private final EntryRules rules;
    private final FeeRates feeRates;

    public TradeEntries(EntryRules rules, FeeRates feeRates) {
        this.rules = rules;
        this.feeRates = feeRates;
    }

    public EntryDraft payment(PaymentPostingCmd cmd) {
        return payment(cmd, false);
    }

    /**
     * A pre-authorisation's payment: as a payment, but all of it to the merchant's pre-auth hold,
     * fee-free. Its {@code biz_type} stays {@code PAYMENT} (it is the trade's one payment, and the
     * trade's lock is its payment entry); its digest differs, so the same key sent as a plain payment
     * is refused rather than answered.
     */
    public EntryDraft authorisation(PaymentPostingCmd cmd) {
        return payment(cmd, true);
    }

    private EntryDraft payment(PaymentPostingCmd cmd, boolean hold) {
        require(cmd != null, "command is required");
        requireParties(cmd.tradeNo(), cmd.merchantId());
        requireText(cmd.buyerId(), "buyerId", EntryRules.MAX_OWNER);
        requireText(cmd.payOrderNo(), "payOrderNo", 64);
        rules.requirePositive(cmd.amount(), "amount");
        String currency = cmd.amount().currency();
        long amount = cmd.amount().minor();
        PromotionShares shares = PromotionShares.of(cmd, rules);
        long cash = amount - shares.total();
        // 0 when the coupon and points pay it all (docs/adr/0008 Decision 10): the entry is their lines and the merchant's
        require(cash > 0 || (cash == 0 && !cmd.parts().isEmpty()),
                "the coupon and points (" + shares.total() + ") exceed the amount " + amount);
        List<PostingLine> lines = new ArrayList<>();
        if (cmd.topUp()) {
            return topUp(cmd, currency, amount, lines);
        }
        if (cmd.channel() == null) {
            add(lines, account(AccountType.BUYER_WALLET, cmd.buyerId(), currency), Side.DEBIT, cash);
        } else {
            requireText(cmd.channel(), "channel", EntryRules.MAX_OWNER);
            add(lines, account(AccountType.CHANNEL_CLEARING, cmd.channel(), currency), Side.DEBIT, cash);
        }
        add(lines, account(AccountType.MARKETING_EXPENSE, AccountRef.PLATFORM, currency), Side.DEBIT, shares.platformCoupons());
        add(lines, account(AccountType.POINTS_LIABILITY, AccountRef.PLATFORM, currency), Side.DEBIT, shares.points());
        // a merchant-funded coupon is the merchant's own price cut: it is simply never credited
        long merchantGross = amount - shares.merchantCoupons();
        if (hold) {
            // a pre-authorisation takes no coupon or points (pay-core refuses them), so the hold is the whole amount
            add(lines, account(AccountType.PREAUTH_HOLD, cmd.merchantId(), currency), Side.CREDIT, merchantGross);
        } else if (cmd.escrow()) {
            add(lines, account(AccountType.ESCROW, cmd.merchantId(), currency), Side.CREDIT, merchantGross);
        } else {
            creditMerchantLessFee(lines, cmd.merchantId(), currency, merchantGross);
        }
        String digest = hold
                ? PostingDigest.of("AUTHORISATION", cmd.tradeNo(), cmd.payOrderNo(), cmd.buyerId(), cmd.merchantId(), cmd.amount(),
                        String.valueOf(cmd.channel()))
                : cmd.channel() == null
                ? PostingDigest.of("PAYMENT", cmd.tradeNo(), cmd.payOrderNo(), cmd.buyerId(), cmd.merchantId(), cmd.amount(),
                        cmd.escrow())
                : PostingDigest.of("PAYMENT", cmd.tradeNo(), cmd.payOrderNo(), cmd.buyerId(), cmd.merchantId(), cmd.amount(),
                        cmd.escrow(), cmd.channel());
        if (!cmd.parts().isEmpty()) {
            // a one-tool payment's digest stays what it always was: repeats of entries posted before parts existed match
            digest = PostingDigest.of(digest, cmd.parts());
        }
        String memo = (cmd.parts().isEmpty() ? "pay order " : TradeFunds.COMBINATION_MEMO) + cmd.payOrderNo()
                + TradeFunds.merchantDiscountMemo(shares.merchantCoupons());
        return rules.check(new EntryDraft(cmd.postingKey(), TradeEntryKind.PAYMENT.name(), cmd.tradeNo(), currency, lines,
                memo, digest));
    }

    /**
     * A top-up: the channel owes the platform what the buyer paid, and the platform owes it to the buyer's
     * wallet — no merchant, no fee. Only a channel can pay one (a wallet cannot top itself up).
     */
    private EntryDraft topUp(PaymentPostingCmd cmd, String currency, long amount, List<PostingLine> lines) {
        require(cmd.channel() != null, "a top-up is paid through a channel");
        require(!cmd.escrow(), "a top-up is not held in escrow");
        requireText(cmd.channel(), "channel", EntryRules.MAX_OWNER);
        add(lines, account(AccountType.CHANNEL_CLEARING, cmd.channel(), currency), Side.DEBIT, amount);
        add(lines, account(AccountType.BUYER_WALLET, cmd.buyerId(), currency), Side.CREDIT, amount);
        String digest = PostingDigest.of("PAYMENT", cmd.tradeNo(), cmd.payOrderNo(), cmd.buyerId(), cmd.merchantId(),
                cmd.amount(), cmd.escrow(), cmd.channel(), "TOPUP");
        return rules.check(new EntryDraft(cmd.postingKey(), TradeEntryKind.PAYMENT.name(), cmd.tradeNo(), currency, lines,
                "top-up pay order " + cmd.payOrderNo(), digest));
    }

    /**
     * Refused with {@code INSUFFICIENT_BALANCE} when the amount is more than escrow holds for this
     * trade: the merchant's escrow also holds its other trades' money, which is not this trade's to release.
     *
     * <p>A combination payment's trade releases all that escrow still holds for it, whatever the command's
     * amount: the caller's figure is in the trade's price (paid less refunded), while escrow got the price
     * less a merchant-funded coupon, and a partial refund took only its cash share out of escrow (the
     * coupon's and points' shares stay until the whole refund, docs/adr/0008 "Refunds"). Released by the
     * price, such a trade would be refused (a merchant coupon) or leave money in escrow for good (a partial
     * refund before the release). The release is the trade's end, so "all it holds" is its meaning.
     */
    public TradePosting release(ReleasePostingCmd cmd) {
        require(cmd != null, "command is required");
        requireParties(cmd.tradeNo(), cmd.merchantId());
        rules.requirePositive(cmd.amount(), "amount");
        String currency = cmd.amount().currency();
        long amount = cmd.amount().minor();
        String digest = PostingDigest.of("RELEASE", cmd.tradeNo(), cmd.merchantId(), cmd.amount());
        return new TradePosting(cmd.tradeNo(), cmd.postingKey(), digest, funds -> {
            requireMerchantOf(funds, cmd.tradeNo(), cmd.merchantId());
            boolean combination = funds.promotion().combination();
            if (combination ? funds.escrowHeld() <= 0 : amount > funds.escrowHeld()) {
                throw new BizException(ErrorCode.INSUFFICIENT_BALANCE,
                        "escrow holds " + funds.escrowHeld() + " for trade " + cmd.tradeNo() + ", not " + amount);
            }
            long released = combination ? funds.escrowHeld() : amount;
            List<PostingLine> lines = new ArrayList<>();
            add(lines, account(AccountType.ESCROW, cmd.merchantId(), currency), Side.DEBIT, released);
            creditMerchantLessFee(lines, cmd.merchantId(), currency, released);
            return rules.check(new EntryDraft(cmd.postingKey(), TradeEntryKind.RELEASE.name(), cmd.tradeNo(), currency, lines,
                    null, digest));
        });
    }

    /**
     * The trade's context comes from its journal ({@link TradeFunds}), not from the command: what escrow
     * still holds for the trade is refunded from escrow, the rest from the merchant's side with its
     * fee pro rata ({@link FeeRule}) on what the merchant's side was credited — the payment of an
     * instant trade, the releases of a guarantee trade (the refunds before a release came out of
     * escrow, fee-free, so the rest of the trade returns exactly the fee taken at release).
     */
    public TradePosting refund(RefundPostingCmd cmd) {
        require(cmd != null, "command is required");
        requireParties(cmd.tradeNo(), cmd.merchantId());
        requireText(cmd.buyerId(), "buyerId", EntryRules.MAX_OWNER);
        requireText(cmd.refundNo(), "refundNo", 64);
        rules.requirePositive(cmd.refund(), "refund");
        if (cmd.channel() != null) {
            requireText(cmd.channel(), "channel", EntryRules.MAX_OWNER);
        }
        String currency = cmd.refund().currency();
        long refund = cmd.refund().minor();
        // the deprecated caller's figures stay in the digest: a repeat of a command posted before the
        // ledger stopped trusting them must still be recognised as the same command
        String digest = cmd.channel() == null
                ? PostingDigest.of("REFUND", cmd.tradeNo(), cmd.refundNo(), cmd.buyerId(), cmd.merchantId(), cmd.refund(),
                        cmd.paidTotal(), cmd.refundedBefore(), cmd.escrowHeld())
                : PostingDigest.of("REFUND", cmd.tradeNo(), cmd.refundNo(), cmd.buyerId(), cmd.merchantId(), cmd.refund(),
                        cmd.paidTotal(), cmd.refundedBefore(), cmd.escrowHeld(), cmd.channel());
        if (cmd.cash() != null) {
            // a one-tool refund's digest stays what it always was: repeats of entries posted before the split match
            require(cmd.cash().currency().equals(currency) && cmd.cash().minor() >= 0 && cmd.cash().minor() <= refund,
                    "cash " + cmd.cash() + " must be 0 to " + cmd.refund());
            digest = PostingDigest.of(digest, cmd.cash(), cmd.wholeTrade());
        }
        String refundDigest = digest;
        return new TradePosting(cmd.tradeNo(), cmd.postingKey(), refundDigest, funds -> {
            if (!funds.paidAtAll()) {
                throw new BizException(ErrorCode.POSTING_NOT_FOUND, "no payment posted for trade " + cmd.tradeNo());
            }
            requireMerchantOf(funds, cmd.tradeNo(), cmd.merchantId());
            // what this entry moves: all of the refund, or a combination payment's cash share and, on the
            // whole refund, its platform coupon and points (RefundShares; docs/adr/0008 "Refunds")
            Combination split = Combination.of(cmd, funds);
            long moved = split == null ? refund : split.moved();
            long left = funds.paid() - funds.refunded();
            require(moved <= left, "refunds " + funds.refunded() + " + " + moved + " exceed paid " + funds.paid());
            if (funds.topUp()) {
                require(split == null, "a top-up has no coupon or points");
                return topUpRefund(cmd, currency, refund, refundDigest);
            }
            long fromEscrow = Math.min(moved, funds.escrowHeld());
            long fromMerchant = moved - fromEscrow;
            List<PostingLine> lines = new ArrayList<>();
            add(lines, account(AccountType.ESCROW, cmd.merchantId(), currency), Side.DEBIT, fromEscrow);
            if (fromMerchant > 0) {
                long base = funds.merchantBase();
                long before = funds.merchantRefunded();
                require(before >= 0 && fromMerchant <= base - before, "refund " + fromMerchant + " from the merchant does not fit"
                        + " what was credited to it (" + base + ", refunded " + before + ")");
                require(funds.feeCharged() <= base, "fee charged " + funds.feeCharged() + " exceeds " + base);
                long feeRefund = FeeRule.feeRefund(funds.feeCharged(), base, before, fromMerchant, funds.feeReturned());
                // a profit-shared trade: from the hold, the sharer's part, then back from receivers (TradeShares)
                lines.addAll(funds.shares().takeBack(fromMerchant - feeRefund, cmd.merchantId(), currency));
                add(lines, account(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, currency), Side.DEBIT, feeRefund);
            }
            long cash = split == null ? refund : split.cash();
            if (cmd.channel() == null) {
                add(lines, account(AccountType.BUYER_WALLET, cmd.buyerId(), currency), Side.CREDIT, cash);
            } else {
                add(lines, account(AccountType.CHANNEL_CLEARING, cmd.channel(), currency), Side.CREDIT, cash);
            }
            if (split != null) {
                add(lines, account(AccountType.MARKETING_EXPENSE, AccountRef.PLATFORM, currency), Side.CREDIT, split.platformCoupon());
                add(lines, account(AccountType.POINTS_LIABILITY, AccountRef.PLATFORM, currency), Side.CREDIT, split.points());
            }
            // the whole refund takes back the merchant's own discount too, on its bill row (it moves no money)
            long merchantDiscount = split != null && cmd.wholeTrade() ? funds.promotion().merchantCoupon() : 0;
            return rules.check(new EntryDraft(cmd.postingKey(), TradeEntryKind.REFUND.name(), cmd.tradeNo(), currency, lines,
                    "refund " + cmd.refundNo() + TradeFunds.merchantDiscountMemo(merchantDiscount), refundDigest));
        });
    }

    /**
     * A combination payment's refund as the ledger books it: the buyer's cash share the command names,
     * checked against the cash its journal says is left (never more; exactly all of it on the whole
     * refund), and on the whole refund the platform coupon and points the payment booked, credited back
     * to {@code MARKETING_EXPENSE} and {@code POINTS_LIABILITY}. The merchant's side gives back
     * {@link #moved} — its fee pro rata as for any refund, so the whole refund returns exactly the fee
     * charged (the merchant's side was credited cash + platform coupon + points, and gives back the same).
     * Null for a one-tool refund (no {@code cash}).
     */
    private record Combination(long cash, long platformCoupon, long points) {

        static Combination of(RefundPostingCmd cmd, TradeFunds funds) {
            if (cmd.cash() == null) {
                return null;
            }
            TradeFunds.Promotion promotion = funds.promotion();
            long cash = cmd.cash().minor();
            require(!promotion.returned(), "the coupon and points of trade " + cmd.tradeNo() + " were already given back");
            require(cash <= promotion.cashLeft(), "cash " + cash + " exceeds the " + promotion.cashLeft()
                    + " left of trade " + cmd.tradeNo() + "'s cash");
            if (!cmd.wholeTrade()) {
                require(cash > 0, "refund of trade " + cmd.tradeNo() + " moves no cash and returns no coupon or points");
                return new Combination(cash, 0, 0);
            }
            require(cash == promotion.cashLeft(), "the whole refund of trade " + cmd.tradeNo() + " returns the "
                    + promotion.cashLeft() + " cash left, not " + cash);
            return new Combination(cash, promotion.platformCoupon(), promotion.points());
        }

        long moved() {
            return cash + platformCoupon + points;
        }
    }

    /**
     * A top-up's refund takes the money back out of the buyer's wallet (never below zero: the journal
     * refuses with {@code INSUFFICIENT_BALANCE} and nothing is posted) and gives it back through the channel.
     */
    private EntryDraft topUpRefund(RefundPostingCmd cmd, String currency, long refund, String digest) {
        require(cmd.channel() != null, "a top-up is refunded through its channel");
        List<PostingLine> lines = new ArrayList<>();
        add(lines, account(AccountType.BUYER_WALLET, cmd.buyerId(), currency), Side.DEBIT, refund);
        add(lines, account(AccountType.CHANNEL_CLEARING, cmd.channel(), currency), Side.CREDIT, refund);
        return rules.check(new EntryDraft(cmd.postingKey(), TradeEntryKind.REFUND.name(), cmd.tradeNo(), currency, lines,
                "top-up refund " + cmd.refundNo(), digest));
    }

    /**
     * Every line of the refund entry on the other side, so the money goes back where it came from.
     * When part of it came from escrow and the trade has been released since, that part is released
     * on to the merchant in the same entry, less its fee by {@link FeeRule#fee} at the merchant's rate
     * today — as the release would have done had the refund never been accepted — so escrow holds
     * nothing more for a finished trade, and later refunds of it come from the merchant's side with
     * the fee charged on it.
     */
    public TradePosting refundReversal(RefundReversalCmd cmd) {
        require(cmd != null, "command is required");
        requireText(cmd.tradeNo(), "tradeNo", 64);
        requireText(cmd.refundPostingKey(), "refundPostingKey", EntryRules.MAX_KEY);
        String digest = PostingDigest.of("REFUND_REVERSAL", cmd.tradeNo(), cmd.refundPostingKey());
        return new TradePosting(cmd.tradeNo(), cmd.postingKey(), digest, funds -> {
            Journal.Posted refund = funds.refund(cmd.refundPostingKey()).orElseThrow(() -> new BizException(
                    ErrorCode.POSTING_NOT_FOUND, "no refund entry " + cmd.refundPostingKey() + " of trade " + cmd.tradeNo()));
            require(!funds.reversedRefunds().contains(cmd.refundPostingKey()),
                    "refund entry " + cmd.refundPostingKey() + " is already reversed");
            List<PostingLine> lines = new ArrayList<>();
            long backToEscrow = 0;
            AccountRef escrow = null;
            for (PostingLine line : refund.lines()) {
                lines.add(new PostingLine(funds.shares().reversalTarget(line.account()),
                        line.side() == Side.DEBIT ? Side.CREDIT : Side.DEBIT, line.amount()));
                if (line.account().type() == AccountType.ESCROW && line.side() == Side.DEBIT) {
                    backToEscrow += line.amount();
                    escrow = line.account();
                }
            }
            if (backToEscrow > 0 && funds.released()) {
                add(lines, escrow, Side.DEBIT, backToEscrow);
                creditMerchantLessFee(lines, escrow.ownerId(), refund.currency(), backToEscrow);
            }
            return rules.check(new EntryDraft(cmd.postingKey(), TradeEntryKind.REFUND_REVERSAL.name(), cmd.tradeNo(),
                    refund.currency(), lines, TradeFunds.REVERSAL_MEMO + cmd.refundPostingKey()
                    + TradeFunds.merchantDiscountMemo(TradeFunds.merchantDiscount(refund.memo())), digest));
        });
    }

    /**
     * The end of a pre-authorisation's hold: what the hold holds for the trade (read from its
     * entries) is split into the capture, to the merchant less its fee, and the rest, back to the
     * buyer; a void captures nothing. Refused with {@code INSUFFICIENT_BALANCE} when the capture is
     * more than the hold holds (nothing held: never authorised, or already captured or voided).
     */
    public TradePosting holdSettlement(HoldSettlementCmd cmd) {
        require(cmd != null, "command is required");
        requireParties(cmd.tradeNo(), cmd.merchantId());
        requireText(cmd.buyerId(), "buyerId", EntryRules.MAX_OWNER);
        require(cmd.capture() != null && cmd.capture().minor() >= 0, "capture must be zero or more");
        String currency = cmd.capture().currency();
        long capture = cmd.capture().minor();
        TradeEntryKind kind = capture == 0 ? TradeEntryKind.VOID : TradeEntryKind.CAPTURE;
        String digest = PostingDigest.of(kind.name(), cmd.tradeNo(), cmd.merchantId(), cmd.buyerId(), cmd.capture());
        return new TradePosting(cmd.tradeNo(), cmd.postingKey(), digest, funds -> {
            requireMerchantOf(funds, cmd.tradeNo(), cmd.merchantId());
            long held = funds.holdHeld();
            if (held == 0 || capture > held) {
                throw new BizException(ErrorCode.INSUFFICIENT_BALANCE,
                        "the pre-auth hold holds " + held + " for trade " + cmd.tradeNo() + ", not " + capture);
            }
            List<PostingLine> lines = new ArrayList<>();
            add(lines, account(AccountType.PREAUTH_HOLD, cmd.merchantId(), currency), Side.DEBIT, held);
            if (capture > 0) {
                creditMerchantLessFee(lines, cmd.merchantId(), currency, capture);
            }
            // the rest goes back where the hold came from: the buyer's wallet, or for a card's pre-auth the channel's
            // clearing account — the channel never owes what the issuer released, so clearing nets to what was completed
            AccountRef fundedBy = funds.holdFundedBy() != null ? funds.holdFundedBy()
                    : account(AccountType.BUYER_WALLET, cmd.buyerId(), currency);
            add(lines, fundedBy, Side.CREDIT, held - capture);
            return rules.check(new EntryDraft(cmd.postingKey(), kind.name(), cmd.tradeNo(), currency, lines,
                    kind == TradeEntryKind.VOID ? "void" : "capture " + capture + " of " + held, digest));
        });
    }

    /** A trade is one merchant's: a command naming another would move that merchant's money. */
    private static void requireMerchantOf(TradeFunds funds, String tradeNo, String merchantId) {
        require(funds.merchantId() == null || funds.merchantId().equals(merchantId),
                "trade " + tradeNo + " is not merchant " + merchantId + "'s");
    }

    private void creditMerchantLessFee(List<PostingLine> lines, String merchantId, String currency, long amount) {
        long fee = FeeRule.fee(amount, feeRates.rateBps(merchantId));
        add(lines, account(AccountType.MERCHANT_PENDING, merchantId, currency), Side.CREDIT, amount - fee);
        add(lines, account(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, currency), Side.CREDIT, fee);
    }

    private static void requireParties(String tradeNo, String merchantId) {
        requireText(tradeNo, "tradeNo", 64);
        requireText(merchantId, "merchantId", EntryRules.MAX_OWNER);
    }

    private static AccountRef account(AccountType type, String owner, String currency) {
        return new AccountRef(type, owner, currency);
    }

    /** Zero lines carry nothing and are left out (a 0-fee payment has no fee line). */
    private static void add(List<PostingLine> lines, AccountRef account, Side side, long amount) {
        if (amount != 0) {
            lines.add(new PostingLine(account, side, amount));
        }
    }
}
