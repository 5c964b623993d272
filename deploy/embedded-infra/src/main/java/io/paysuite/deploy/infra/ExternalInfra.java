package io.paysuite.deploy.infra;

import java.util.Objects;

/**
 * Servers someone else runs: a registry, databases, a RocketMQ name server and a Seata server, named
 * by their addresses. Nothing is started and {@link #close()} stops nothing.
 */
public record ExternalInfra(String registryAddress, String namesrvAddress, String seataAddress,
                            ExternalDatabases database) implements Infrastructure {

    public ExternalInfra {
        Objects.requireNonNull(registryAddress, "registryAddress");
        Objects.requireNonNull(namesrvAddress, "namesrvAddress");
        Objects.requireNonNull(database, "database");
        seataAddress = seataAddress == null ? "" : seataAddress;
    }

    @Override
    public void close() {
    }
}
