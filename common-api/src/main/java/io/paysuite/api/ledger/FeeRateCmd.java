package io.paysuite.api.ledger;

import java.io.Serializable;

/** Set a merchant's fee rate in basis points (60 = 0.60 %), 0–10000. Idempotent: the last set wins. */
public record FeeRateCmd(String merchantId, int rateBps) implements Serializable {
}
