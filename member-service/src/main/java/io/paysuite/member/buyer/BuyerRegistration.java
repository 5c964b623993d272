package io.paysuite.member.buyer;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.RegisterBuyerCmd;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Executes {@link RegisterBuyerCmd}: idempotent on the phone.
 *
 * <p>The unique index on {@code buyer.phone} decides every race: all concurrent registrations may
 * try to insert, exactly one row is written, the others read it. The read before the insert is
 * only a shortcut that spares a repeat the hashes; correctness never depends on it. A repeat
 * answers the first buyer when its login password matches the stored hash, else {@code PHONE_USED}
 * (a different person, or a different intent, must not receive someone else's account).
 */
public final class BuyerRegistration {

    private final BuyerRepository buyers;
    private final SecretHasher hasher;
    private final PayPasswordHasher payHasher;
    private final Clock clock;

    public BuyerRegistration(BuyerRepository buyers, SecretHasher hasher, PayPasswordHasher payHasher, Clock clock) {
        this.buyers = buyers;
        this.hasher = hasher;
        this.payHasher = payHasher;
        this.clock = clock;
    }

    public BuyerDTO register(RegisterBuyerCmd cmd) {
        BuyerRules.checkRegistration(cmd);
        Optional<Buyer> registered = buyers.findByPhone(cmd.phone());
        if (registered.isPresent()) {
            return repeat(registered.get(), cmd);
        }
        NewBuyer draft = new NewBuyer(cmd.phone(), hasher.hash(cmd.password()), payHasher.hash(cmd.payPassword()),
                cmd.nickname(), clock.instant().truncatedTo(ChronoUnit.MILLIS)); // what DATETIME(3) keeps
        Optional<Buyer> inserted = buyers.insert(draft);
        if (inserted.isPresent()) {
            return inserted.get().toDTO();
        }
        Buyer winner = buyers.findByPhone(cmd.phone()).orElseThrow(() ->
                new IllegalStateException("phone reported taken but no buyer found"));
        return repeat(winner, cmd);
    }

    private BuyerDTO repeat(Buyer first, RegisterBuyerCmd cmd) {
        if (!hasher.matches(cmd.password(), first.loginPasswordHash())) {
            throw new BizException(ErrorCode.PHONE_USED, "phone is already registered with another password");
        }
        return first.toDTO();
    }
}
