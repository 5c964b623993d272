package io.paysuite.member.merchant;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.MerchantDTO;
import io.paysuite.api.member.OnboardMerchantCmd;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Executes {@link OnboardMerchantCmd}: idempotent on the request number.
 *
 * <p>Nothing is checked-then-inserted: the merchant, app and key go in with one transaction and
 * the unique indexes decide. When the insert loses, the request number is read again: found with
 * the same digest, the first merchant is the answer; with another digest, {@code REQUEST_NO_USED}.
 * Not found means another unique key was taken: a merchant or app id the caller chose is refused
 * as {@code PARAM_ERROR}; a generated id that collided (a database number taken by a chosen
 * merchant id, or a random app id) is simply drawn again.
 */
public final class MerchantOnboarding {

    /** Generated ids collide only with ids callers chose; a few draws always get past them. */
    static final int ATTEMPTS = 3;

    private final MerchantRepository merchants;
    private final MerchantIds ids;
    private final Clock clock;

    public MerchantOnboarding(MerchantRepository merchants, MerchantIds ids, Clock clock) {
        this.merchants = merchants;
        this.ids = ids;
        this.clock = clock;
    }

    public MerchantDTO onboard(OnboardMerchantCmd cmd) {
        PublicKeyPem key = OnboardRules.check(cmd);
        String digest = OnboardDigest.of(cmd, key);
        Optional<Merchant> earlier = merchants.findByRequestNo(cmd.requestNo()); // shortcut for repeats only
        if (earlier.isPresent()) {
            return repeat(earlier.get(), digest);
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Merchant> inserted = merchants.insert(draft(cmd, key, digest));
            if (inserted.isPresent()) {
                return inserted.get().toDTO();
            }
            Optional<Merchant> winner = merchants.findByRequestNo(cmd.requestNo());
            if (winner.isPresent()) {
                return repeat(winner.get(), digest);
            }
            if (cmd.merchantId() != null && merchants.findByMerchantId(cmd.merchantId()).isPresent()) {
                throw new BizException(ErrorCode.PARAM_ERROR, "merchant_id " + cmd.merchantId() + " is already taken");
            }
            if (cmd.appId() != null && merchants.appExists(cmd.appId())) {
                throw new BizException(ErrorCode.PARAM_ERROR, "app_id " + cmd.appId() + " is already taken");
            }
        }
        throw new IllegalStateException("onboarding " + cmd.requestNo() + " kept colliding on generated ids");
    }

    private NewMerchant draft(OnboardMerchantCmd cmd, PublicKeyPem key, String digest) {
        String appId = cmd.appId() != null ? cmd.appId() : ids.newAppId();
        return new NewMerchant(cmd.requestNo(), digest, cmd.merchantId(), cmd.name(), appId,
                KeySerials.of(appId, key), key.pem(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private static MerchantDTO repeat(Merchant first, String digest) {
        if (!first.requestDigest().equals(digest)) {
            throw new BizException(ErrorCode.REQUEST_NO_USED,
                    "request_no " + first.requestNo() + " was used for a different onboarding request");
        }
        return first.toDTO();
    }
}
