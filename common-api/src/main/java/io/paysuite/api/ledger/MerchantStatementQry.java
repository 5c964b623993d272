package io.paysuite.api.ledger;

import java.io.Serializable;
import java.time.Instant;

/**
 * A merchant's ledger movements posted in {@code [from, to)} in one currency (the merchant's
 * daily statement: {@code GET /api/v1/bills/{yyyy-MM-dd}}). At most 31 days.
 */
public record MerchantStatementQry(String merchantId, String currency, Instant from, Instant to) implements Serializable {
}
