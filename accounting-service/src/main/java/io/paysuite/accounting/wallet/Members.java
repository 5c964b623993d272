package io.paysuite.accounting.wallet;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.BoundCardDTO;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.CardStatus;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.member.VerifyPayPasswordCmd;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the wallet asks member-service: the payment password, a receiver by phone, a buyer's active card.
 * A definite refusal is passed on with member-service's code (the caller's answer); a call that threw or
 * timed out is {@code SYSTEM_ERROR}, which callers read as unknown — nothing has moved yet either way.
 */
public final class Members {

    private final MemberService members;

    public Members(MemberService members) {
        this.members = members;
    }

    void verifyPayPassword(String buyerId, String payPassword) {
        call(() -> members.verifyPayPassword(new VerifyPayPasswordCmd(buyerId, payPassword)));
    }

    BuyerDTO byPhone(String phone) {
        return call(() -> members.buyerByPhone(phone));
    }

    BuyerDTO buyer(String buyerId) {
        return call(() -> members.getBuyer(buyerId));
    }

    /** The buyer's active card, or {@code CARD_NOT_FOUND} (another buyer's card reads the same). */
    BoundCardDTO activeCard(String buyerId, String cardId) {
        List<BoundCardDTO> cards = call(() -> members.listCards(buyerId));
        return cards.stream().filter(c -> c.cardId().equals(cardId) && c.status() == CardStatus.ACTIVE).findFirst()
                .orElseThrow(() -> new BizException(ErrorCode.CARD_NOT_FOUND, "no active card " + cardId));
    }

    private static <T> T call(Supplier<Result<T>> remote) {
        Result<T> result;
        try {
            result = remote.get();
        } catch (RuntimeException e) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "member-service did not answer: " + e.getClass().getSimpleName());
        }
        if (result == null) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "member-service did not answer");
        }
        if (!result.success()) {
            throw new BizException(result.code(), result.message());
        }
        return result.data();
    }
}
