package io.paysuite.accounting.ledger;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.PostingLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trade's profit sharing as its own journal entries tell it (never as a caller says), and the
 * lines of the entries that move it. Read from the trade's entries under the trade's lock
 * ({@link TradePosting}), so two orders, an order and a refund, never both decide on the same figures.
 *
 * <p><b>The hold rule.</b> The first order of a trade moves the whole of what the sharer still has of
 * the trade out of its pending settlement: the shares to the receivers' pending accounts (each settled
 * on the receiver's own cycle) and the unshared rest to the sharer's {@code PROFIT_SHARING_HELD}
 * account, which settlement never pays — as WeChat Pay freezes a profit-sharing trade's money. Later
 * orders share from the hold; an order with {@code unfreeze_unsplit}, or an unfreeze, moves the rest
 * back to the sharer's pending, where its next settlement pays it, and ends the trade's sharing.
 *
 * <p><b>The refund rule.</b> What a refund takes from the merchant's side comes first from the hold,
 * then from what the sharer kept of the trade in pending, and only what is more than the sharer's
 * remaining part is taken back from the receivers (in the order they were first shared to, each up to
 * what it still holds of the trade) — all in the refund's one entry, as WeChat Pay's profit-sharing
 * return precedes a refund. A trade never shared refunds from the merchant's pending as before.
 *
 * @param sharer        the merchant the payment credited (null before payment)
 * @param held          what the sharer's hold holds for this trade
 * @param sharerPending what the trade's entries left on the sharer's pending account (credits − debits)
 * @param receivers     per receiver, what the trade's entries left on its pending account, in first-share order
 * @param shared        whether the trade has a profit-sharing entry
 * @param closed        whether its rest was unfrozen (no more sharing)
 */
public record TradeShares(String sharer, long held, long sharerPending, Map<String, Long> receivers, boolean shared,
                          boolean closed) {

    public static final TradeShares NONE = new TradeShares(null, 0, 0, Map.of(), false, false);
    /** The memo of an order entry that released the rest ends with this. */
    public static final String UNFROZEN = "; rest unfrozen";

    public TradeShares {
        receivers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(receivers));
    }

    /** What the sharer still has of the trade: held back plus kept in pending — the most it can still share. */
    public long remaining() {
        return Math.addExact(held, sharerPending);
    }

    /** What the receiver still holds of the trade's shares. */
    public long heldBy(String receiver) {
        return receivers.getOrDefault(receiver, 0L);
    }

    static TradeShares of(String sharer, List<Journal.Posted> entries, String excludeKey) {
        if (sharer == null) {
            return NONE;
        }
        long held = 0;
        long pending = 0;
        boolean shared = false;
        boolean closed = false;
        Map<String, Long> receivers = new LinkedHashMap<>();
        for (Journal.Posted entry : entries) {
            if (entry.postingKey().equals(excludeKey) || !TradeEntryKind.isReserved(entry.bizType())) {
                continue;
            }
            if (TradeEntryKind.PROFIT_SHARE.name().equals(entry.bizType())) {
                shared = true;
                closed |= entry.memo() != null && entry.memo().endsWith(UNFROZEN);
            }
            for (PostingLine line : entry.lines()) {
                long credit = line.side() == Side.CREDIT ? line.amount() : -line.amount();
                String owner = line.account().ownerId();
                if (line.account().type() == AccountType.PROFIT_SHARING_HELD && sharer.equals(owner)) {
                    held += credit;
                } else if (line.account().type() == AccountType.MERCHANT_PENDING) {
                    if (sharer.equals(owner)) {
                        pending += credit;
                    } else {
                        receivers.merge(owner, credit, Long::sum);
                    }
                }
            }
        }
        return new TradeShares(sharer, held, pending, receivers, shared, closed);
    }

    /**
     * The lines of a sharing order: each share credited to its receiver, what the shares take and what
     * the rule keeps held moved between the sharer's pending and hold. Empty for an unfreeze with
     * nothing held. Refused with {@code PROFIT_SHARING_AMOUNT_EXCEEDED} beyond {@link #remaining()}, and
     * with {@code PROFIT_SHARING_NOT_ALLOWED} once the rest was unfrozen.
     *
     * @param shares   receiver → share, each positive, in the order's order
     * @param unfreeze whether the order releases the unshared rest
     */
    public List<PostingLine> order(Map<String, Long> shares, boolean unfreeze, String currency) {
        if (closed) {
            throw new BizException(ErrorCode.PROFIT_SHARING_NOT_ALLOWED, "the trade's unshared rest was unfrozen: no more sharing");
        }
        long total = 0;
        List<PostingLine> lines = new ArrayList<>();
        for (Map.Entry<String, Long> share : shares.entrySet()) {
            EntryRules.require(share.getValue() > 0, "a share must be positive");
            EntryRules.require(!share.getKey().equals(sharer), "a merchant cannot share with itself");
            total = Math.addExact(total, share.getValue());
            lines.add(new PostingLine(pending(share.getKey(), currency), Side.CREDIT, share.getValue()));
        }
        long remaining = remaining();
        if (total > remaining) {
            throw new BizException(ErrorCode.PROFIT_SHARING_AMOUNT_EXCEEDED,
                    "shares of " + total + " exceed the " + remaining + " the merchant still has of the trade");
        }
        long heldAfter = unfreeze ? 0 : remaining - total;
        long pendingAfter = unfreeze ? remaining - total : 0;
        move(lines, new AccountRef(AccountType.PROFIT_SHARING_HELD, sharer, currency), heldAfter - held);
        move(lines, pending(sharer, currency), pendingAfter - sharerPending);
        return lines;
    }

    /**
     * The debit lines that take {@code amount} (a refund's part from the merchant's side, fee refund
     * excluded) back by the refund rule; {@code merchantId} is the trade's merchant.
     */
    public List<PostingLine> takeBack(long amount, String merchantId, String currency) {
        List<PostingLine> lines = new ArrayList<>();
        long left = amount;
        if (sharer != null && sharer.equals(merchantId)) {
            long fromHold = Math.min(left, Math.max(0, held));
            add(lines, new AccountRef(AccountType.PROFIT_SHARING_HELD, sharer, currency), fromHold);
            left -= fromHold;
            long fromSharer = Math.min(left, Math.max(0, sharerPending));
            left -= fromSharer;
            long fromReceivers = 0;
            for (Map.Entry<String, Long> receiver : receivers.entrySet()) {
                long take = Math.min(left - fromReceivers, Math.max(0, receiver.getValue()));
                add(lines, pending(receiver.getKey(), currency), take);
                fromReceivers += take;
            }
            left -= fromReceivers;
            left += fromSharer;
        }
        // the sharer's pending pays the rest, as for a trade never shared (below zero: the merchant owes it)
        add(lines, pending(merchantId, currency), left);
        return lines;
    }

    /** The lines of a receiver giving {@code amount} of its share back to the sharer's pending settlement. */
    public List<PostingLine> giveBack(String receiver, long amount, String currency) {
        EntryRules.require(amount > 0, "the amount must be positive");
        if (amount > heldBy(receiver)) {
            throw new BizException(ErrorCode.PROFIT_SHARING_AMOUNT_EXCEEDED,
                    "receiver " + receiver + " holds " + heldBy(receiver) + " of the trade, not " + amount);
        }
        return List.of(new PostingLine(pending(receiver, currency), Side.DEBIT, amount),
                new PostingLine(pending(sharer, currency), Side.CREDIT, amount));
    }

    /** A refund reversal puts money back where the refund took it, except into a hold already released. */
    AccountRef reversalTarget(AccountRef account) {
        return closed && account.type() == AccountType.PROFIT_SHARING_HELD
                ? pending(account.ownerId(), account.currency()) : account;
    }

    private static AccountRef pending(String merchantId, String currency) {
        return new AccountRef(AccountType.MERCHANT_PENDING, merchantId, currency);
    }

    /** A change of an account on its normal (credit) side as a line: + credit, − debit. */
    private static void move(List<PostingLine> lines, AccountRef account, long change) {
        if (change != 0) {
            lines.add(new PostingLine(account, change > 0 ? Side.CREDIT : Side.DEBIT, Math.abs(change)));
        }
    }

    private static void add(List<PostingLine> lines, AccountRef account, long debit) {
        if (debit > 0) {
            lines.add(new PostingLine(account, Side.DEBIT, debit));
        }
    }
}
