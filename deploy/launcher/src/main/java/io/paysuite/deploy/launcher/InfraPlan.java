package io.paysuite.deploy.launcher;

import io.paysuite.deploy.infra.EmbeddedServer;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which embedded servers a run starts: none in the external mode; with someone else's registry
 * ({@link RegistryOverride}, e.g. {@code PAYSUITE_REGISTRY=nacos://…}) everything but ZooKeeper — the services, the
 * demo seed and the tests' client take that registry, the config center follows the registry address, Dubbo's
 * metadata follows the registry, Seata keeps its file registry and ShedLock its service database, so nothing would
 * connect to an embedded ZooKeeper; otherwise all four.
 */
final class InfraPlan {

    private InfraPlan() {
    }

    static Set<EmbeddedServer> embedded(SuiteConfig config, String registry) {
        if (config.external() != null) {
            return EnumSet.noneOf(EmbeddedServer.class);
        }
        Set<EmbeddedServer> servers = EnumSet.allOf(EmbeddedServer.class);
        if (registry != null && !registry.isBlank()) {
            servers.remove(EmbeddedServer.ZOOKEEPER);
        }
        return servers;
    }
}
