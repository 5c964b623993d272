package io.paysuite.api.ledger;

import io.paysuite.api.ReadOnly;
import io.paysuite.api.common.Result;
import io.paysuite.api.trail.TrailEventDTO;
import java.util.List;

/**
 * The double-entry ledger over Dubbo (provider: accounting-service). Every posting is one journal
 * entry applied in one database transaction with the balances, idempotent on its posting key.
 * Balances are never edited otherwise.
 */
public interface LedgerService {

    /** A general entry; see {@link PostingCmd}. */
    Result<JournalEntryDTO> post(PostingCmd cmd);

    /** A balance payment; see {@link PaymentPostingCmd}. */
    Result<JournalEntryDTO> postPayment(PaymentPostingCmd cmd);

    /** A guarantee trade's release on confirm; see {@link ReleasePostingCmd}. */
    Result<JournalEntryDTO> postRelease(ReleasePostingCmd cmd);

    /**
     * A pre-authorisation's payment: the buyer's wallet (or the channel's clearing) to the merchant's
     * {@code PREAUTH_HOLD}, fee-free, nothing to the merchant; {@code escrow} is ignored. Idempotent on
     * the posting key, {@code INSUFFICIENT_BALANCE} as a payment.
     */
    Result<JournalEntryDTO> postAuthorisation(PaymentPostingCmd cmd);

    /** A pre-authorisation's capture or void; see {@link HoldSettlementCmd}. */
    Result<JournalEntryDTO> postHoldSettlement(HoldSettlementCmd cmd);

    /** A refund; see {@link RefundPostingCmd}. */
    Result<JournalEntryDTO> postRefund(RefundPostingCmd cmd);

    /** The reversal of a refund the channel refused; see {@link RefundReversalCmd}. */
    Result<JournalEntryDTO> postRefundReversal(RefundReversalCmd cmd);

    /** The entry posted under this key, or {@code POSTING_NOT_FOUND} when none. */
    @ReadOnly
    Result<JournalEntryDTO> entryByKey(String postingKey);

    /** One account's totals, or {@code ACCOUNT_NOT_FOUND}. */
    @ReadOnly
    Result<AccountBalanceDTO> balance(AccountRef account);

    /** All accounts of a currency with their totals; see {@link TrialBalanceDTO}. */
    @ReadOnly
    Result<TrialBalanceDTO> trialBalance(String currency);

    /** Set a merchant's fee rate; see {@link FeeRateCmd}. */
    Result<Integer> setFeeRate(FeeRateCmd cmd);

    /**
     * A merchant's fee rate in basis points as the ledger applies it now (the configured default when none was set;
     * an instance caches a rate for a short period, so a change made through another instance may show a moment
     * later); a read, no change.
     */
    Result<Integer> feeRate(String merchantId);

    /**
     * The journal entries whose business number is {@code bizNo} (a trade number for payments,
     * releases and refunds) as trail steps, oldest first; an empty list when there are none.
     */
    @ReadOnly
    Result<List<TrailEventDTO>> trail(String bizNo);

    /**
     * The merchant's movements posted in the query's period, oldest first: every entry touching the
     * merchant's pending, available or escrow account. Read-only. {@code PARAM_ERROR} for a period
     * longer than 31 days or reversed.
     */
    @ReadOnly
    Result<List<StatementLineDTO>> merchantStatement(MerchantStatementQry qry);
}
