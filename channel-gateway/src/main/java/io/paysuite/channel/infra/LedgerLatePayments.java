package io.paysuite.channel.infra;

import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.money.Money;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.LatePaymentLedger;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link LatePaymentLedger} through the ledger's general posting: the late payment is Dr
 * {@code CHANNEL_CLEARING:<channel>} (the channel holds it) / Cr {@code ESCROW:PAYBACK} (owed back to a buyer,
 * never negative), key {@code LATE-<channel order no>}; the pay-back the mirror entry, key
 * {@code PAYBACK-<channel order no>}. A ledger that does not answer is "not yet": the caller asks again.
 */
@Component
public class LedgerLatePayments implements LatePaymentLedger {

    private static final Logger log = LoggerFactory.getLogger(LedgerLatePayments.class);
    static final String BIZ_TYPE = "CHANNEL_LATE_PAYMENT";
    static final String OWED_BACK = "PAYBACK";

    private final LedgerService ledger;

    public LedgerLatePayments(LedgerService ledger) {
        this.ledger = ledger;
    }

    @Override
    public boolean latePayment(ChannelOrder order, Money paid) {
        return post("LATE-" + order.channelOrderNo(), order, paid, AccountType.Side.DEBIT,
                "paid at " + order.channel() + " after the order was " + order.status() + "; owed back to the buyer");
    }

    @Override
    public boolean paidBack(ChannelOrder order, Money paid) {
        return post("PAYBACK-" + order.channelOrderNo(), order, paid, AccountType.Side.CREDIT,
                "late payment refunded to the buyer by " + order.channel());
    }

    private boolean post(String key, ChannelOrder order, Money paid, AccountType.Side clearingSide, String memo) {
        AccountType.Side other = clearingSide == AccountType.Side.DEBIT ? AccountType.Side.CREDIT : AccountType.Side.DEBIT;
        PostingCmd cmd = new PostingCmd(key, BIZ_TYPE, order.channelOrderNo(), paid.currency(), List.of(
                new PostingLine(new AccountRef(AccountType.CHANNEL_CLEARING, order.channel().name(), paid.currency()), clearingSide,
                        paid.minor()),
                new PostingLine(new AccountRef(AccountType.ESCROW, OWED_BACK, paid.currency()), other, paid.minor())), memo);
        try {
            Result<JournalEntryDTO> posted = ledger.post(cmd);
            if (posted.success()) {
                return true;
            }
            log.error("CHANNEL_ALARM ledger refused {} for channel order {}: {} {}", key, order.channelOrderNo(), posted.code(),
                    posted.message());
        } catch (RuntimeException unanswered) {
            log.warn("ledger did not answer {} for channel order {}; asked again: {}", key, order.channelOrderNo(), unanswered.toString());
        }
        return false;
    }
}
