package io.paysuite.cashier.api.auth;

import io.paysuite.kit.shadow.ShadowContext;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.AppKeyDTO;
import io.paysuite.api.member.MerchantService;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.keys.KeyFiles;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The public key an app signs with, by ({@code app_id}, {@code serial_no}), from member-service.
 * Verified keys are reused for {@code paysuite.cashier.api.app-key-cache-ttl} so a busy merchant
 * does not cost a Dubbo call per request; unknown apps are not cached (they are cheap to refuse
 * again and must start working as soon as they are onboarded).
 */
@Component
public class AppKeys {

    /** A verified app key: who the merchant is and what verifies its signatures. */
    public record AppKey(String merchantId, String appId, String serialNo, PublicKey publicKey, Instant validUntil) {
    }

    private record Cached(AppKey key, Instant loadedAt) {
    }

    private final MerchantService merchants;
    private final OpenApiProperties properties;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public AppKeys(MerchantService merchants, OpenApiProperties properties, Clock clock) {
        this.merchants = merchants;
        this.properties = properties;
        this.clock = clock;
    }

    public AppKey find(String appId, String serialNo) {
        // the shadow side's keys are its own: a real key never opens it, nor a shadow key the real side
        String cacheKey = (ShadowContext.active() ? "shadow\n" : "") + appId + "\n" + serialNo;
        Instant now = clock.instant();
        Cached cached = cache.get(cacheKey);
        if (cached != null && cached.loadedAt().plus(properties.appKeyCacheTtl()).isAfter(now)) {
            return usable(cached.key(), now);
        }
        Result<AppKeyDTO> result = merchants.findAppKey(appId, serialNo);
        if (result != null && !result.success() && ErrorCode.APP_NOT_FOUND.code().equals(result.code())) {
            cache.remove(cacheKey);
            throw new BizException(ErrorCode.APP_NOT_FOUND, "no app " + appId + " with key " + serialNo);
        }
        AppKeyDTO dto = Results.unwrap(result);
        AppKey key = new AppKey(dto.merchantId(), dto.appId(), dto.serialNo(), KeyFiles.rsaPublicKey(dto.publicKeyPem()), dto.validUntil());
        cache.put(cacheKey, new Cached(key, now));
        return usable(key, now);
    }

    private static AppKey usable(AppKey key, Instant now) {
        if (key.validUntil() != null && !key.validUntil().isAfter(now)) {
            throw new BizException(ErrorCode.APP_NOT_FOUND, "key " + key.serialNo() + " of app " + key.appId() + " has expired");
        }
        return key;
    }
}
