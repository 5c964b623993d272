package io.paysuite.kit.access;

import java.nio.file.Path;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.internal-calls.*}: the suite's shared secret for internal Dubbo calls and who may
 * call the money-moving methods ({@link GuardedCall#DEFAULTS}).
 *
 * @param secretFile   a file holding the secret (Base64 of at least 16 random bytes); the local run
 *                     writes {@code keys/internal-call.key}, production mounts it from its secret store.
 *                     Without it this service signs nothing and refuses every guarded call.
 * @param extraCallers applications allowed on every guarded method besides the defaults (test suites
 *                     add their own client here; production leaves it empty)
 */
@ConfigurationProperties("paysuite.internal-calls")
public record InternalCallsProperties(Path secretFile, @DefaultValue Set<String> extraCallers) {
}
