package io.paysuite.channel.infra.recon;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.channel.payout.Payout;
import io.paysuite.channel.recon.ReconDifference;
import io.paysuite.channel.recon.ReconciliationLedger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link ReconciliationLedger} through the ledger's general posting ({@code LedgerService.post}), each entry under
 * the caller's deterministic key. Amounts of either sign become positive lines on the side they belong to.
 */
@Component
public class LedgerReconciliation implements ReconciliationLedger {

    private static final Logger log = LoggerFactory.getLogger(LedgerReconciliation.class);
    static final String CLEARING = "CHANNEL_CLEARING";
    static final String DIFFERENCE = "RECONCILIATION";
    /** The escrow owner that holds late payments owed back to buyers (see {@code LedgerLatePayments}). */
    static final String OWED_BACK = "PAYBACK";

    private final LedgerService ledger;

    public LedgerReconciliation(LedgerService ledger) {
        this.ledger = ledger;
    }

    @Override
    public boolean clear(ChannelCode channel, LocalDate billDate, String postingKey, long net, long fee, String currency) {
        List<PostingLine> lines = new ArrayList<>();
        // net leaves what the channel owes us; net − fee arrives at the bank; the fee is our cost
        line(lines, new AccountRef(AccountType.CHANNEL_CLEARING, channel.name(), currency), AccountType.Side.CREDIT, net);
        line(lines, new AccountRef(AccountType.PLATFORM_BANK, AccountRef.PLATFORM, currency), AccountType.Side.DEBIT, net - fee);
        line(lines, new AccountRef(AccountType.CHANNEL_FEE_EXPENSE, channel.name(), currency), AccountType.Side.DEBIT, fee);
        if (lines.isEmpty()) {
            return true;
        }
        try {
            Result<JournalEntryDTO> posted = ledger.post(new PostingCmd(postingKey, CLEARING, channel + "-" + billDate, currency, lines,
                    "clearing of " + channel + "'s bill of " + billDate + ": settled " + (net - fee) + ", fee " + fee));
            if (posted.success()) {
                return true;
            }
            log.error("CHANNEL_ALARM ledger refused clearing {}: {} {}", postingKey, posted.code(), posted.message());
        } catch (RuntimeException unanswered) {
            log.warn("ledger did not answer clearing {}: {}", postingKey, unanswered.toString());
        }
        return false;
    }

    @Override
    public void settleDifference(ReconDifference d, String postingKey, long effect, boolean owedBack, String memo) {
        String currency = d.currency();
        AccountRef counter = owedBack ? new AccountRef(AccountType.ESCROW, OWED_BACK, currency)
                : new AccountRef(AccountType.CHANNEL_CLEARING, d.channel().name(), currency);
        AccountRef suspense = new AccountRef(AccountType.RECONCILIATION_SUSPENSE, AccountRef.PLATFORM, currency);
        List<PostingLine> lines = new ArrayList<>();
        // the channel holds more than we booked (effect > 0): Dr the counter account, Cr suspense; less: the mirror
        line(lines, counter, AccountType.Side.DEBIT, effect);
        line(lines, suspense, AccountType.Side.CREDIT, effect);
        post(postingKey, d, currency, lines, memo);
    }

    private void post(String postingKey, ReconDifference d, String currency, List<PostingLine> lines, String memo) {
        Result<JournalEntryDTO> posted;
        try {
            posted = ledger.post(new PostingCmd(postingKey, DIFFERENCE, d.found().number(), currency, lines, memo));
        } catch (RuntimeException unanswered) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "the ledger did not answer " + postingKey + "; nothing was resolved, try again");
        }
        if (!posted.success()) {
            throw new BizException(ErrorCode.fromWire(posted.code()), "the ledger refused " + postingKey + ": " + posted.message());
        }
    }

    @Override
    public void settlePayoutDifference(ReconDifference d, String postingKey, long bankEffect, Payout owner, String memo) {
        String currency = d.currency();
        AccountRef counter = owner == null ? new AccountRef(AccountType.RECONCILIATION_SUSPENSE, AccountRef.PLATFORM, currency)
                : new AccountRef(owner.purpose() == PayoutPurpose.WITHDRAWAL ? AccountType.BUYER_WALLET : AccountType.MERCHANT_AVAILABLE,
                        owner.ownerId(), currency);
        List<PostingLine> lines = new ArrayList<>();
        // the bank holds more than we booked (bankEffect > 0): Dr the bank, Cr the counter account; less: the mirror
        line(lines, new AccountRef(AccountType.PLATFORM_BANK, AccountRef.PLATFORM, currency), AccountType.Side.DEBIT, bankEffect);
        line(lines, counter, AccountType.Side.CREDIT, bankEffect);
        post(postingKey, d, currency, lines, memo);
    }

    @Override
    public boolean posted(String postingKey) {
        try {
            return ledger.entryByKey(postingKey).success();
        } catch (RuntimeException unanswered) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "the ledger did not answer about " + postingKey + "; try again");
        }
    }

    /** A signed amount as a positive line: on {@code side} when positive, on the other side when negative, none when 0. */
    private static void line(List<PostingLine> lines, AccountRef account, AccountType.Side side, long amount) {
        if (amount == 0) {
            return;
        }
        AccountType.Side other = side == AccountType.Side.DEBIT ? AccountType.Side.CREDIT : AccountType.Side.DEBIT;
        lines.add(new PostingLine(account, amount > 0 ? side : other, Math.abs(amount)));
    }
}
