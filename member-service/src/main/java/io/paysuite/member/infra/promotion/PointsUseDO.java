package io.paysuite.member.infra.promotion;

import java.time.LocalDateTime;

/** A row of table {@code points_use}. */
public class PointsUseDO {
    public Long id;
    public String useKey;
    public String buyerId;
    public String tradeNo;
    public long points;
    public long valueMinor;
    public String currency;
    public String status;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}
