package io.paysuite.member.buyer;

import java.time.Instant;

/** A buyer about to be inserted: the database assigns its number. Secrets are already hashed. */
public record NewBuyer(String phone, String loginPasswordHash, String payPasswordHash, String nickname,
                       Instant createdAt) {

    @Override
    public String toString() {
        return "NewBuyer[phone=" + PhoneMask.mask(phone) + "]";
    }
}
