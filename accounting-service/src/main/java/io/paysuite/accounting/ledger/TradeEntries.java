package io.paysuite.accounting.ledger;

import static io.paysuite.accounting.ledger.EntryRules.require;
import static io.paysuite.accounting.ledger.EntryRules.requireText;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.RefundPostingCmd;
import io.paysuite.api.ledger.ReleasePostingCmd;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a trade's payment, release and refund into journal entries (the fee by {@link FeeRule}).
 * Every entry's {@code biz_no} is the trade number, so a refund can find the fee actually charged.
 *
 * <pre>
 *   instant payment   Dr BUYER_WALLET:buyer amount  / Cr MERCHANT_PENDING:merchant amount−fee, Cr PLATFORM_FEE_INCOME fee
 *   channel payment   Dr CHANNEL_CLEARING:channel amount instead of the wallet (the channel owes it until it settles)
 *   escrow payment    Dr BUYER_WALLET:buyer amount  / Cr ESCROW:merchant amount
 *   release           Dr ESCROW:merchant amount     / Cr MERCHANT_PENDING:merchant amount−fee, Cr PLATFORM_FEE_INCOME fee
 *   refund in escrow  Dr ESCROW:merchant refund     / Cr BUYER_WALLET:buyer refund
 *   refund otherwise  Dr MERCHANT_PENDING refund−feeRefund, Dr PLATFORM_FEE_INCOME feeRefund / Cr BUYER_WALLET refund
 *   channel refund    as above, but Cr CHANNEL_CLEARING:channel (the channel gives the buyer the money back)
 * </pre>
 * Zero lines are left out. Merchant pending is not never-negative: a refund after the merchant's
 * money was settled away takes it below zero, which records that the merchant owes the platform
 * (collected from the next settlement), rather than refusing the buyer's refund.
 */
public final class TradeEntries {

    private final EntryRules rules;
    private final FeeRates feeRates;
    private final Journal journal;

    public TradeEntries(EntryRules rules, FeeRates feeRates, Journal journal) {
        this.rules = rules;
        this.feeRates = feeRates;
        this.journal = journal;
    }

    public EntryDraft payment(PaymentPostingCmd cmd) {
        require(cmd != null, "command is required");
        requireParties(cmd.tradeNo(), cmd.merchantId());
        requireText(cmd.buyerId(), "buyerId", EntryRules.MAX_OWNER);
        requireText(cmd.payOrderNo(), "payOrderNo", 64);
        rules.requirePositive(cmd.amount(), "amount");
        String currency = cmd.amount().currency();
        long amount = cmd.amount().minor();
        List<PostingLine> lines = new ArrayList<>();
        if (cmd.channel() == null) {
            add(lines, account(AccountType.BUYER_WALLET, cmd.buyerId(), currency), Side.DEBIT, amount);
        } else {
            requireText(cmd.channel(), "channel", EntryRules.MAX_OWNER);
            add(lines, account(AccountType.CHANNEL_CLEARING, cmd.channel(), currency), Side.DEBIT, amount);
        }
        if (cmd.escrow()) {
            add(lines, account(AccountType.ESCROW, cmd.merchantId(), currency), Side.CREDIT, amount);
        } else {
            creditMerchantLessFee(lines, cmd.merchantId(), currency, amount);
        }
        String digest = cmd.channel() == null
                ? PostingDigest.of("PAYMENT", cmd.tradeNo(), cmd.payOrderNo(), cmd.buyerId(), cmd.merchantId(), cmd.amount(),
                        cmd.escrow())
                : PostingDigest.of("PAYMENT", cmd.tradeNo(), cmd.payOrderNo(), cmd.buyerId(), cmd.merchantId(), cmd.amount(),
                        cmd.escrow(), cmd.channel());
        return rules.check(new EntryDraft(cmd.postingKey(), TradeEntryKind.PAYMENT.name(), cmd.tradeNo(), currency, lines,
                "pay order " + cmd.payOrderNo(), digest));
    }

    public EntryDraft release(ReleasePostingCmd cmd) {
        require(cmd != null, "command is required");
        requireParties(cmd.tradeNo(), cmd.merchantId());
        rules.requirePositive(cmd.amount(), "amount");
        String currency = cmd.amount().currency();
        long amount = cmd.amount().minor();
        List<PostingLine> lines = new ArrayList<>();
        add(lines, account(AccountType.ESCROW, cmd.merchantId(), currency), Side.DEBIT, amount);
        creditMerchantLessFee(lines, cmd.merchantId(), currency, amount);
        String digest = PostingDigest.of("RELEASE", cmd.tradeNo(), cmd.merchantId(), cmd.amount());
        return rules.check(new EntryDraft(cmd.postingKey(), TradeEntryKind.RELEASE.name(), cmd.tradeNo(), currency, lines,
                null, digest));
    }

    public EntryDraft refund(RefundPostingCmd cmd) {
        require(cmd != null, "command is required");
        requireParties(cmd.tradeNo(), cmd.merchantId());
        requireText(cmd.buyerId(), "buyerId", EntryRules.MAX_OWNER);
        requireText(cmd.refundNo(), "refundNo", 64);
        rules.requirePositive(cmd.refund(), "refund");
        rules.requirePositive(cmd.paidTotal(), "paidTotal");
        require(cmd.refundedBefore() != null && cmd.refundedBefore().minor() >= 0, "refundedBefore must not be negative");
        String currency = cmd.refund().currency();
        require(currency.equals(cmd.paidTotal().currency()) && currency.equals(cmd.refundedBefore().currency()),
                "refund, paidTotal and refundedBefore must share a currency");
        long refund = cmd.refund().minor();
        long paid = cmd.paidTotal().minor();
        long before = cmd.refundedBefore().minor();
        require(before <= paid && refund <= paid - before, "refunds " + before + " + " + refund + " exceed paid " + paid);

        AccountRef feeIncome = account(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, currency);
        Journal.TradeHistory history = journal.tradeHistory(cmd.tradeNo(), feeIncome.code());
        if (!history.paid()) {
            throw new BizException(ErrorCode.POSTING_NOT_FOUND, "no payment posted for trade " + cmd.tradeNo());
        }
        List<PostingLine> lines = new ArrayList<>();
        if (cmd.escrowHeld()) {
            add(lines, account(AccountType.ESCROW, cmd.merchantId(), currency), Side.DEBIT, refund);
        } else {
            // A guarantee trade's fee was charged at release on what escrow still held then; the
            // refunds before it came out of escrow. The pro-rata base is the released amount and
            // only the refunds after the release count as "before" — so refunding the rest
            // returns exactly the fee charged, as for an instant trade.
            long base = paid;
            long baseBefore = before;
            if (history.released() > 0) {
                base = history.released();
                baseBefore = before - (paid - base);
                require(baseBefore >= 0 && refund <= base - baseBefore,
                        "refund " + refund + " after release of " + base + " does not fit (refunded before " + before + ")");
            }
            require(history.feeCharged() <= base, "fee charged " + history.feeCharged() + " exceeds " + base);
            long feeRefund = FeeRule.feeRefund(history.feeCharged(), base, baseBefore, refund);
            add(lines, account(AccountType.MERCHANT_PENDING, cmd.merchantId(), currency), Side.DEBIT, refund - feeRefund);
            add(lines, feeIncome, Side.DEBIT, feeRefund);
        }
        if (cmd.channel() == null) {
            add(lines, account(AccountType.BUYER_WALLET, cmd.buyerId(), currency), Side.CREDIT, refund);
        } else {
            requireText(cmd.channel(), "channel", EntryRules.MAX_OWNER);
            add(lines, account(AccountType.CHANNEL_CLEARING, cmd.channel(), currency), Side.CREDIT, refund);
        }
        String digest = cmd.channel() == null
                ? PostingDigest.of("REFUND", cmd.tradeNo(), cmd.refundNo(), cmd.buyerId(), cmd.merchantId(), cmd.refund(),
                        cmd.paidTotal(), cmd.refundedBefore(), cmd.escrowHeld())
                : PostingDigest.of("REFUND", cmd.tradeNo(), cmd.refundNo(), cmd.buyerId(), cmd.merchantId(), cmd.refund(),
                        cmd.paidTotal(), cmd.refundedBefore(), cmd.escrowHeld(), cmd.channel());
        return rules.check(new EntryDraft(cmd.postingKey(), TradeEntryKind.REFUND.name(), cmd.tradeNo(), currency, lines,
                "refund " + cmd.refundNo(), digest));
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
