package io.paysuite.member.infra.promotion;

/** A row of table {@code points_account} (the columns a balance needs). */
public class PointsAccountDO {
    public String buyerId;
    public long available;
    public long frozen;
}
