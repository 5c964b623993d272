package io.paysuite.accounting.infra.wallet;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A {@code wallet_transfer} row (times in UTC). */
public class TransferRow {
    public String transferNo;
    public String fromBuyerId;
    public String requestNo;
    public String toBuyerId;
    public long amountMinor;
    public String currency;
    public String postingKey;
    public LocalDate transferDay;
    public LocalDateTime createdAt;
}
