package io.paysuite.sandbox.unionpay;

import io.paysuite.sandbox.SandboxProperties;

/**
 * One acquiring institution the sandbox plays UnionPay's gateway through. Each has its own merchant, merchant key,
 * transactions, faults, notifications and bill; all of them share UnionPay's platform key, as real acquirers do.
 *
 * @param channel   the sandbox channel name: faults, {@code /orders}, {@code /notifications} and {@code /bills} use it
 * @param basePath  what precedes {@code /gateway/api/*.do} in its URLs ({@code ""} for the first acquirer)
 * @param configKey the configuration prefix its settings come from, named when its keys are missing
 * @param config    its settings
 */
record UnionPayAcquirer(String channel, String basePath, String configKey, SandboxProperties.UnionPay config) {
}
