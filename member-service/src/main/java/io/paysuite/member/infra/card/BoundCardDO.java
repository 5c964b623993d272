package io.paysuite.member.infra.card;

import java.time.LocalDateTime;

/** A row of table {@code bound_card}. */
public class BoundCardDO {
    public Long id;
    public String buyerId;
    public String tokenFingerprint;
    public String tokenSealed;
    /** Only in rows from before V3, until {@link CardTokenSealer} seals them. */
    public String unionpayToken;
    public String maskedPan;
    public String bankName;
    public String cardType;
    public String status;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;

    @Override
    public String toString() {
        return "BoundCardDO[id=" + id + ", buyerId=" + buyerId + ", status=" + status + "]"; // never the token
    }
}
