package io.paysuite.accounting.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class EntryRulesTest {

    private final EntryRules rules = new EntryRules(Set.of("CNY"));
    private static final AccountRef FUNDING = new AccountRef(AccountType.PLATFORM_FUNDING, AccountRef.PLATFORM, "CNY");
    private static final AccountRef WALLET = new AccountRef(AccountType.BUYER_WALLET, "U1", "CNY");

    @Test
    void balancedEntryPassesWithADigestOfItsContent() {
        EntryDraft draft = rules.draft(fund("k1", 100, 100));
        assertThat(draft.digest()).hasSize(64).isEqualTo(rules.draft(fund("k1", 100, 100)).digest());
        assertThat(rules.draft(fund("k1", 101, 101)).digest()).isNotEqualTo(draft.digest());
    }

    @Test
    void debitsUnequalToCreditsAreRefusedAsUnbalanced() {
        refused(() -> rules.draft(fund("k", 100, 99)), ErrorCode.POSTING_UNBALANCED);
    }

    @Test
    void zeroOrNegativeLinesAreRefused() {
        refused(() -> rules.draft(fund("k", 0, 0)), ErrorCode.PARAM_ERROR);
        refused(() -> rules.draft(fund("k", -5, -5)), ErrorCode.PARAM_ERROR);
    }

    @Test
    void anUnsupportedCurrencyIsRefusedWithItsOwnCode() {
        AccountRef usdFunding = new AccountRef(AccountType.PLATFORM_FUNDING, AccountRef.PLATFORM, "USD");
        AccountRef usdWallet = new AccountRef(AccountType.BUYER_WALLET, "U1", "USD");
        refused(() -> rules.draft(new PostingCmd("k", "FUNDING", "F1", "USD",
                List.of(new PostingLine(usdFunding, Side.DEBIT, 1), new PostingLine(usdWallet, Side.CREDIT, 1)), null)),
                ErrorCode.CURRENCY_NOT_SUPPORTED);
    }

    @Test
    void aLineInAnotherCurrencyThanTheEntryIsRefused() {
        AccountRef usdWallet = new AccountRef(AccountType.BUYER_WALLET, "U1", "USD");
        refused(() -> rules.draft(new PostingCmd("k", "FUNDING", "F1", "CNY",
                List.of(new PostingLine(FUNDING, Side.DEBIT, 1), new PostingLine(usdWallet, Side.CREDIT, 1)), null)),
                ErrorCode.PARAM_ERROR);
    }

    @Test
    void linesWhoseSumOverflowsAreRefused() {
        refused(() -> rules.draft(new PostingCmd("k", "FUNDING", "F1", "CNY", List.of(
                new PostingLine(FUNDING, Side.DEBIT, Long.MAX_VALUE), new PostingLine(FUNDING, Side.DEBIT, 1),
                new PostingLine(WALLET, Side.CREDIT, Long.MAX_VALUE), new PostingLine(WALLET, Side.CREDIT, 1)), null)),
                ErrorCode.PARAM_ERROR);
    }

    @Test
    void aGeneralPostingMayNotPoseAsATradePosting() {
        refused(() -> rules.draft(new PostingCmd("k", "payment", "T1", "CNY",
                List.of(new PostingLine(FUNDING, Side.DEBIT, 1), new PostingLine(WALLET, Side.CREDIT, 1)), null)),
                ErrorCode.PARAM_ERROR);
    }

    @Test
    void missingKeyOrLinesAreRefused() {
        refused(() -> rules.draft(fund(" ", 1, 1)), ErrorCode.PARAM_ERROR);
        refused(() -> rules.draft(new PostingCmd("k", "FUNDING", "F1", "CNY", List.of(), null)), ErrorCode.PARAM_ERROR);
        refused(() -> rules.draft(null), ErrorCode.PARAM_ERROR);
    }

    private static PostingCmd fund(String key, long debit, long credit) {
        return new PostingCmd(key, "FUNDING", "F1", "CNY",
                List.of(new PostingLine(FUNDING, Side.DEBIT, debit), new PostingLine(WALLET, Side.CREDIT, credit)), "top up");
    }

    private static void refused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(BizException.class)
                .satisfies(e -> assertThat(((BizException) e).code()).isEqualTo(code));
    }
}
