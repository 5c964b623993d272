package io.paysuite.channel.recon;

import io.paysuite.api.recon.DifferenceKind;
import io.paysuite.api.recon.DifferenceType;

/**
 * A difference as one run of matching found it, before it is stored. Amounts are positive minor units, null on
 * the side that has no record.
 *
 * @param ourStatus     our record's status name, null when we have none
 * @param channelStatus what the bill says became of it, when the bill tells more than "it moved": a payout's
 *                      {@link #BILL_PAID} or {@link #BILL_RETURNED}; null for payments and refunds
 */
public record Found(DifferenceType type, DifferenceKind kind, String ourNo, Long ourAmount, String ourStatus, String channelNo,
                    Long channelAmount, String channelTradeNo, String channelStatus) {

    /** A payout transfer the bill shows leaving the account and not sent back (in that bill). */
    public static final String BILL_PAID = "PAID";
    /** A payout the bank sent back: the bill's return line. */
    public static final String BILL_RETURNED = "RETURNED";

    /** A payment's or refund's difference: the bill's line says the money moved. */
    public Found(DifferenceType type, DifferenceKind kind, String ourNo, Long ourAmount, String ourStatus, String channelNo,
                 Long channelAmount, String channelTradeNo) {
        this(type, kind, ourNo, ourAmount, ourStatus, channelNo, channelAmount, channelTradeNo, null);
    }

    /** The number both sides key it on: ours when we have a record, else the channel's. */
    public String number() {
        return ourNo != null ? ourNo : channelNo;
    }

    /** What identifies it within its batch across runs: the same number, kind and type is the same difference. */
    public String identity() {
        return kind + "/" + type + "/" + number();
    }
}
