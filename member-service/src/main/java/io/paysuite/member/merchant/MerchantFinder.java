package io.paysuite.member.merchant;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.MerchantDTO;

/** Reads a merchant by id; text that cannot be a merchant id is simply not found. */
public final class MerchantFinder {

    private final MerchantRepository merchants;

    public MerchantFinder(MerchantRepository merchants) {
        this.merchants = merchants;
    }

    public MerchantDTO get(String merchantId) {
        if (merchantId == null || merchantId.isBlank()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "merchant_id is required");
        }
        return (MerchantIds.isMerchantId(merchantId) ? merchants.findByMerchantId(merchantId)
                : java.util.Optional.<Merchant>empty())
                .map(Merchant::toDTO)
                .orElseThrow(() -> new BizException(ErrorCode.MERCHANT_NOT_FOUND, "no merchant " + merchantId));
    }
}
