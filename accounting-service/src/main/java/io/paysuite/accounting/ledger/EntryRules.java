package io.paysuite.accounting.ledger;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.money.Money;
import java.util.List;
import java.util.Set;

/**
 * What every entry must satisfy before it reaches the journal: a posting key, a supported
 * currency, lines that are each positive and in that currency, and debits equal to credits.
 * A refusal throws {@link BizException} before anything is written, so bad input changes nothing.
 */
public final class EntryRules {

    /** Column widths of journal_entry and account (V1__ledger.sql). */
    static final int MAX_KEY = 64;
    static final int MAX_OWNER = 64;
    static final int MAX_MEMO = 256;

    private final Set<String> currencies;

    /** @param currencies the ISO codes the ledger keeps accounts in (configuration: only CNY for now) */
    public EntryRules(Set<String> currencies) {
        this.currencies = Set.copyOf(currencies);
    }

    /** A general entry, checked. */
    public EntryDraft draft(PostingCmd cmd) {
        require(cmd != null, "command is required");
        requireText(cmd.bizType(), "bizType", 32);
        requireText(cmd.bizNo(), "bizNo", 64);
        require(!TradeEntryKind.isReserved(cmd.bizType()), "bizType " + cmd.bizType() + " is kept for trade postings");
        require(cmd.memo() == null || cmd.memo().length() <= MAX_MEMO, "memo longer than " + MAX_MEMO);
        require(cmd.lines() != null, "lines are required");
        StringBuilder content = new StringBuilder();
        for (PostingLine line : cmd.lines()) {
            require(line != null && line.account() != null && line.account().type() != null, "every line needs an account");
            content.append(line.account().code()).append(' ').append(line.side()).append(' ').append(line.amount()).append(';');
        }
        EntryDraft draft = new EntryDraft(cmd.postingKey(), cmd.bizType(), cmd.bizNo(), cmd.currency(), cmd.lines(), cmd.memo(),
                PostingDigest.of("POST", cmd.bizType(), cmd.bizNo(), cmd.currency(), content, cmd.memo()));
        return check(draft);
    }

    /** Checks an entry: key, currency, lines, balance; returns it unchanged. */
    public EntryDraft check(EntryDraft draft) {
        requireText(draft.postingKey(), "postingKey", MAX_KEY);
        requireCurrency(draft.currency());
        List<PostingLine> lines = draft.lines();
        require(!lines.isEmpty(), "an entry needs lines");
        long debits = 0;
        long credits = 0;
        for (PostingLine line : lines) {
            AccountRef account = line.account();
            require(account != null && account.type() != null, "every line needs an account type");
            require(line.side() != null, "every line needs a side");
            require(line.amount() > 0, "line amounts must be positive: " + line.amount() + " on " + account.code());
            requireText(account.ownerId(), "ownerId", MAX_OWNER);
            require(!account.ownerId().contains(":"), "ownerId must not contain ':'");
            require(draft.currency().equals(account.currency()),
                    "line in " + account.currency() + " in an entry in " + draft.currency());
            try {
                if (line.side() == AccountType.Side.DEBIT) {
                    debits = Math.addExact(debits, line.amount());
                } else {
                    credits = Math.addExact(credits, line.amount());
                }
            } catch (ArithmeticException overflow) {
                throw new BizException(ErrorCode.PARAM_ERROR, "entry total overflows");
            }
        }
        if (debits != credits) {
            throw new BizException(ErrorCode.POSTING_UNBALANCED, "debits " + debits + " != credits " + credits);
        }
        return draft;
    }

    /** A supported currency, else {@code CURRENCY_NOT_SUPPORTED}. */
    public void requireCurrency(String currency) {
        require(currency != null && !currency.isBlank(), "currency is required");
        if (!currencies.contains(currency)) {
            throw new BizException(ErrorCode.CURRENCY_NOT_SUPPORTED, "the ledger keeps no " + currency + " accounts");
        }
    }

    /** A positive amount in a supported currency. */
    public void requirePositive(Money amount, String name) {
        require(amount != null, name + " is required");
        requireCurrency(amount.currency());
        require(amount.minor() > 0, name + " must be positive: " + amount.minor());
    }

    static void requireText(String value, String name, int maxLength) {
        require(value != null && !value.isBlank(), name + " is required");
        require(value.length() <= maxLength, name + " longer than " + maxLength);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new BizException(ErrorCode.PARAM_ERROR, message);
        }
    }
}
