package io.paysuite.accounting.wallet;

import io.paysuite.accounting.ledger.EntryDraft;
import io.paysuite.accounting.ledger.Journal;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.wallet.WalletTransferCmd;
import io.paysuite.api.wallet.WalletTransferDTO;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buyer to buyer: checks, the sender's payment password, the receiver by phone, then one journal entry
 * (Dr sender's wallet, Cr receiver's) posted in one local transaction with the transfer record and the
 * sender's day total ({@link Journal#post(EntryDraft, Runnable)}). The record's unique (sender, request
 * number) makes a repeat — sequential or in parallel — transfer once: the loser's transaction rolls back
 * whole and it answers the winner's record. The day's limit is the sum of the sender's transfers in the
 * wallet's zone, kept in a row the transaction updates conditionally (no lost update under parallel
 * transfers). Every refusal leaves nothing behind.
 */
public final class WalletTransfers {

    private static final Logger log = LoggerFactory.getLogger(WalletTransfers.class);

    private final Members members;
    private final TransferStore store;
    private final WalletEntries entries;
    private final Journal journal;
    private final WalletNumbers numbers;
    private final long dailyLimit;
    private final ZoneId zone;
    private final Clock clock;

    public WalletTransfers(Members members, TransferStore store, WalletEntries entries, Journal journal, WalletNumbers numbers,
                           long dailyLimit, ZoneId zone, Clock clock) {
        this.members = members;
        this.store = store;
        this.entries = entries;
        this.journal = journal;
        this.numbers = numbers;
        this.dailyLimit = dailyLimit;
        this.zone = zone;
        this.clock = clock;
    }

    public WalletTransferDTO transfer(WalletTransferCmd cmd) {
        WalletRules.require(cmd != null, "request is required");
        WalletRules.requireBuyer(cmd.fromBuyerId(), "from_buyer_id");
        WalletRules.requirePhone(cmd.toPhone());
        WalletRules.requireAmount(cmd.amount());
        WalletRules.requireRequestNo(cmd.requestNo());
        WalletRules.requirePayPassword(cmd.payPassword());
        members.verifyPayPassword(cmd.fromBuyerId(), cmd.payPassword());
        BuyerDTO receiver = members.byPhone(cmd.toPhone());
        WalletRules.require(!receiver.buyerId().equals(cmd.fromBuyerId()), "to_phone is the sender's own");
        Optional<WalletTransferDTO> earlier = store.findTransfer(cmd.fromBuyerId(), cmd.requestNo());
        if (earlier.isPresent()) {
            return repeat(earlier.get(), receiver.buyerId(), cmd);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String transferNo = numbers.transfer(cmd.fromBuyerId());
        EntryDraft draft = entries.transfer(transferNo, cmd.fromBuyerId(), receiver.buyerId(), cmd.amount());
        LocalDate day = LocalDate.ofInstant(now, zone);
        try {
            journal.post(draft, () -> store.record(new WalletTransferDTO(transferNo, cmd.fromBuyerId(),
                    receiver.buyerId(), cmd.amount(), cmd.requestNo(), draft.postingKey(), now), day, dailyLimit));
            log.info("wallet transfer done transfer_no={} from={} to={} amount={}", transferNo, cmd.fromBuyerId(),
                    receiver.buyerId(), cmd.amount());
            return new WalletTransferDTO(transferNo, cmd.fromBuyerId(), receiver.buyerId(), cmd.amount(), cmd.requestNo(),
                    draft.postingKey(), now);
        } catch (RuntimeException e) {
            // a parallel duplicate committed first (our insert hit its key): answer its record
            Optional<WalletTransferDTO> winner = e instanceof BizException ? Optional.empty()
                    : store.findTransfer(cmd.fromBuyerId(), cmd.requestNo());
            if (winner.isPresent()) {
                return repeat(winner.get(), receiver.buyerId(), cmd);
            }
            throw e;
        }
    }

    private static WalletTransferDTO repeat(WalletTransferDTO first, String toBuyerId, WalletTransferCmd cmd) {
        if (!first.toBuyerId().equals(toBuyerId) || !first.amount().equals(cmd.amount())) {
            throw new BizException(ErrorCode.REQUEST_NO_USED, "request_no " + cmd.requestNo() + " was used for another transfer");
        }
        return first;
    }
}
