package io.paysuite.member.provider;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.common.Result;
import io.paysuite.api.member.BindCardCmd;
import io.paysuite.api.member.BoundCardDTO;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.BuyerLoginCmd;
import io.paysuite.api.member.CardTokenDTO;
import io.paysuite.api.member.CardTokenQry;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.member.PayPasswordVerdict;
import io.paysuite.api.member.RegisterBuyerCmd;
import io.paysuite.api.member.UnbindCardCmd;
import io.paysuite.api.member.VerifyPayPasswordCmd;
import io.paysuite.member.buyer.BuyerFinder;
import io.paysuite.member.buyer.BuyerLogin;
import io.paysuite.member.buyer.BuyerRegistration;
import io.paysuite.member.buyer.PayPasswordCheck;
import io.paysuite.member.card.BoundCards;
import java.util.List;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * {@link MemberService} over Dubbo (no group: consumers reference it without one); each call goes to one
 * executor, and what it throws is answered by the kit's {@code ErrorBoundaryFilter}, which never
 * logs arguments (they may carry passwords).
 */
@DubboService(version = ApiVersion.DUBBO)
public class MemberServiceProvider implements MemberService {

    private final BuyerRegistration registration;
    private final BuyerLogin login;
    private final BuyerFinder finder;
    private final PayPasswordCheck payPasswordCheck;
    private final BoundCards cards;

    public MemberServiceProvider(BuyerRegistration registration, BuyerLogin login, BuyerFinder finder,
                                 PayPasswordCheck payPasswordCheck, BoundCards cards) {
        this.registration = registration;
        this.login = login;
        this.finder = finder;
        this.payPasswordCheck = payPasswordCheck;
        this.cards = cards;
    }

    @Override
    public Result<BuyerDTO> registerBuyer(RegisterBuyerCmd cmd) {
        return Result.ok(registration.register(cmd));
    }

    @Override
    public Result<BuyerDTO> login(BuyerLoginCmd cmd) {
        return Result.ok(login.login(cmd));
    }

    @Override
    public Result<BuyerDTO> getBuyer(String buyerId) {
        return Result.ok(finder.get(buyerId));
    }

    @Override
    public Result<BuyerDTO> buyerByPhone(String phone) {
        return Result.ok(finder.byPhone(phone));
    }

    @Override
    public Result<PayPasswordVerdict> verifyPayPassword(VerifyPayPasswordCmd cmd) {
        return Result.ok(payPasswordCheck.verify(cmd));
    }

    @Override
    public Result<BoundCardDTO> bindCard(BindCardCmd cmd) {
        return Result.ok(cards.bind(cmd));
    }

    @Override
    public Result<List<BoundCardDTO>> listCards(String buyerId) {
        return Result.ok(cards.list(buyerId));
    }

    @Override
    public Result<BoundCardDTO> unbindCard(UnbindCardCmd cmd) {
        return Result.ok(cards.unbind(cmd));
    }

    @Override
    public Result<CardTokenDTO> resolveCardToken(CardTokenQry qry) {
        return Result.ok(cards.resolveToken(qry));
    }
}
