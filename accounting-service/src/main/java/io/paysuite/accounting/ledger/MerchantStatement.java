package io.paysuite.accounting.ledger;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.MerchantStatementQry;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.StatementLineDTO;
import java.time.Duration;
import java.util.List;

/**
 * The merchant's side of reconciliation, read from the journal itself: every entry that moved
 * the merchant's pending, available or escrow account, split into what buyers paid or got back
 * ({@code gross}), the fee, the merchant's pending settlement ({@code net}) and escrow
 * ({@code held}). A combination payment's gross is the price — its cash, a platform-funded coupon and
 * the points (all credited to the merchant) and a merchant-funded coupon, shown apart as
 * {@code merchantDiscount} (the merchant's own price cut, credited to no one, as WeChat Pay's bill shows the
 * order amount, the discount and the settlement amount), so every row keeps
 * {@code gross = merchantDiscount + fee + net + held}. Its refunds likewise: each partial refund's cash share,
 * and the whole refund's cash with the platform coupon, the points and the merchant's discount. Built from the same lines as the balances, so the statement can never disagree
 * with them. A profit-sharing entry is a line of each merchant it moved: the sharer's share out
 * (negative gross; net and held say where it came from) and each receiver's share in. Read-only.
 */
public final class MerchantStatement {

    static final Duration MAX_PERIOD = Duration.ofDays(31);
    /** A day of a busy merchant; a longer statement is a bill file job, not an API answer. */
    static final int MAX_LINES = 200_000;

    private final Journal journal;

    public MerchantStatement(Journal journal) {
        this.journal = journal;
    }

    public List<StatementLineDTO> of(MerchantStatementQry qry) {
        if (qry == null || qry.from() == null || qry.to() == null || !qry.from().isBefore(qry.to())
                || Duration.between(qry.from(), qry.to()).compareTo(MAX_PERIOD) > 0) {
            throw new BizException(ErrorCode.PARAM_ERROR, "the period must be forward and at most 31 days");
        }
        EntryRules.requireText(qry == null ? null : qry.merchantId(), "merchantId", EntryRules.MAX_KEY);
        EntryRules.requireText(qry.currency(), "currency", 3);
        List<String> accounts = List.of(
                new AccountRef(AccountType.MERCHANT_PENDING, qry.merchantId(), qry.currency()).code(),
                new AccountRef(AccountType.MERCHANT_AVAILABLE, qry.merchantId(), qry.currency()).code(),
                new AccountRef(AccountType.ESCROW, qry.merchantId(), qry.currency()).code(),
                new AccountRef(AccountType.PROFIT_SHARING_HELD, qry.merchantId(), qry.currency()).code());
        return journal.entriesTouching(accounts, qry.from(), qry.to(), MAX_LINES).stream()
                .map(found -> line(found.entry(), qry.merchantId(), othersSide(found.entry(), qry.merchantId()) == 0
                        ? qry.merchantId() : tradeMerchant(found.entry().bizNo()), found.memo()))
                .toList();
    }

    /**
     * The merchant a trade's payment credited, read from the trade's entries: only asked for an entry that
     * moved several merchants' money (a refund that took shares back from profit-sharing receivers).
     */
    private String tradeMerchant(String tradeNo) {
        return journal.entriesOf(tradeNo).stream().filter(e -> TradeEntryKind.PAYMENT.name().equals(e.bizType()))
                .flatMap(e -> e.lines().stream())
                .filter(l -> l.account().type() == AccountType.MERCHANT_PENDING || l.account().type() == AccountType.ESCROW)
                .map(l -> l.account().ownerId()).findFirst().orElse(null);
    }

    /** What the entry moved on other merchants' pending, escrow and hold accounts (credits − debits). */
    private static long othersSide(JournalEntryDTO entry, String merchantId) {
        return entry.lines().stream().filter(l -> merchantSide(l.account().type()) && !merchantId.equals(l.account().ownerId()))
                .mapToLong(l -> l.side() == AccountType.Side.CREDIT ? l.amount() : -l.amount()).sum();
    }

    private static boolean merchantSide(AccountType type) {
        return type == AccountType.MERCHANT_PENDING || type == AccountType.ESCROW || type == AccountType.PROFIT_SHARING_HELD;
    }

    private static boolean isShare(String bizType) {
        return TradeEntryKind.PROFIT_SHARE.name().equals(bizType) || TradeEntryKind.PROFIT_SHARE_RETURN.name().equals(bizType);
    }

    static StatementLineDTO line(JournalEntryDTO entry, String merchantId) {
        return line(entry, merchantId, merchantId, null);
    }

    static StatementLineDTO line(JournalEntryDTO entry, String merchantId, String tradeMerchant) {
        return line(entry, merchantId, tradeMerchant, null);
    }

    /**
     * @param tradeMerchant the merchant the trade's payment credited: when an entry also moved other
     *                      merchants' money (a refund taking shares back), the buyer's money and the fee are
     *                      its row's, less what the others' rows gave back, and another merchant's row is only
     *                      its own part — so every row keeps {@code gross = fee + net + held}
     * @param memo          the entry's memo: a combination payment, its whole refund and that refund's reversal
     *                      name the merchant-funded coupon there, which the row counts in gross and shows apart
     */
    static StatementLineDTO line(JournalEntryDTO entry, String merchantId, String tradeMerchant, String memo) {
        long gross = 0;
        long fee = 0;
        long net = 0;
        long held = 0;
        for (PostingLine line : entry.lines()) {
            long credit = line.side() == AccountType.Side.CREDIT ? line.amount() : -line.amount();
            AccountRef account = line.account();
            switch (account.type()) {
                // a debit to the buyer's side is money in; so is a debit of a pre-auth hold (a capture: the
                // part given back to the buyer is credited to the wallet, so gross is what was captured)
                case BUYER_WALLET, CHANNEL_CLEARING, PREAUTH_HOLD -> gross -= credit;
                // a platform-funded coupon and the points paid part of the price as surely as the cash did (the
                // platform pays them to the merchant in full), and the whole refund gives them back the same way
                case MARKETING_EXPENSE, POINTS_LIABILITY -> gross -= credit;
                case PLATFORM_FEE_INCOME -> fee += credit;
                case MERCHANT_PENDING -> net += merchantId.equals(account.ownerId()) ? credit : 0;
                case ESCROW, PROFIT_SHARING_HELD -> held += merchantId.equals(account.ownerId()) ? credit : 0;
                default -> { }
            }
        }
        if (isShare(entry.bizType()) || !merchantId.equals(tradeMerchant)) {
            // a share out (−) or in (+) between merchants, or a receiver's part taken back by a refund:
            // no buyer money and no fee of its own; gross is what moved
            gross = net + held;
            fee = 0;
        } else {
            gross -= othersSide(entry, merchantId); // what other merchants' rows gave back of the buyer's money
        }
        long merchantDiscount = merchantId.equals(tradeMerchant) ? discountSign(entry.bizType()) * TradeFunds.merchantDiscount(memo) : 0;
        return new StatementLineDTO(entry.postedAt(), entry.bizType(), entry.bizNo(), entry.postingKey(), entry.entryNo(),
                gross + merchantDiscount, fee, net, held, merchantDiscount);
    }

    /** A payment takes the merchant's discount off the price, the whole refund gives it back, its reversal undoes that. */
    private static long discountSign(String bizType) {
        if (TradeEntryKind.PAYMENT.name().equals(bizType) || TradeEntryKind.REFUND_REVERSAL.name().equals(bizType)) {
            return 1;
        }
        return TradeEntryKind.REFUND.name().equals(bizType) ? -1 : 0;
    }
}
