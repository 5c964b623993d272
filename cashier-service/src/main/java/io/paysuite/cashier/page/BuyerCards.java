package io.paysuite.cashier.page;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.BoundCardDTO;
import io.paysuite.api.member.CardTokenDTO;
import io.paysuite.api.member.CardTokenQry;
import io.paysuite.api.member.MemberService;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logged-in buyer's bound cards, as the pay form lists them and as the pay post charges them.
 *
 * <p>The page only ever holds card ids and masked numbers. The UnionPay token is looked up here, on
 * the server, for the buyer of the session and at the moment of paying: a card id posted by a
 * browser (or forged) can only pay with a card of that buyer, because member-service answers "no
 * such card" for any other, the same as for a card that does not exist. Tokens are never logged.
 */
public final class BuyerCards {

    private static final Logger log = LoggerFactory.getLogger(BuyerCards.class);
    /** member-service's card id format; anything else is not sent there. */
    private static final Pattern CARD_ID = Pattern.compile("C[1-9]\\d{0,17}");

    private final MemberService members;

    BuyerCards(MemberService members) {
        this.members = members;
    }

    /** The cards to list; when member-service cannot answer, only the card method is unavailable, not the form. */
    public CardChoices choicesFor(String buyerId) {
        Result<List<BoundCardDTO>> result;
        try {
            result = members.listCards(buyerId);
        } catch (RpcException e) {
            log.warn("bound cards unavailable buyer_id={} rpc_code={}", buyerId, e.getCode());
            return CardChoices.unavailable();
        }
        if (result == null || !result.success() || result.data() == null) {
            log.warn("bound cards unavailable buyer_id={} code={}", buyerId, result == null ? null : result.code());
            return CardChoices.unavailable();
        }
        return CardChoices.of(result.data());
    }

    /** The token to charge for {@code cardId}, or the refusal to show: nothing has been sent to pay-core yet. */
    public CardToken tokenOf(String buyerId, String cardId) {
        if (cardId == null || cardId.isBlank()) {
            return new CardToken.Refused(PayRefusal.of("error.CARD_REQUIRED"));
        }
        if (!CARD_ID.matcher(cardId).matches()) {
            return new CardToken.Refused(PayRefusal.of("error.CARD_UNAVAILABLE"));
        }
        Result<CardTokenDTO> result;
        try {
            result = members.resolveCardToken(new CardTokenQry(buyerId, cardId));
        } catch (RpcException e) {
            log.warn("card token unavailable buyer_id={} card_id={} rpc_code={}", buyerId, cardId, e.getCode());
            return new CardToken.Refused(PayRefusal.of("error.SERVICE_BUSY"));
        }
        if (result != null && result.success() && result.data() != null) {
            return new CardToken.Found(result.data().unionpayToken());
        }
        if (result != null && ErrorCode.CARD_NOT_FOUND.code().equals(result.code())) {
            // unbound meanwhile, another buyer's, or never existed: member-service does not say which
            return new CardToken.Refused(PayRefusal.of("error.CARD_UNAVAILABLE"));
        }
        log.warn("card token unavailable buyer_id={} card_id={} code={}", buyerId, cardId, result == null ? null : result.code());
        return new CardToken.Refused(PayRefusal.of("error.SERVICE_BUSY"));
    }
}
