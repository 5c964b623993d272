package io.paysuite.member.buyer;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.BuyerDTO;

/** Reads a buyer by id; text that cannot be a buyer id is simply not found (it never reaches SQL). */
public final class BuyerFinder {

    private final BuyerRepository buyers;

    public BuyerFinder(BuyerRepository buyers) {
        this.buyers = buyers;
    }

    public BuyerDTO get(String buyerId) {
        return find(buyerId).toDTO();
    }

    /** The buyer registered with this phone (a wallet transfer's receiver); a malformed phone is PARAM_ERROR. */
    public BuyerDTO byPhone(String phone) {
        BuyerRules.checkPhone(phone);
        return buyers.findByPhone(phone).map(Buyer::toDTO)
                .orElseThrow(() -> new BizException(ErrorCode.BUYER_NOT_FOUND, "no buyer with that phone"));
    }

    Buyer find(String buyerId) {
        if (buyerId == null || buyerId.isBlank()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "buyer_id is required");
        }
        return BuyerIds.parse(buyerId).stream()
                .mapToObj(buyers::findByNumber)
                .flatMap(java.util.Optional::stream)
                .findFirst()
                .orElseThrow(() -> new BizException(ErrorCode.BUYER_NOT_FOUND, "no buyer " + buyerId));
    }
}
