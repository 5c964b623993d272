package io.paysuite.accounting.ledger;

import static io.paysuite.accounting.ledger.EntryRules.require;
import static io.paysuite.accounting.ledger.EntryRules.requireText;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountBalanceDTO;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.FeeRateCmd;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PaymentPostingCmd;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.RefundPostingCmd;
import io.paysuite.api.ledger.RefundReversalCmd;
import io.paysuite.api.ledger.ReleasePostingCmd;
import io.paysuite.api.ledger.TrialBalanceDTO;
import io.paysuite.api.trail.TrailEventDTO;
import java.util.List;
import java.util.function.Supplier;
import org.apache.dubbo.config.annotation.DubboService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LedgerService} over Dubbo, and accounting-service's single error boundary: a
 * {@link BizException} becomes {@code Result.fail(code)}; anything else is logged with its stack
 * trace and answered {@code SYSTEM_ERROR} (the posting's outcome is then unknown: the caller asks
 * {@code entryByKey} or repeats with the same key, which is safe).
 */
@DubboService
public class LedgerServiceProvider implements LedgerService {

    private static final Logger log = LoggerFactory.getLogger(LedgerServiceProvider.class);

    private final EntryRules rules;
    private final TradeEntries tradeEntries;
    private final Journal journal;
    private final Balances balances;
    private final FeeRates feeRates;
    private final LedgerTrail trail;
    private final MerchantStatement statement;

    public LedgerServiceProvider(EntryRules rules, TradeEntries tradeEntries, Journal journal, Balances balances,
                                 FeeRates feeRates, LedgerTrail trail, MerchantStatement statement) {
        this.rules = rules;
        this.tradeEntries = tradeEntries;
        this.journal = journal;
        this.balances = balances;
        this.feeRates = feeRates;
        this.trail = trail;
        this.statement = statement;
    }

    @Override
    public Result<JournalEntryDTO> post(PostingCmd cmd) {
        return answer("post", () -> journal.post(rules.draft(cmd)));
    }

    @Override
    public Result<JournalEntryDTO> postPayment(PaymentPostingCmd cmd) {
        return answer("postPayment", () -> journal.post(tradeEntries.payment(cmd)));
    }

    @Override
    public Result<JournalEntryDTO> postRelease(ReleasePostingCmd cmd) {
        return answer("postRelease", () -> journal.post(tradeEntries.release(cmd)));
    }

    @Override
    public Result<JournalEntryDTO> postRefund(RefundPostingCmd cmd) {
        return answer("postRefund", () -> journal.post(tradeEntries.refund(cmd)));
    }

    @Override
    public Result<JournalEntryDTO> postRefundReversal(RefundReversalCmd cmd) {
        return answer("postRefundReversal", () -> journal.post(tradeEntries.refundReversal(cmd)));
    }

    @Override
    public Result<JournalEntryDTO> entryByKey(String postingKey) {
        return answer("entryByKey", () -> {
            requireText(postingKey, "postingKey", EntryRules.MAX_KEY);
            return journal.entryByKey(postingKey)
                    .orElseThrow(() -> new BizException(ErrorCode.POSTING_NOT_FOUND, "no entry under " + postingKey));
        });
    }

    @Override
    public Result<AccountBalanceDTO> balance(AccountRef account) {
        return answer("balance", () -> {
            require(account != null && account.type() != null && account.ownerId() != null && account.currency() != null,
                    "account type, owner and currency are required");
            return balances.account(account.code()).map(AccountTotals::toDto)
                    .orElseThrow(() -> new BizException(ErrorCode.ACCOUNT_NOT_FOUND, "no account " + account.code()));
        });
    }

    @Override
    public Result<TrialBalanceDTO> trialBalance(String currency) {
        return answer("trialBalance", () -> {
            rules.requireCurrency(currency);
            return TrialBalance.of(currency, balances.accounts(currency));
        });
    }

    @Override
    public Result<Integer> setFeeRate(FeeRateCmd cmd) {
        return answer("setFeeRate", () -> {
            require(cmd != null, "command is required");
            requireText(cmd.merchantId(), "merchantId", EntryRules.MAX_OWNER);
            require(cmd.rateBps() >= 0 && cmd.rateBps() <= FeeRule.BPS_PER_UNIT, "rateBps must be 0–10000: " + cmd.rateBps());
            feeRates.set(cmd.merchantId(), cmd.rateBps());
            return cmd.rateBps();
        });
    }

    @Override
    public Result<List<TrailEventDTO>> trail(String bizNo) {
        return answer("trail", () -> trail.trail(bizNo));
    }

    private static <T> Result<T> answer(String operation, Supplier<T> work) {
        try {
            return Result.ok(work.get());
        } catch (BizException refused) {
            return Result.fail(refused.code(), refused.getMessage());
        } catch (RuntimeException fault) {
            log.error("LedgerService.{} failed with a system error", operation, fault);
            return Result.fail(ErrorCode.SYSTEM_ERROR, "system error; ask entryByKey or repeat with the same key");
        }
    }

    @Override
    public Result<List<io.paysuite.api.ledger.StatementLineDTO>> merchantStatement(io.paysuite.api.ledger.MerchantStatementQry qry) {
        return answer("merchantStatement", () -> statement.of(qry));
    }
}
