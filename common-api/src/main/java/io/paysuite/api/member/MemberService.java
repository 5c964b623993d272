package io.paysuite.api.member;

import io.paysuite.api.common.Result;

/**
 * Buyers over Dubbo (provider: member-service). Secrets (login and payment passwords) cross this
 * interface only on their way in; they are stored as slow hashes and never answered or logged.
 */
public interface MemberService {

    /**
     * Register a buyer. Idempotent on {@code phone}: a repeat with the same phone and the same
     * login password answers the first buyer; the same phone with another password answers
     * {@code PHONE_USED}. Bad input (phone not 6–20 digits, password shorter than 8, payment
     * password not 6 digits) answers {@code PARAM_ERROR}.
     */
    Result<BuyerDTO> registerBuyer(RegisterBuyerCmd cmd);

    /** The buyer with this phone and login password, or {@code LOGIN_FAILED} (never says which was wrong). */
    Result<BuyerDTO> login(BuyerLoginCmd cmd);

    /** The buyer with this id, or {@code BUYER_NOT_FOUND}. Read-only. */
    Result<BuyerDTO> getBuyer(String buyerId);

    /**
     * Check a buyer's payment password. A wrong one answers {@code PAY_PASSWORD_WRONG} with the
     * attempts left in the message; the fifth wrong one in a row locks payments for the configured
     * lockout and every check meanwhile answers {@code PAY_PASSWORD_LOCKED}, right password or not.
     * A right one resets the count. Concurrent wrong attempts are each counted (no lost updates).
     */
    Result<PayPasswordVerdict> verifyPayPassword(VerifyPayPasswordCmd cmd);
}
