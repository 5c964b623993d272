package io.paysuite.member.merchant;

import java.util.Optional;

/** Merchants with their first app and key; implemented in {@code infra.merchant}. */
public interface MerchantRepository {

    /**
     * Writes the merchant, its app and the app's key in one transaction. The unique indexes on
     * request number, merchant id, app id and serial number decide every race.
     *
     * @return the stored merchant, or empty when any of those keys is taken (nothing written)
     */
    Optional<Merchant> insert(NewMerchant merchant);

    Optional<Merchant> findByRequestNo(String requestNo);

    Optional<Merchant> findByMerchantId(String merchantId);

    boolean appExists(String appId);
}
