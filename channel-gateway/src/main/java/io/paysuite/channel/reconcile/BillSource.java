package io.paysuite.channel.reconcile;

import io.paysuite.api.channel.ChannelCode;
import java.time.LocalDate;
import java.util.List;

/** One channel's daily bill, downloaded through the channel's official SDK and parsed. */
public interface BillSource {

    ChannelCode channel();

    /**
     * Every detail row of the channel's bill of {@code billDate} (the channel's day, Beijing time).
     *
     * @throws BillUnavailableException the channel did not hand the bill out
     * @throws BillFormatException      the file is not in the channel's format
     */
    List<BillRow> rows(LocalDate billDate);
}
