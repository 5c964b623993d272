package io.paysuite.member.buyer;

import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.RealNameStatus;
import java.time.Instant;

/**
 * A stored buyer. The hashes stay inside member-service: {@link #toDTO()} leaves them out and
 * {@link #toString()} does not print them, so a log line cannot leak them either.
 *
 * @param number          the database number; the buyer id is {@code U} + number ({@link BuyerIds})
 * @param payFailures     consecutive wrong payment passwords since the last right one or the last lock
 * @param payLockedUntil  payments are refused before this instant; null when never locked or cleared
 */
public record Buyer(
        long number,
        String phone,
        String loginPasswordHash,
        String payPasswordHash,
        String nickname,
        RealNameStatus realNameStatus,
        int payFailures,
        Instant payLockedUntil,
        Instant createdAt) {

    public String buyerId() {
        return BuyerIds.format(number);
    }

    public BuyerDTO toDTO() {
        return new BuyerDTO(buyerId(), PhoneMask.mask(phone), nickname, realNameStatus, createdAt);
    }

    @Override
    public String toString() {
        return "Buyer[" + buyerId() + ", phone=" + PhoneMask.mask(phone) + ", payFailures=" + payFailures
                + ", payLockedUntil=" + payLockedUntil + "]";
    }
}
