package io.paysuite.member.buyer;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.BuyerLoginCmd;
import java.util.Optional;

/**
 * Executes {@link BuyerLoginCmd}. Every refusal is the same {@code LOGIN_FAILED}, and an unknown
 * phone still costs one slow hash comparison (against a hash of nothing anyone knows), so neither
 * the answer nor its timing tells whether the phone is registered.
 */
public final class BuyerLogin {

    private final BuyerRepository buyers;
    private final SecretHasher hasher;
    private final String decoyHash;

    public BuyerLogin(BuyerRepository buyers, SecretHasher hasher) {
        this.buyers = buyers;
        this.hasher = hasher;
        this.decoyHash = hasher.hash(java.util.UUID.randomUUID().toString());
    }

    public BuyerDTO login(BuyerLoginCmd cmd) {
        if (cmd == null || cmd.phone() == null || !BuyerRules.PHONE.matcher(cmd.phone()).matches()
                || !BuyerRules.isPasswordShaped(cmd.password())) {
            throw failed();
        }
        Optional<Buyer> buyer = buyers.findByPhone(cmd.phone());
        boolean passwordMatches = hasher.matches(cmd.password(), buyer.map(Buyer::loginPasswordHash).orElse(decoyHash));
        return buyer.filter(found -> passwordMatches)
                .map(Buyer::toDTO)
                .orElseThrow(BuyerLogin::failed);
    }

    private static BizException failed() {
        return new BizException(ErrorCode.LOGIN_FAILED, "phone or password is wrong");
    }
}
