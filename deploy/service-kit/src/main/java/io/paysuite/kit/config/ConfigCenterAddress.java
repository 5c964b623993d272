package io.paysuite.kit.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A config-center address in the registry's own notation, so that one property can name both:
 * {@code zookeeper://host:port[,host:port…][?backup=host:port,…]} or
 * {@code nacos://host:port[,host:port…][?namespace=…&username=…&password=…]}; a bare
 * {@code host:port} means ZooKeeper.
 *
 * @param scheme  {@code zookeeper} or {@code nacos} (also {@code memory}: an in-process center for a run without one)
 * @param servers the comma-separated {@code host:port} list, backups included
 * @param params  the query parameters
 */
public record ConfigCenterAddress(String scheme, String servers, Map<String, String> params) {

    public static final String ZOOKEEPER = "zookeeper";
    public static final String NACOS = "nacos";
    public static final String MEMORY = "memory";

    public ConfigCenterAddress {
        params = Map.copyOf(params);
    }

    public static ConfigCenterAddress parse(String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("no config-center address: set dubbo.registry.address or paysuite.config-center.address");
        }
        String text = address.trim();
        String scheme = ZOOKEEPER;
        int sep = text.indexOf("://");
        if (sep >= 0) {
            scheme = text.substring(0, sep).toLowerCase(Locale.ROOT);
            text = text.substring(sep + 3);
        }
        if (!scheme.equals(ZOOKEEPER) && !scheme.equals(NACOS) && !scheme.equals(MEMORY)) {
            throw new IllegalArgumentException("config center must be zookeeper://… or nacos://…, not " + address);
        }
        Map<String, String> params = new LinkedHashMap<>();
        int query = text.indexOf('?');
        if (query >= 0) {
            for (String pair : text.substring(query + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    String name = eq < 0 ? pair : pair.substring(0, eq);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    params.put(name, value);
                }
            }
            text = text.substring(0, query);
        }
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        String backup = params.get("backup");
        String servers = backup == null || backup.isBlank() ? text : text + "," + backup;
        if (servers.isBlank() && !scheme.equals(MEMORY)) {
            throw new IllegalArgumentException("config-center address names no server: " + address);
        }
        return new ConfigCenterAddress(scheme, servers, params);
    }

    public String param(String name) {
        return params.get(name);
    }

    /** For log lines: the address without its credentials. */
    @Override
    public String toString() {
        return scheme + "://" + servers;
    }
}
