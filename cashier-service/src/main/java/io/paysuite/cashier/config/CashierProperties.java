package io.paysuite.cashier.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.cashier.*}: the merchant edge. Defaults are the local run's; production sets
 * {@code keys.generate-if-missing: false} and mounts its keys.
 *
 * @param publicUrl   how merchants and buyers reach this service; {@code cashier_url} is built on it
 * @param zone        the offset merchants see in RFC 3339 times (WeChat Pay and Alipay answer in +08:00)
 * @param keys        where the platform signing key, its certificates, the TLS key store and the
 *                    cashier token secret live
 * @param api         limits of the open API
 * @param ops         the operators' bearer token
 * @param limits      per-merchant rate limits (Sentinel)
 */
@ConfigurationProperties("paysuite.cashier")
public record CashierProperties(
        @DefaultValue("https://127.0.0.1:8443") URI publicUrl,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue Keys keys,
        @DefaultValue Api api,
        @DefaultValue Ops ops,
        @DefaultValue Limits limits) {

    /**
     * @param dir               holds {@code platform-key.pem}, {@code platform-cert*.pem}, {@code tls.p12}
     *                          and {@code cashier-token.secret}
     * @param generateIfMissing create what is missing on first start (local run and tests). Every
     *                          instance sharing {@code dir} ends with the same files: creation is
     *                          an atomic rename that only the first instance wins
     * @param tlsSelfSigned     serve HTTPS with the generated self-signed certificate; production
     *                          sets false and configures {@code server.ssl.*} with its own key store
     */
    public record Keys(@DefaultValue(".paysuite/keys") Path dir,
                       @DefaultValue("true") boolean generateIfMissing,
                       @DefaultValue("true") boolean tlsSelfSigned) {
    }

    /**
     * @param bodyLimitBytes  API.md: bodies over 64 KiB answer {@code 413 BODY_TOO_LARGE}
     * @param timestampWindow API.md: ±300 s around the server clock
     * @param nonceTtl        API.md: a nonce may be used once per app within 15 minutes
     * @param appKeyCacheTtl  how long a verified app key is reused before member-service is asked
     *                        again (a revoked key stops working within this time)
     * @param allowHttpUrls   accept {@code http://} notify and return URLs (API.md: local profile only);
     *                        trade-core enforces it, this only documents the profile
     */
    public record Api(@DefaultValue("65536") int bodyLimitBytes,
                      @DefaultValue("300s") Duration timestampWindow,
                      @DefaultValue("15m") Duration nonceTtl,
                      @DefaultValue("60s") Duration appKeyCacheTtl,
                      @DefaultValue("true") boolean allowHttpUrls) {
    }

    /**
     * @param token     the bearer token of {@code /ops/api/v1}; wins over {@code tokenFile}
     * @param tokenFile a file holding it (the local run writes {@code .paysuite/ops-token})
     */
    public record Ops(String token, Path tokenFile) {
    }

    /**
     * @param defaultQps    requests per second each merchant may make when the config center has no rule
     * @param zookeeper     config-center address ({@code host:port}) holding the Sentinel rules
     * @param rulesPath     node whose JSON array of Sentinel {@code ParamFlowRule}s replaces the default
     *                      at run time
     */
    public record Limits(@DefaultValue("200") int defaultQps,
                         @DefaultValue("127.0.0.1:12181") String zookeeper,
                         @DefaultValue("/paysuite/config/sentinel/cashier-service/merchant-flow-rules") String rulesPath) {
    }
}
