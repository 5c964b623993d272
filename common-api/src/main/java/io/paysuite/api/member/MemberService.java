package io.paysuite.api.member;

import io.paysuite.api.ReadOnly;
import io.paysuite.api.common.Result;
import java.util.List;

/**
 * Buyers over Dubbo (provider: member-service). Secrets (login and payment passwords) cross this
 * interface only on their way in; they are stored as slow hashes and never answered or logged.
 * Bound cards are kept as UnionPay tokens only (never a full card number); a token is answered by
 * {@link #resolveCardToken} alone, to the server that charges it.
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
    @ReadOnly
    Result<BuyerDTO> getBuyer(String buyerId);

    /**
     * The buyer registered with this phone (a wallet transfer's receiver), or {@code BUYER_NOT_FOUND};
     * {@code PARAM_ERROR} for a phone that cannot exist. Guarded (the kit's {@code GuardedCall}): only
     * the wallet's owner may ask, so the phone book cannot be walked from outside. Read-only.
     */
    @ReadOnly
    Result<BuyerDTO> buyerByPhone(String phone);

    /**
     * Check a buyer's payment password. A wrong one answers {@code PAY_PASSWORD_WRONG} with the
     * attempts left in the message; the fifth wrong one in a row locks payments for the configured
     * lockout and every check meanwhile answers {@code PAY_PASSWORD_LOCKED}, right password or not.
     * A right one resets the count. Concurrent wrong attempts are each counted (no lost updates).
     */
    Result<PayPasswordVerdict> verifyPayPassword(VerifyPayPasswordCmd cmd);

    /**
     * Bind a card to a buyer with the token UnionPay returned for it. This is what the card-binding
     * flow (UnionPay's token-open front transaction, where the buyer enters the card at UnionPay; not
     * built yet) or operators call once UnionPay has issued the token.
     * Idempotent on ({@code buyerId}, {@code unionpayToken}): a repeat answers the same card, made
     * {@code ACTIVE} again if it was unbound; the same token with another masked number answers
     * {@code PARAM_ERROR}. Bad input ({@code PARAM_ERROR}, naming the field): a token that is not 8–64
     * of {@code [0-9A-Za-z]} (pay-core's rule for a card token), a masked number that is not three to five
     * space-separated groups of four, asterisks in the middle, at most the first four and the last four
     * digits shown (a full card number must never be stored), a bank name not 1–32 characters, no card type. An unknown buyer answers
     * {@code BUYER_NOT_FOUND}.
     */
    Result<BoundCardDTO> bindCard(BindCardCmd cmd);

    /**
     * The buyer's {@code ACTIVE} cards, the earliest bound first (the cashier selects the first); an
     * empty list when there are none. An unknown buyer answers {@code BUYER_NOT_FOUND}. Read-only.
     */
    @ReadOnly
    Result<List<BoundCardDTO>> listCards(String buyerId);

    /**
     * Unbind one of the buyer's cards. Idempotent on ({@code buyerId}, {@code cardId}): a repeat
     * answers the card {@code UNBOUND} again. A card that does not exist or belongs to another buyer
     * answers {@code PARAM_ERROR} "no such card", the same for both, so card ids cannot be probed.
     */
    Result<BoundCardDTO> unbindCard(UnbindCardCmd cmd);

    /**
     * The UnionPay token of one of the buyer's {@code ACTIVE} cards, for charging it. A card that does
     * not exist, belongs to another buyer or is unbound answers {@code PARAM_ERROR} "no such card"
     * (never another buyer's token, never whether the card exists). Read-only.
     */
    @ReadOnly
    Result<CardTokenDTO> resolveCardToken(CardTokenQry qry);
}
