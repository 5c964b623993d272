package io.paysuite.cashier.api.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.cashier.api.*}: limits of the open API (docs/api/API.md).
 *
 * @param bodyLimitBytes  bodies over 64 KiB answer {@code 413 BODY_TOO_LARGE}
 * @param timestampWindow ±300 s around the server clock
 * @param nonceTtl        a nonce may be used once per app within 15 minutes
 * @param appKeyCacheTtl  how long a verified app key is reused before member-service is asked
 *                        again (a revoked key stops working within this time)
 * @param allowHttpUrls   accept {@code http://} notify and return URLs (local profile only);
 *                        trade-core enforces it, this only documents the profile
 */
@ConfigurationProperties("paysuite.cashier.api")
public record OpenApiProperties(@DefaultValue("65536") int bodyLimitBytes,
                                @DefaultValue("300s") Duration timestampWindow,
                                @DefaultValue("15m") Duration nonceTtl,
                                @DefaultValue("60s") Duration appKeyCacheTtl,
                                @DefaultValue("true") boolean allowHttpUrls) {
}
