package io.paysuite.accounting.crosscheck;

import java.time.Instant;

/**
 * A trade waiting to be checked once the money path had time to settle.
 *
 * @param refundNo a refund an event named, checked with the trade ("" for none)
 * @param notedAt  when it was noted or last claimed: it is due once the settle delay has passed since
 * @param attempts looks already taken that disagreed (0: none yet)
 */
public record PendingCheck(String tradeNo, String refundNo, Instant notedAt, int attempts) {
}
