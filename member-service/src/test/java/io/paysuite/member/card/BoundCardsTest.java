package io.paysuite.member.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.BindCardCmd;
import io.paysuite.api.member.BoundCardDTO;
import io.paysuite.api.member.CardStatus;
import io.paysuite.api.member.CardTokenQry;
import io.paysuite.api.member.CardType;
import io.paysuite.api.member.UnbindCardCmd;
import io.paysuite.member.buyer.BuyerFinder;
import io.paysuite.member.buyer.InMemoryBuyers;
import io.paysuite.member.buyer.NewBuyer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class BoundCardsTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final String TOKEN = "TOKEN6200000000000000";

    private final InMemoryBuyers buyers = new InMemoryBuyers();
    private final InMemoryCards cards = new InMemoryCards();
    private final BoundCards boundCards = new BoundCards(cards, new BuyerFinder(buyers), Clock.fixed(NOW, ZoneOffset.UTC));
    private final String ann = buyer("13800138000");
    private final String bob = buyer("13900139000");

    private String buyer(String phone) {
        return buyers.insert(new NewBuyer(phone, "h", "h", null, NOW)).orElseThrow().buyerId();
    }

    private static BindCardCmd card(String buyerId, String token, String maskedPan) {
        return new BindCardCmd(buyerId, token, maskedPan, "ICBC", CardType.DEBIT);
    }

    @Test
    void aBoundCardHasACardIdAndShowsOnlyItsMaskedNumber() {
        BoundCardDTO card = boundCards.bind(card(ann, TOKEN, "6222 **** **** 0000"));

        assertThat(card.cardId()).matches("C\\d{8,}");
        assertThat(card).isEqualTo(new BoundCardDTO(card.cardId(), ann, "6222 **** **** 0000", "ICBC", CardType.DEBIT,
                CardStatus.ACTIVE, NOW));
        assertThat(card.toString()).doesNotContain(TOKEN);
        assertThat(cards.findByToken(ann, TOKEN).orElseThrow().toString()).doesNotContain(TOKEN);
        assertThat(boundCards.resolveToken(new CardTokenQry(ann, card.cardId())).toString()).doesNotContain(TOKEN);
    }

    @Test
    void bindingTheSameTokenAgainAnswersTheSameCard() {
        BoundCardDTO first = boundCards.bind(card(ann, TOKEN, "6222 **** **** 0000"));

        assertThat(boundCards.bind(card(ann, TOKEN, "6222 **** **** 0000"))).isEqualTo(first);
        assertThat(boundCards.list(ann)).containsExactly(first);
    }

    @Test
    void theSameTokenWithAnotherCardNumberIsRefused() {
        boundCards.bind(card(ann, TOKEN, "6222 **** **** 0000"));

        assertRefused(() -> boundCards.bind(card(ann, TOKEN, "6222 **** **** 1234")), ErrorCode.PARAM_ERROR);
    }

    @Test
    void losingTheInsertRaceAnswersTheWinner() {
        BoundCardDTO[] winner = new BoundCardDTO[1];
        cards.beforeInsert = () -> {
            cards.beforeInsert = () -> { };
            winner[0] = boundCards.bind(card(ann, TOKEN, "6222 **** **** 0000")); // commits between our read and insert
        };

        BoundCardDTO mine = boundCards.bind(card(ann, TOKEN, "6222 **** **** 0000"));

        assertThat(mine).isEqualTo(winner[0]);
        assertThat(boundCards.list(ann)).hasSize(1);
    }

    @Test
    void tokensAreCaseSensitiveAndEachBuyerHasOwnCards() {
        BoundCardDTO upper = boundCards.bind(card(ann, "TOKENabc12340000", "6222 **** **** 0000"));
        BoundCardDTO lower = boundCards.bind(card(ann, "tokenABC12340000", "6222 **** **** 0000"));
        BoundCardDTO bobs = boundCards.bind(card(bob, "TOKENabc12340000", "6222 **** **** 0000"));

        assertThat(upper.cardId()).isNotEqualTo(lower.cardId()).isNotEqualTo(bobs.cardId());
        assertThat(boundCards.list(ann)).containsExactly(upper, lower);
        assertThat(boundCards.list(bob)).containsExactly(bobs);
    }

    @Test
    void theListHoldsActiveCardsEarliestFirstAndABuyerWithoutCardsGetsAnEmptyList() {
        BoundCardDTO first = boundCards.bind(card(ann, "TOKEN62000000000000A", "6222 **** **** 0000"));
        BoundCardDTO second = boundCards.bind(card(ann, "TOKEN62000000000000B", "4392 **** **** 1111"));
        boundCards.unbind(new UnbindCardCmd(ann, first.cardId()));

        assertThat(boundCards.list(ann)).containsExactly(second);
        assertThat(boundCards.list(bob)).isEmpty();
    }

    @Test
    void unbindIsIdempotentAndAnUnboundCardHasNoToken() {
        BoundCardDTO card = boundCards.bind(card(ann, TOKEN, "6222 **** **** 0000"));

        BoundCardDTO unbound = boundCards.unbind(new UnbindCardCmd(ann, card.cardId()));
        BoundCardDTO again = boundCards.unbind(new UnbindCardCmd(ann, card.cardId()));

        assertThat(unbound.status()).isEqualTo(CardStatus.UNBOUND);
        assertThat(again).isEqualTo(unbound);
        assertRefused(() -> boundCards.resolveToken(new CardTokenQry(ann, card.cardId())), ErrorCode.CARD_NOT_FOUND);
    }

    @Test
    void bindingAnUnboundTokenAgainMakesTheSameCardActiveWithTheNewDetails() {
        BoundCardDTO card = boundCards.bind(card(ann, TOKEN, "6222 **** **** 0000"));
        boundCards.unbind(new UnbindCardCmd(ann, card.cardId()));

        BoundCardDTO rebound = boundCards.bind(new BindCardCmd(ann, TOKEN, "6222 **** **** 0000", "中国工商银行", CardType.CREDIT));

        assertThat(rebound.cardId()).isEqualTo(card.cardId());
        assertThat(rebound.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(rebound.bankName()).isEqualTo("中国工商银行");
        assertThat(boundCards.resolveToken(new CardTokenQry(ann, card.cardId())).unionpayToken()).isEqualTo(TOKEN);
    }

    @Test
    void theTokenIsAnsweredOnlyToTheCardsOwner() {
        BoundCardDTO card = boundCards.bind(card(ann, TOKEN, "6222 **** **** 0000"));

        assertThat(boundCards.resolveToken(new CardTokenQry(ann, card.cardId())).unionpayToken()).isEqualTo(TOKEN);
        BizException foreign = refusal(() -> boundCards.resolveToken(new CardTokenQry(bob, card.cardId())));
        BizException missing = refusal(() -> boundCards.resolveToken(new CardTokenQry(bob, "C99999999")));
        assertThat(foreign.code()).isEqualTo(ErrorCode.CARD_NOT_FOUND);
        assertThat(foreign.getMessage()).as("another buyer's card reads like no card at all").isEqualTo(missing.getMessage())
                .doesNotContain(TOKEN);
        assertRefused(() -> boundCards.resolveToken(new CardTokenQry(ann, "not-a-card")), ErrorCode.CARD_NOT_FOUND);
        assertRefused(() -> boundCards.resolveToken(new CardTokenQry(null, card.cardId())), ErrorCode.PARAM_ERROR);
    }

    @Test
    void anotherBuyerCannotUnbindACard() {
        BoundCardDTO card = boundCards.bind(card(ann, TOKEN, "6222 **** **** 0000"));

        assertRefused(() -> boundCards.unbind(new UnbindCardCmd(bob, card.cardId())), ErrorCode.CARD_NOT_FOUND);
        assertThat(boundCards.list(ann)).containsExactly(card);
    }

    @Test
    void anUnknownBuyerIsBuyerNotFound() {
        assertRefused(() -> boundCards.bind(card("U99999999", TOKEN, "6222 **** **** 0000")), ErrorCode.BUYER_NOT_FOUND);
        assertRefused(() -> boundCards.list("U99999999"), ErrorCode.BUYER_NOT_FOUND);
        assertThat(cards.findByToken("U99999999", TOKEN)).isEmpty();
    }

    private static BizException refusal(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(BizException.class);
        return (BizException) thrown;
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
