package io.paysuite.cashier.keys;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.cashier.keys.*}: where the platform signing key, its certificates, the TLS key
 * store and the cashier token secret live. Defaults are the local run's; production sets
 * {@code generate-if-missing: false} and mounts its keys.
 *
 * @param dir               holds {@code platform-key.pem}, {@code platform-cert*.pem}, {@code tls.p12}
 *                          and {@code cashier-token.secret}
 * @param generateIfMissing create what is missing on first start (local run and tests). Every
 *                          instance sharing {@code dir} ends with the same files: creation is
 *                          an atomic rename that only the first instance wins
 * @param tlsSelfSigned     serve HTTPS with the generated self-signed certificate; production
 *                          sets false and configures {@code server.ssl.*} with its own key store
 */
@ConfigurationProperties("paysuite.cashier.keys")
public record KeyProperties(@DefaultValue(".paysuite/keys") Path dir,
                            @DefaultValue("true") boolean generateIfMissing,
                            @DefaultValue("true") boolean tlsSelfSigned) {
}
