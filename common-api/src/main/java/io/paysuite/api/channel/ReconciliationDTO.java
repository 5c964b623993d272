package io.paysuite.api.channel;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One channel day reconciled: what the bill says, what we hold, and every difference.
 *
 * @param billPayments   payment rows in the channel's bill
 * @param billPaidMinor  their sum in fen
 * @param ourPayments    our channel orders of that channel that succeeded that day
 * @param ourPaidMinor   their sum in fen
 * @param differences    empty when both sides agree row by row
 */
public record ReconciliationDTO(ChannelCode channel, LocalDate billDate, long billPayments, long billPaidMinor, long ourPayments,
                                long ourPaidMinor, List<Difference> differences) implements Serializable {

    public boolean balanced() {
        return differences.isEmpty();
    }

    /**
     * @param kind {@code MISSING_HERE} (paid at the channel, not SUCCESS here), {@code MISSING_AT_CHANNEL}
     *             (SUCCESS here, absent from the bill), {@code AMOUNT_MISMATCH}
     */
    public record Difference(String kind, String channelOrderNo, String channelTradeNo, long billMinor, long ourMinor)
            implements Serializable {
    }
}
