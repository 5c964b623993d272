package io.paysuite.api.system;

import io.paysuite.api.ReadOnly;

/**
 * Liveness across the suite: every service provides this interface under the Dubbo group named
 * after itself ({@code trade-core}, {@code pay-core}, ...). {@link #ping} answers from the
 * service alone (including a round trip to its own database); {@link #relay} additionally calls
 * the next service in the ring over Dubbo, which proves the registry and the consumer side work.
 * Read-only, so idempotent by nature.
 */
public interface ServiceProbe {

    /** The ring each relay follows: every service calls the next one. */
    String[] RING = {"cashier-service", "trade-core", "pay-core", "channel-gateway", "accounting-service", "member-service"};

    @ReadOnly
    ProbeReply ping(String caller);

    /** Pings the next service in {@link #RING} and returns both answers. */
    @ReadOnly
    RelayReply relay(String caller);

    static String next(String service) {
        for (int i = 0; i < RING.length; i++) {
            if (RING[i].equals(service)) {
                return RING[(i + 1) % RING.length];
            }
        }
        throw new IllegalArgumentException("not a Paysuite service: " + service);
    }
}
