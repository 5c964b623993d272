package io.paysuite.kit.config;

import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paysuite.config-center.*}. The config center is normally the registry: with no
 * {@code address}, {@code dubbo.registry.address} names it ({@code zookeeper://…} or
 * {@code nacos://…}), so one property moves a service from the embedded ZooKeeper to Nacos.
 *
 * @param address  overrides the registry address, e.g. {@code nacos://config:8848?namespace=prod}
 *                 ({@code memory://}: in-process documents only)
 * @param root     ZooKeeper: the node under which a key's node lies
 * @param group    Nacos: the group of every rule document
 * @param timeout  connecting and reading
 */
@ConfigurationProperties("paysuite.config-center")
public record ConfigCenterProperties(String address,
                                     @DefaultValue("/paysuite/config") String root,
                                     @DefaultValue("PAYSUITE") String group,
                                     @DefaultValue("5s") Duration timeout) {

    /** The address in force: {@link #address} when set, else the registry's. */
    public ConfigCenterAddress resolve(String registryAddress) {
        return ConfigCenterAddress.parse(address != null && !address.isBlank() ? address : registryAddress);
    }

    /**
     * The config center at the address in force. With no address at all (a process started without
     * a registry, as some tools are) the documents live in the process: every rule is its default.
     */
    public ConfigCenter open(String registryAddress) {
        if ((address == null || address.isBlank()) && (registryAddress == null || registryAddress.isBlank())) {
            LoggerFactory.getLogger(ConfigCenterProperties.class)
                    .warn("no config center (neither paysuite.config-center.address nor dubbo.registry.address): rules are their defaults");
            return new LocalConfigCenter();
        }
        ConfigCenterAddress resolved = resolve(registryAddress);
        return switch (resolved.scheme()) {
            case ConfigCenterAddress.NACOS -> new NacosConfigCenter(resolved, group, timeout);
            case ConfigCenterAddress.MEMORY -> new LocalConfigCenter();
            default -> new ZookeeperConfigCenter(resolved.servers(), root, timeout);
        };
    }
}
