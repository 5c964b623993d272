package io.paysuite.pay.infra.saga;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The combination Saga's engine ({@code paysuite.saga}).
 *
 * @param transOperationTimeout the Saga's global transaction timeout at the Seata coordinator: a run
 *                              not ended by then (pay-core killed mid-Saga) is driven forward by the
 *                              coordinator's recovery through any pay-core instance. The pay order's own
 *                              check usually finishes it first (both are idempotent); tests shorten it.
 * @param serviceInvokeTimeout  how long one step may take before the engine counts it unknown; above the
 *                              longest step (a channel charge asks up to 15 s)
 * @param poolSize              connections of the Saga log's own pool (first pay database)
 */
@ConfigurationProperties("paysuite.saga")
public record SagaProperties(
        @DefaultValue("30m") Duration transOperationTimeout,
        @DefaultValue("20s") Duration serviceInvokeTimeout,
        @DefaultValue("5") int poolSize) {
}
