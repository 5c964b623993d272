package io.paysuite.cashier.ops;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code paysuite.cashier.ops.*}: the operators' bearer token.
 *
 * @param token     the bearer token of {@code /ops/api/v1}; wins over {@code tokenFile}
 * @param tokenFile a file holding it (the local run writes {@code .paysuite/ops-token})
 */
@ConfigurationProperties("paysuite.cashier.ops")
public record OpsProperties(String token, Path tokenFile) {
}
