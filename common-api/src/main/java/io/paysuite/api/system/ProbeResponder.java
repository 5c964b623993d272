package io.paysuite.api.system;

import java.lang.management.ManagementFactory;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The one implementation of {@link ServiceProbe}; the service kit exports it for every service
 * under the Dubbo group named after the service, so the probe logic is written once.
 */
public final class ProbeResponder implements ServiceProbe {

    private final String service;
    private final Callable<String> databaseCheck;
    private final Supplier<ServiceProbe> next;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName();

    /**
     * @param databaseCheck runs a round trip to the service's database and returns its name
     * @param next the next service in {@link ServiceProbe#RING}, as a Dubbo reference
     */
    public ProbeResponder(String service, Callable<String> databaseCheck, Supplier<ServiceProbe> next) {
        this.service = Objects.requireNonNull(service);
        this.databaseCheck = Objects.requireNonNull(databaseCheck);
        this.next = Objects.requireNonNull(next);
    }

    @Override
    public ProbeReply ping(String caller) {
        String database;
        boolean up;
        try {
            database = databaseCheck.call();
            up = true;
        } catch (Exception e) {
            database = e.getClass().getSimpleName() + ": " + e.getMessage();
            up = false;
        }
        return new ProbeReply(service, instance, up, database, System.currentTimeMillis());
    }

    @Override
    public RelayReply relay(String caller) {
        ProbeReply self = ping(caller);
        try {
            return new RelayReply(self, next.get().ping(service), null);
        } catch (RuntimeException e) {
            return new RelayReply(self, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
