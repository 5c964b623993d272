package io.paysuite.kit.config;

import com.alibaba.nacos.api.NacosFactory;
import com.alibaba.nacos.api.PropertyKeyConst;
import com.alibaba.nacos.api.config.ConfigService;
import com.alibaba.nacos.api.config.ConfigType;
import com.alibaba.nacos.api.config.listener.AbstractListener;
import com.alibaba.nacos.api.exception.NacosException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The config center on Nacos config, for production: the document under key {@code k} is the
 * configuration with data id {@code k} with every {@code /} turned into {@code .} (Nacos data ids
 * allow no slash) in group {@code paysuite.config-center.group} (default {@code PAYSUITE}), type
 * JSON, in the namespace the address names ({@code nacos://host:8848?namespace=…}). The official
 * client ({@code nacos-client}'s {@link ConfigService}) does the long polling / gRPC push and the
 * local failover snapshot; it is the client Dubbo's Nacos registry already brings.
 *
 * <p>The client is created on first use: a service with no rules opens no second connection.
 */
public final class NacosConfigCenter implements ConfigCenter {

    private static final Logger log = LoggerFactory.getLogger(NacosConfigCenter.class);

    private final Supplier<ConfigService> factory;
    private final String group;
    private final Duration timeout;
    private final String description;
    private ConfigService service;

    /** Over a client built from the address ({@code servers}, {@code namespace}, {@code username}, {@code password}). */
    public NacosConfigCenter(ConfigCenterAddress address, String group, Duration timeout) {
        this(() -> create(address), group, timeout, "nacos://" + address.servers() + "/" + group);
    }

    /** Over a given client (tests). */
    public NacosConfigCenter(ConfigService service, String group, Duration timeout) {
        this(() -> service, group, timeout, "nacos:" + group);
    }

    private NacosConfigCenter(Supplier<ConfigService> factory, String group, Duration timeout, String description) {
        this.factory = factory;
        this.group = group;
        this.timeout = timeout;
        this.description = description;
    }

    /** What a Nacos client (config or naming) needs from a {@code nacos://} address: servers, namespace, login. */
    public static Properties clientProperties(ConfigCenterAddress address) {
        Properties properties = new Properties();
        properties.setProperty(PropertyKeyConst.SERVER_ADDR, address.servers());
        copy(address, "namespace", PropertyKeyConst.NAMESPACE, properties);
        copy(address, "username", PropertyKeyConst.USERNAME, properties);
        copy(address, "password", PropertyKeyConst.PASSWORD, properties);
        return properties;
    }

    private static ConfigService create(ConfigCenterAddress address) {
        Properties properties = clientProperties(address);
        try {
            return NacosFactory.createConfigService(properties);
        } catch (NacosException e) {
            throw new IllegalStateException("cannot create the Nacos config client for " + address + ": " + e.getErrMsg(), e);
        }
    }

    private static void copy(ConfigCenterAddress address, String param, String property, Properties properties) {
        String value = address.param(param);
        if (value != null && !value.isBlank()) {
            properties.setProperty(property, value);
        }
    }

    static String dataId(String key) {
        return ConfigCenter.checkKey(key).replace('/', '.');
    }

    private synchronized ConfigService service() {
        if (service == null) {
            service = factory.get();
        }
        return service;
    }

    @Override
    public Optional<String> read(String key) {
        try {
            String text = service().getConfig(dataId(key), group, timeout.toMillis());
            return Optional.ofNullable(text).filter(t -> !t.isBlank());
        } catch (NacosException e) {
            throw new IllegalStateException("reading " + dataId(key) + " from " + describe() + ": " + e.getErrMsg(), e);
        }
    }

    @Override
    public void publish(String key, String document) {
        boolean stored;
        try {
            stored = service().publishConfig(dataId(key), group, document, ConfigType.JSON.getType());
        } catch (NacosException e) {
            throw new IllegalStateException("publishing " + dataId(key) + " to " + describe() + ": " + e.getErrMsg(), e);
        }
        if (!stored) {
            throw new IllegalStateException("Nacos did not store " + dataId(key) + " in " + describe());
        }
    }

    @Override
    public Versioned readVersioned(String key) {
        return read(key).map(text -> new Versioned(text, md5(text))).orElse(new Versioned(null, Versioned.ABSENT));
    }

    /**
     * Nacos's compare-and-set, {@code publishConfigCas} with the MD5 of the content read (the server compares it with
     * the MD5 it keeps of the stored content). Nacos has no "create only if absent": for {@link Versioned#ABSENT} this
     * checks that there is no document and then publishes — two calls, so two first writes racing can both pass; every
     * later write is a real compare-and-set. Nacos answers a refused CAS and a failed write alike with {@code false}:
     * both are answered as "changed since", and the caller reads again.
     */
    @Override
    public Optional<String> publishIfUnchanged(String key, String document, String expectedVersion) {
        boolean stored;
        try {
            if (Versioned.ABSENT.equals(expectedVersion)) {
                if (read(key).isPresent()) {
                    return Optional.empty();
                }
                stored = service().publishConfig(dataId(key), group, document, ConfigType.JSON.getType());
            } else {
                stored = service().publishConfigCas(dataId(key), group, document, expectedVersion, ConfigType.JSON.getType());
            }
        } catch (NacosException e) {
            throw new IllegalStateException("publishing " + dataId(key) + " to " + describe() + ": " + e.getErrMsg(), e);
        }
        return stored ? Optional.of(md5(document)) : Optional.empty();
    }

    /** The MD5 Nacos keeps of a configuration: of its UTF-8 bytes, lower-case hex. */
    static String md5(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }

    @Override
    public void remove(String key) {
        try {
            service().removeConfig(dataId(key), group);
        } catch (NacosException e) {
            throw new IllegalStateException("removing " + dataId(key) + " from " + describe() + ": " + e.getErrMsg(), e);
        }
    }

    @Override
    public Subscription subscribe(String key, Consumer<String> listener) {
        String dataId = dataId(key);
        AbstractListener nacosListener = new AbstractListener() {
            @Override
            public void receiveConfigInfo(String configInfo) {
                try {
                    // Nacos tells of a removed configuration with empty content
                    listener.accept(configInfo == null || configInfo.isBlank() ? null : configInfo);
                } catch (RuntimeException e) {
                    log.error("a listener of {} failed: {}", dataId, e.toString());
                }
            }
        };
        try {
            service().addListener(dataId, group, nacosListener);
        } catch (NacosException e) {
            throw new IllegalStateException("watching " + dataId + " in " + describe() + ": " + e.getErrMsg(), e);
        }
        return () -> service().removeListener(dataId, group, nacosListener);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public synchronized void close() {
        if (service != null) {
            try {
                service.shutDown();
            } catch (NacosException e) {
                log.debug("closing the Nacos config client: {}", e.getErrMsg());
            }
            service = null;
        }
    }
}
