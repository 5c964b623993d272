package io.paysuite.api.settlement;

import java.io.Serializable;
import java.time.LocalDate;

/** A merchant's settlements whose run date is in {@code [from, to]} (at most 366 days), oldest first. */
public record SettlementQry(String merchantId, LocalDate from, LocalDate to) implements Serializable {
}
