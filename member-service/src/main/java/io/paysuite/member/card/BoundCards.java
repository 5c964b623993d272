package io.paysuite.member.card;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.BindCardCmd;
import io.paysuite.api.member.BoundCardDTO;
import io.paysuite.api.member.CardStatus;
import io.paysuite.api.member.CardTokenDTO;
import io.paysuite.api.member.CardTokenQry;
import io.paysuite.api.member.UnbindCardCmd;
import io.paysuite.member.buyer.BuyerFinder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A buyer's bound cards: bind, list, unbind, and the token behind a card for charging it.
 *
 * <p>Binding here is bookkeeping only. The binding itself happens at UnionPay (the ACP token-open
 * front transaction: the buyer enters the card number and the bank's SMS code on UnionPay's page,
 * and UnionPay answers a token); that flow is not built yet, and {@link #bind} is what it, or an
 * operator, calls once UnionPay has returned the token. No card number ever reaches this service.
 *
 * <p>The unique key (buyer, token) decides every race between bindings, as the phone does for
 * registrations: all may insert, one row is written, the others read it. A card of another buyer is
 * "no such card", worded exactly like a card that does not exist, so ids cannot be probed.
 */
public final class BoundCards {

    private final BoundCardRepository cards;
    private final BuyerFinder buyers;
    private final Clock clock;

    public BoundCards(BoundCardRepository cards, BuyerFinder buyers, Clock clock) {
        this.cards = cards;
        this.buyers = buyers;
        this.clock = clock;
    }

    public BoundCardDTO bind(BindCardCmd cmd) {
        CardRules.checkBinding(cmd);
        String buyerId = buyers.get(cmd.buyerId()).buyerId();
        Optional<BoundCard> bound = cards.findByToken(buyerId, cmd.unionpayToken());
        if (bound.isEmpty()) {
            bound = cards.insert(new NewCard(buyerId, cmd.unionpayToken(), cmd.maskedPan(), cmd.bankName(), cmd.cardType(),
                    now()));
            if (bound.isPresent()) {
                return bound.get().toDTO();
            }
            bound = cards.findByToken(buyerId, cmd.unionpayToken());
        }
        BoundCard first = bound.orElseThrow(() -> new IllegalStateException("card token reported taken but no card found"));
        return repeat(first, cmd);
    }

    public List<BoundCardDTO> list(String buyerId) {
        return cards.listActive(buyers.get(buyerId).buyerId()).stream().map(BoundCard::toDTO).toList();
    }

    public BoundCardDTO unbind(UnbindCardCmd cmd) {
        CardRules.require(cmd != null, "request", "is required");
        BoundCard card = ownCard(cmd.buyerId(), cmd.cardId());
        if (card.isActive()) {
            cards.transition(card.number(), CardStatus.ACTIVE, CardStatus.UNBOUND, now()); // a miss: a concurrent unbind did it
            card = reread(card);
        }
        return card.toDTO();
    }

    public CardTokenDTO resolveToken(CardTokenQry qry) {
        CardRules.require(qry != null, "request", "is required");
        BoundCard card = ownCard(qry.buyerId(), qry.cardId());
        if (!card.isActive()) {
            throw noSuchCard();
        }
        return card.toToken();
    }

    /** The same token again: the same card if it is the same card number, made active if it was unbound. */
    private BoundCardDTO repeat(BoundCard first, BindCardCmd cmd) {
        if (!first.maskedPan().equals(cmd.maskedPan())) {
            throw new BizException(ErrorCode.PARAM_ERROR, "unionpay_token is already bound to " + first.cardId()
                    + " with another masked_pan");
        }
        if (first.isActive()) {
            return first.toDTO();
        }
        cards.rebind(first.number(), cmd.bankName(), cmd.cardType(), now()); // a miss: a concurrent bind did it
        return reread(first).toDTO();
    }

    private BoundCard ownCard(String buyerId, String cardId) {
        CardRules.require(buyerId != null && !buyerId.isBlank(), "buyer_id", "is required");
        CardRules.require(cardId != null && !cardId.isBlank(), "card_id", "is required");
        return CardIds.parse(cardId).stream()
                .mapToObj(cards::findByNumber)
                .flatMap(Optional::stream)
                .filter(card -> card.buyerId().equals(buyerId))
                .findFirst()
                .orElseThrow(BoundCards::noSuchCard);
    }

    private BoundCard reread(BoundCard card) {
        return cards.findByNumber(card.number()).orElseThrow(() ->
                new IllegalStateException("card " + card.cardId() + " vanished"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS); // what DATETIME(3) keeps
    }

    private static BizException noSuchCard() {
        // the same answer for every reason: another buyer's card must not be told from a missing one
        return new BizException(ErrorCode.CARD_NOT_FOUND, "card_id: no such card for this buyer");
    }
}
