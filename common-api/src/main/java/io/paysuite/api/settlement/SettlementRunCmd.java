package io.paysuite.api.settlement;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * Settle what is due on {@code date} for every merchant (merchant + date is the idempotency key: a
 * re-run answers the settlements already made and settles only merchants not yet settled for it).
 *
 * @param operator who asked (an ops token's holder, or {@code scheduler}); written into the entries' memo
 */
public record SettlementRunCmd(LocalDate date, String operator) implements Serializable {
}
