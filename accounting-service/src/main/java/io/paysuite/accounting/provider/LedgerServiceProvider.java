package io.paysuite.accounting.provider;

import io.paysuite.accounting.ledger.EntryRules;
import io.paysuite.accounting.ledger.Journal;
import io.paysuite.accounting.ledger.LedgerLookups;
import io.paysuite.accounting.ledger.LedgerTrail;
import io.paysuite.accounting.ledger.MerchantFeeRates;
import io.paysuite.accounting.ledger.MerchantStatement;
import io.paysuite.accounting.ledger.TradeEntries;
import io.paysuite.api.ApiVersion;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountBalanceDTO;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.FeeRateCmd;
import io.paysuite.api.ledger.HoldSettlementCmd;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.MerchantStatementQry;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.RefundPostingCmd;
import io.paysuite.api.ledger.RefundReversalCmd;
import io.paysuite.api.ledger.ReleasePostingCmd;
import io.paysuite.api.ledger.StatementLineDTO;
import io.paysuite.api.ledger.TrialBalanceDTO;
import io.paysuite.api.trail.TrailEventDTO;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * {@link LedgerService} over Dubbo; what it throws is answered by the kit's {@code ErrorBoundaryFilter}.
 * A {@code SYSTEM_ERROR} leaves a posting's outcome unknown: the caller asks {@code entryByKey} or
 * repeats with the same key, which is safe.
 */
@DubboService(version = ApiVersion.DUBBO)
public class LedgerServiceProvider implements LedgerService {

    private final EntryRules rules;
    private final TradeEntries tradeEntries;
    private final Journal journal;
    private final LedgerLookups lookups;
    private final MerchantFeeRates feeRates;
    private final LedgerTrail trail;
    private final MerchantStatement statement;

    public LedgerServiceProvider(EntryRules rules, TradeEntries tradeEntries, Journal journal, LedgerLookups lookups,
                                 MerchantFeeRates feeRates, LedgerTrail trail, MerchantStatement statement) {
        this.rules = rules;
        this.tradeEntries = tradeEntries;
        this.journal = journal;
        this.lookups = lookups;
        this.feeRates = feeRates;
        this.trail = trail;
        this.statement = statement;
    }

    @Override
    public Result<JournalEntryDTO> post(PostingCmd cmd) {
        return Result.ok(journal.post(rules.draft(cmd)));
    }

    @Override
    public Result<JournalEntryDTO> postPayment(PaymentPostingCmd cmd) {
        return Result.ok(journal.post(tradeEntries.payment(cmd)));
    }

    @Override
    public Result<JournalEntryDTO> postRelease(ReleasePostingCmd cmd) {
        return Result.ok(journal.post(tradeEntries.release(cmd)));
    }

    @Override
    public Result<JournalEntryDTO> postAuthorisation(PaymentPostingCmd cmd) {
        return Result.ok(journal.post(tradeEntries.authorisation(cmd)));
    }

    @Override
    public Result<JournalEntryDTO> postHoldSettlement(HoldSettlementCmd cmd) {
        return Result.ok(journal.post(tradeEntries.holdSettlement(cmd)));
    }

    @Override
    public Result<JournalEntryDTO> postRefund(RefundPostingCmd cmd) {
        return Result.ok(journal.post(tradeEntries.refund(cmd)));
    }

    @Override
    public Result<JournalEntryDTO> postRefundReversal(RefundReversalCmd cmd) {
        return Result.ok(journal.post(tradeEntries.refundReversal(cmd)));
    }

    @Override
    public Result<JournalEntryDTO> entryByKey(String postingKey) {
        return Result.ok(lookups.entryByKey(postingKey));
    }

    @Override
    public Result<AccountBalanceDTO> balance(AccountRef account) {
        return Result.ok(lookups.balance(account));
    }

    @Override
    public Result<TrialBalanceDTO> trialBalance(String currency) {
        return Result.ok(lookups.trialBalance(currency));
    }

    @Override
    public Result<Integer> setFeeRate(FeeRateCmd cmd) {
        return Result.ok(feeRates.set(cmd));
    }

    @Override
    public Result<Integer> feeRate(String merchantId) {
        return Result.ok(feeRates.of(merchantId));
    }

    @Override
    public Result<List<TrailEventDTO>> trail(String bizNo) {
        return Result.ok(trail.trail(bizNo));
    }

    @Override
    public Result<List<StatementLineDTO>> merchantStatement(MerchantStatementQry qry) {
        return Result.ok(statement.of(qry));
    }
}
