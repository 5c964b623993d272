package io.paysuite.member.merchant;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.AddAppKeyCmd;
import io.paysuite.api.member.AppKeyDTO;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The keys that verify merchants' signed requests: lookup by (app, serial) and rotation.
 *
 * <p>Rotation adds a key beside the old ones (both verify until the old one is disabled), so a
 * merchant can switch signers without a window in which its requests fail. Adding is idempotent
 * on (app, serial): the same key under the same serial answers the stored key; the serial taken
 * by another key or app is refused. Without a serial the serial is the key's fingerprint
 * ({@link KeySerials}), so a repeat finds the same serial.
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

    private static BizException notFound(String appId, String serialNo) {
        return new BizException(ErrorCode.APP_NOT_FOUND, "no usable key " + serialNo + " for app " + appId);
    }
}
