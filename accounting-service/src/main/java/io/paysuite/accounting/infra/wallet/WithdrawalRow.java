package io.paysuite.accounting.infra.wallet;

import java.time.LocalDateTime;

/** A {@code wallet_withdrawal} row (times in UTC). */
public class WithdrawalRow {
    public String withdrawalNo;
    public String buyerId;
    public String requestNo;
    public String cardId;
    public String cardLastFour;
    public long amountMinor;
    public String currency;
    public String status;
    public LocalDateTime createdAt;
    public LocalDateTime finishedAt;
}
