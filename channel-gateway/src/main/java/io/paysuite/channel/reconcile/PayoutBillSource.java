package io.paysuite.channel.reconcile;

import io.paysuite.api.channel.ChannelCode;
import java.time.LocalDate;
import java.util.List;

/** The payout channel's daily account bill, downloaded through the channel's official SDK and parsed. */
public interface PayoutBillSource {

    /** The channel the payouts go through, as batches name it. */
    ChannelCode channel();

    /**
     * Every transfer and return line of the bill of {@code billDate} (the channel's day, Beijing time); the account's
     * other movements are left out.
     *
     * @throws BillUnavailableException the channel did not hand the bill out
     * @throws BillFormatException      the file is not in the channel's format
     */
    List<PayoutBillRow> payoutRows(LocalDate billDate);
}
