package io.paysuite.deploy.launcher;

import io.paysuite.deploy.infra.DatabaseServer;
import io.paysuite.deploy.infra.Infrastructure;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded servers with someone else's registry and config center: {@code PAYSUITE_REGISTRY=nacos://…} without
 * {@code PAYSUITE_INFRA=external} keeps the embedded database, broker and Seata and hands the services (and the demo
 * seed, and the tests' Dubbo client) this registry address instead of the embedded ZooKeeper's. That is how the suite
 * is tried against a real Nacos server without providing databases and a broker too (docs/operations.md "Running
 * against a Nacos built from source"). No embedded ZooKeeper starts then ({@link InfraPlan}).
 *
 * @param embedded the servers started by this process
 * @param registryAddress {@code nacos://host:port[?namespace=…&username=…&password=…]} or {@code zookeeper://host:port}
 */
public record RegistryOverride(Infrastructure embedded, String registryAddress) implements Infrastructure {

    public RegistryOverride {
        Objects.requireNonNull(embedded, "embedded");
        registryAddress = check(registryAddress);
    }

    /**
     * The registry named by {@code PAYSUITE_REGISTRY} when the launcher runs its embedded servers; empty when the
     * variable is unset or the external mode takes every server from the environment anyway.
     */
    public static Optional<String> fromEnvironment(Map<String, String> env) {
        String mode = env.getOrDefault(InfraEnvironment.MODE, "embedded").trim().toLowerCase(Locale.ROOT);
        String registry = env.get(InfraEnvironment.REGISTRY);
        if (mode.equals("external") || registry == null || registry.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(check(registry));
    }

    /** {@code embedded} itself when there is no override. */
    public static Infrastructure around(Infrastructure embedded, String registryAddress) {
        return registryAddress == null || registryAddress.isBlank() ? embedded : new RegistryOverride(embedded, registryAddress);
    }

    private static String check(String address) {
        String trimmed = address == null ? "" : address.trim();
        if (!trimmed.startsWith("nacos://") && !trimmed.startsWith("zookeeper://")) {
            throw new IllegalArgumentException(InfraEnvironment.REGISTRY + " must be nacos://host:port or zookeeper://host:port, not '"
                    + address + "'");
        }
        return trimmed;
    }

    @Override
    public String namesrvAddress() {
        return embedded.namesrvAddress();
    }

    @Override
    public String seataAddress() {
        return embedded.seataAddress();
    }

    @Override
    public DatabaseServer database() {
        return embedded.database();
    }

    @Override
    public void restartBroker() {
        embedded.restartBroker();
    }

    /** Stops the embedded servers; the registry is someone else's and keeps running. */
    @Override
    public void close() {
        embedded.close();
    }

    @Override
    public String toString() {
        return "registry " + printable(registryAddress) + " over " + embedded;
    }

    /** A registry address for log lines and the banner: its password masked. */
    public static String printable(String address) {
        return address.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
