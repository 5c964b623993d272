package io.paysuite.api.ledger;

import java.io.Serializable;
import java.time.Instant;

/**
 * One journal entry as the merchant sees it, in minor units. For every line
 * {@code gross = merchantDiscount + fee + net + held}:
 *
 * @param bizType          {@code PAYMENT}, {@code RELEASE} (a guarantee trade confirmed), {@code REFUND}, …
 * @param bizNo            the trade number
 * @param reference        the posting key: the pay order number of a payment, the refund number of a refund
 * @param gross            what buyers paid (+) or got back (−) at the trade's price: cash, coupons and points
 * @param fee              fee charged (+) or given back (−)
 * @param net              change of the merchant's pending settlement
 * @param held             change of what is held in escrow for the merchant (guarantee trades)
 * @param merchantDiscount a coupon the merchant funded (+ on the payment, − on the refund that returns the whole
 *                         trade): part of the price the merchant never receives; 0 on every other line
 */
public record StatementLineDTO(Instant postedAt, String bizType, String bizNo, String reference, String entryNo,
                               long gross, long fee, long net, long held, long merchantDiscount) implements Serializable {

    /** A line without a merchant discount. */
    public StatementLineDTO(Instant postedAt, String bizType, String bizNo, String reference, String entryNo,
                            long gross, long fee, long net, long held) {
        this(postedAt, bizType, bizNo, reference, entryNo, gross, fee, net, held, 0);
    }
}
