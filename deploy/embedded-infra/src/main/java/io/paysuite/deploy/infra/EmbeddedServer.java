package io.paysuite.deploy.infra;

/** The servers {@link EmbeddedInfra} can start; a run starts only those it uses. */
public enum EmbeddedServer {
    /** The Dubbo registry and the config center of the run-time rules. */
    ZOOKEEPER,
    DATABASE,
    ROCKETMQ,
    SEATA
}
