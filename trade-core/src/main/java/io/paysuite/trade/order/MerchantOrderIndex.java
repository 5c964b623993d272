package io.paysuite.trade.order;

import java.util.Optional;

/**
 * Merchant order number → trade number, unique per merchant. Implemented in {@code infra} over
 * the {@code trade_merchant_index} tables, sharded by the merchant so a lookup reads one table.
 */
public interface MerchantOrderIndex {

    /**
     * Claim the merchant order number. The unique key decides a race between duplicates.
     *
     * @return empty when this call inserted {@code entry}; otherwise the entry that was there first
     */
    Optional<MerchantOrderEntry> claim(MerchantOrderEntry entry);

    Optional<MerchantOrderEntry> find(String merchantId, String outTradeNo);
}
