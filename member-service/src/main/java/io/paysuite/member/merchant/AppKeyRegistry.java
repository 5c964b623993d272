package io.paysuite.member.merchant;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.AddAppKeyCmd;
import io.paysuite.api.member.AppKeyDTO;
import io.paysuite.api.member.AppKeyRotationDTO;
import io.paysuite.api.member.RotateAppKeyCmd;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The keys that verify merchants' signed requests: lookup by (app, serial) and rotation.
 *
 * <p>Rotation adds a key beside the old ones (both verify until the old one is disabled), so a
 * merchant can switch signers without a window in which its requests fail. Adding is idempotent
 * on (app, serial): the same key under the same serial answers the stored key; the serial taken
 * by another key or app is refused. Without a serial the serial is the key's fingerprint
 * ({@link KeySerials}), so a repeat finds the same serial. {@link #rotate} adds a key and gives the others an end
 * ({@code valid_until}) after a grace period, so the old key stops verifying by itself.
 */
public final class AppKeyRegistry {

    private final AppKeyRepository keys;
    private final Clock clock;

    public AppKeyRegistry(AppKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** Unknown, disabled and not-currently-valid all answer the same {@code APP_NOT_FOUND}: a prober learns nothing. */
    public AppKeyDTO find(String appId, String serialNo) {
        if (!MerchantIds.isAppId(appId) || !KeySerials.isAcceptable(serialNo)) {
            throw notFound(appId, serialNo);
        }
        Instant now = clock.instant();
        return keys.findUsable(appId, serialNo)
                .filter(key -> key.isValidAt(now))
                .map(AppKey::toDTO)
                .orElseThrow(() -> notFound(appId, serialNo));
    }

    public AppKeyDTO add(AddAppKeyCmd cmd) {
        PublicKeyPem key = OnboardRules.check(cmd);
        String merchantId = keys.merchantOfUsableApp(cmd.appId())
                .orElseThrow(() -> new BizException(ErrorCode.APP_NOT_FOUND, "no usable app " + cmd.appId()));
        String serialNo = cmd.serialNo() != null ? cmd.serialNo() : KeySerials.of(cmd.appId(), key);
        AppKey candidate = new AppKey(merchantId, cmd.appId(), serialNo, key.pem(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
        if (keys.insert(candidate)) {
            return candidate.toDTO();
        }
        return keys.findBySerialNo(serialNo)
                .filter(stored -> stored.appId().equals(cmd.appId()) && key.sameKeyAs(stored.publicKeyPem()))
                .map(AppKey::toDTO)
                .orElseThrow(() -> new BizException(ErrorCode.PARAM_ERROR,
                        "serial_no " + serialNo + " is already registered for another key"));
    }

    /** The longest an old key may keep verifying after a rotation. */
    public static final Duration MAX_GRACE = Duration.ofDays(30);

    /**
     * Adds the new key, then retires the app's other keys at now + grace. Two steps, each idempotent: a repeat after a
     * failure between them finds the key added and retires the others then (never later than a first run would have
     * by more than the time between the two calls).
     */
    public AppKeyRotationDTO rotate(RotateAppKeyCmd cmd) {
        if (cmd == null || cmd.grace() == null || cmd.grace().isNegative() || cmd.grace().compareTo(MAX_GRACE) > 0) {
            throw new BizException(ErrorCode.PARAM_ERROR, "grace must be from 0 to " + MAX_GRACE.toDays() + " days");
        }
        AppKeyDTO added = add(new AddAppKeyCmd(cmd.appId(), null, cmd.publicKeyPem()));
        Instant until = clock.instant().plus(cmd.grace()).truncatedTo(ChronoUnit.MILLIS);
        int retiring = keys.retireOthers(cmd.appId(), added.serialNo(), until);
        return new AppKeyRotationDTO(added, retiring, until);
    }

    private static BizException notFound(String appId, String serialNo) {
        return new BizException(ErrorCode.APP_NOT_FOUND, "no usable key " + serialNo + " for app " + appId);
    }
}
