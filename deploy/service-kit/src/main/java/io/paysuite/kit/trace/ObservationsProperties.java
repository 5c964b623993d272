package io.paysuite.kit.trace;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.observations.*}: what the suite's observations cost beside their spans.
 *
 * @param untimed observation names that get no timer (no {@code <name>_seconds} meter): their spans,
 *                trace ids and propagation stay, only Micrometer's meter handler skips them. By default
 *                Dubbo's client and server calls and the kit's RocketMQ sends and deliveries, which no
 *                dashboard or alert reads, and whose timers were a fifth of what each of them cost (about 26
 *                a payment, sampled or not; see {@link UntimedObservations}). Set it empty to time them again.
 */
@ConfigurationProperties("paysuite.observations")
public record ObservationsProperties(
        @DefaultValue({"rpc.client.duration", "rpc.server.duration", MessageTrace.SEND, MessageTrace.CONSUME})
        Set<String> untimed) {
}
