package io.paysuite.member.infra.promotion;

import java.time.LocalDateTime;

/** A row of {@code points_earning}. */
public class PointsEarningDO {
    public String tradeNo;
    public String buyerId;
    public long points;
    public long priceMinor;
    public long cashMinor;
    public String currency;
    public long refundedMinor;
    public long takenBack;
    public long forgiven;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}
