package io.paysuite.deploy.infra;

/**
 * Where the suite's servers are: the registry, the database server(s), the RocketMQ name server and
 * Seata. {@link EmbeddedInfra} starts them itself; the launcher's external mode (and the integration
 * tests' Testcontainers profile) only names servers someone else runs. The services get the same
 * arguments either way, so a run against external servers exercises the same wiring.
 */
public interface Infrastructure extends AutoCloseable {

    /** {@code zookeeper://host:port} or {@code nacos://host:port}: the Dubbo registry address. */
    String registryAddress();

    /** {@code host:port[,host:port]}: the RocketMQ name server(s). */
    String namesrvAddress();

    /** {@code host:port} of the Seata server (no service joins a global transaction yet; printed only). */
    String seataAddress();

    /** The database server, or the set of servers each schema lives on. */
    DatabaseServer database();

    /**
     * ZooKeeper's connect string when the registry is ZooKeeper (the run-time rules are kept beside the
     * registry); refused for any other registry.
     */
    default String zookeeperConnectString() {
        String registry = registryAddress();
        if (!registry.startsWith("zookeeper://")) {
            throw new IllegalStateException("the registry is not ZooKeeper: " + registry);
        }
        return registry.substring("zookeeper://".length());
    }

    /** Restarts the RocketMQ broker gracefully; only servers this process started can be restarted. */
    default void restartBroker() {
        throw new UnsupportedOperationException("the broker is external: restart it through the platform that runs it");
    }

    /** Stops what this process started; external servers are left running. */
    @Override
    void close();
}
