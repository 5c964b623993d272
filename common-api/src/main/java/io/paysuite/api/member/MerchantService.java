package io.paysuite.api.member;

import io.paysuite.api.ReadOnly;
import io.paysuite.api.common.Result;

/** Merchants, their apps and the apps' public keys over Dubbo (provider: member-service). */
public interface MerchantService {

    /**
     * Onboard a merchant with one app and its first public key. Idempotent on
     * {@code requestNo}: a repeat with the same content answers the first merchant; the same
     * {@code requestNo} with other content answers {@code REQUEST_NO_USED}. The public key must be
     * an RSA key of at least 2048 bits in PEM ({@code PARAM_ERROR} otherwise). {@code appId} may
     * be given (the local demo asks for {@code app_demo}) or left null to be generated.
     */
    Result<MerchantDTO> onboard(OnboardMerchantCmd cmd);

    /** The merchant with this id, or {@code MERCHANT_NOT_FOUND}. Read-only. */
    @ReadOnly
    Result<MerchantDTO> getMerchant(String merchantId);

    /**
     * The public key that verifies requests of {@code appId} signed with key {@code serialNo}, or
     * {@code APP_NOT_FOUND} when the app, the serial or its merchant is unknown or disabled.
     */
    @ReadOnly
    Result<AppKeyDTO> findAppKey(String appId, String serialNo);

    /** Add another public key to an app (key rotation); idempotent on (appId, serialNo). */
    Result<AppKeyDTO> addAppKey(AddAppKeyCmd cmd);

    /**
     * Rotate an app's key (operators): add the new public key and end the validity of the app's other keys after the
     * grace period (never extending a key that ends sooner). A repeat with the same key answers the same key and changes
     * nothing more. {@code APP_NOT_FOUND}, {@code PARAM_ERROR} (key, or a grace outside 0–30 days).
     */
    Result<AppKeyRotationDTO> rotateAppKey(RotateAppKeyCmd cmd);

    /** The merchant's settlement terms, account masked; T+1 and no account when never set. {@code MERCHANT_NOT_FOUND}. */
    @ReadOnly
    Result<SettlementTermsDTO> settlementTerms(String merchantId);

    /** Set the merchant's settlement terms (operators, onboarding); answers them masked. */
    Result<SettlementTermsDTO> setSettlementTerms(SettlementTermsCmd cmd);

    /**
     * The full settlement account, for the payout only (guarded: accounting-service); {@code MERCHANT_NOT_FOUND}
     * when the merchant or its account is missing.
     */
    Result<SettlementAccountDTO> settlementAccount(String merchantId);
}
