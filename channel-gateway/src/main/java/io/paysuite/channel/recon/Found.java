package io.paysuite.channel.recon;

import io.paysuite.api.recon.DifferenceKind;
import io.paysuite.api.recon.DifferenceType;

/**
 * A difference as one run of matching found it, before it is stored. Amounts are positive minor units, null on
 * the side that has no record.
 *
 * @param ourStatus our record's status name, null when we have none
 */
public record Found(DifferenceType type, DifferenceKind kind, String ourNo, Long ourAmount, String ourStatus, String channelNo,
                    Long channelAmount, String channelTradeNo) {

    /** The number both sides key it on: ours when we have a record, else the channel's. */
    public String number() {
        return ourNo != null ? ourNo : channelNo;
    }

    /** What identifies it within its batch across runs: the same number, kind and type is the same difference. */
    public String identity() {
        return kind + "/" + type + "/" + number();
    }
}
