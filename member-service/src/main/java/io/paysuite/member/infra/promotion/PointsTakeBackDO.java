package io.paysuite.member.infra.promotion;

import java.time.LocalDateTime;

/** A row of {@code points_take_back}. */
public class PointsTakeBackDO {
    public String refundNo;
    public String tradeNo;
    public String buyerId;
    public long pointsDue;
    public long pointsTaken;
    public long valueMinor;
    public String currency;
    public LocalDateTime createdAt;
}
