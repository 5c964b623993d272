package io.paysuite.cashier.page;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.BuyerLoginCmd;
import io.paysuite.api.member.MemberService;
import io.paysuite.cashier.api.error.Results;
import java.util.Optional;

/**
 * A phone and password posted on the login form → the buyer, or nobody. A wrong phone and a wrong
 * password read the same (the page must not confirm who has an account); a member-service fault is
 * thrown instead, so the buyer sees "try again", never "wrong password".
 */
public final class BuyerLogins {

    private final MemberService members;

    BuyerLogins(MemberService members) {
        this.members = members;
    }

    public Optional<BuyerDTO> login(String phone, String password) {
        if (phone == null || phone.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        Result<BuyerDTO> result = members.login(new BuyerLoginCmd(phone.trim(), password));
        if (result != null && result.success()) {
            return Optional.of(result.data());
        }
        if (Outcome.of(result) == Outcome.UNKNOWN) {
            Results.unwrap(result); // a fault, not the buyer's mistake: the unavailable page
        }
        // LOGIN_FAILED, and PARAM_ERROR for a phone that cannot exist: the same "incorrect" text
        return Optional.empty();
    }
}
