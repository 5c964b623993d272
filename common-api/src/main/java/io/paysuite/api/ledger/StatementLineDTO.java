package io.paysuite.api.ledger;

import java.io.Serializable;
import java.time.Instant;

/**
 * One journal entry as the merchant sees it, in minor units. For every line
 * {@code gross = fee + net + held}:
 *
 * @param bizType    {@code PAYMENT}, {@code RELEASE} (a guarantee trade confirmed), {@code REFUND}, …
 * @param bizNo      the trade number
 * @param reference  the posting key: the pay order number of a payment, the refund number of a refund
 * @param gross      money from buyers (+) or back to them (−)
 * @param fee        fee charged (+) or given back (−)
 * @param net        change of the merchant's pending settlement
 * @param held       change of what is held in escrow for the merchant (guarantee trades)
 */
public record StatementLineDTO(Instant postedAt, String bizType, String bizNo, String reference, String entryNo,
                               long gross, long fee, long net, long held) implements Serializable {
}
