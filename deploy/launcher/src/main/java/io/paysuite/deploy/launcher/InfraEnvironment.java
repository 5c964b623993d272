package io.paysuite.deploy.launcher;

import io.paysuite.deploy.infra.ExternalDatabases;
import io.paysuite.deploy.infra.ExternalInfra;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's external mode: {@code PAYSUITE_INFRA=external} (or {@code bin/run-local --external})
 * starts only the sandbox and the services, against servers named by environment variables. The services'
 * {@code prod} profile ({@code application-prod.yml}) reads the very same variables, so a container started
 * with {@code --spring.profiles.active=prod} and this environment needs no launcher.
 *
 * <table>
 *   <tr><td>{@code PAYSUITE_REGISTRY}</td><td>{@code nacos://host:8848} or {@code zookeeper://host:2181}</td></tr>
 *   <tr><td>{@code PAYSUITE_ROCKETMQ_NAMESRV}</td><td>{@code host:9876[;host:9876]}</td></tr>
 *   <tr><td>{@code PAYSUITE_SEATA}</td><td>{@code host:8091} (optional: no service joins a global transaction)</td></tr>
 *   <tr><td>{@code PAYSUITE_TRADE_DB_0}, {@code _1}, {@code PAYSUITE_PAY_DB_0}, {@code _1}</td>
 *       <td>JDBC URLs of the sharded services' two databases (two servers each in production)</td></tr>
 *   <tr><td>{@code PAYSUITE_DB_MEMBER}, {@code _ACCOUNTING}, {@code _CHANNEL}, {@code _CASHIER}</td>
 *       <td>JDBC URLs of the other services' databases</td></tr>
 *   <tr><td>{@code PAYSUITE_DB_USERNAME}, {@code PAYSUITE_DB_PASSWORD}</td><td>the services' database account</td></tr>
 * </table>
 */
public final class InfraEnvironment {

    public static final String MODE = "PAYSUITE_INFRA";
    public static final String REGISTRY = "PAYSUITE_REGISTRY";
    public static final String NAMESRV = "PAYSUITE_ROCKETMQ_NAMESRV";
    public static final String SEATA = "PAYSUITE_SEATA";
    public static final String DB_USERNAME = "PAYSUITE_DB_USERNAME";
    public static final String DB_PASSWORD = "PAYSUITE_DB_PASSWORD";

    private InfraEnvironment() {
    }

    /** The external servers when the environment asks for the external mode, else empty (embedded servers). */
    public static Optional<ExternalInfra> read(Map<String, String> env) {
        String mode = env.getOrDefault(MODE, "embedded").trim().toLowerCase(Locale.ROOT);
        if (mode.equals("embedded") || mode.isEmpty()) {
            return Optional.empty();
        }
        if (!mode.equals("external")) {
            throw new IllegalArgumentException(MODE + " must be embedded or external, not " + mode);
        }
        List<String> missing = new ArrayList<>();
        Map<String, String> urls = new LinkedHashMap<>();
        for (ServiceId id : ServiceId.values()) {
            for (String database : id.databases()) {
                String variable = variableOf(database);
                String url = env.get(variable);
                if (url == null || url.isBlank()) {
                    missing.add(variable);
                } else {
                    urls.put(database, url.trim());
                }
            }
        }
        String registry = required(env, REGISTRY, missing);
        String namesrv = required(env, NAMESRV, missing);
        String username = required(env, DB_USERNAME, missing);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(MODE + "=external needs " + String.join(", ", missing));
        }
        return Optional.of(new ExternalInfra(registry, namesrv, env.getOrDefault(SEATA, ""),
                new ExternalDatabases(urls, username, env.getOrDefault(DB_PASSWORD, ""))));
    }

    /**
     * The variable naming a database's URL: {@code paysuite_trade_0} → {@code PAYSUITE_TRADE_DB_0},
     * {@code paysuite_member} → {@code PAYSUITE_DB_MEMBER}.
     */
    public static String variableOf(String database) {
        String name = database.toUpperCase(Locale.ROOT).replaceFirst("^PAYSUITE_", "");
        int shard = name.lastIndexOf('_');
        if (shard > 0 && name.substring(shard + 1).chars().allMatch(Character::isDigit)) {
            return "PAYSUITE_" + name.substring(0, shard) + "_DB" + name.substring(shard);
        }
        return "PAYSUITE_DB_" + name;
    }

    private static String required(Map<String, String> env, String name, List<String> missing) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            missing.add(name);
            return "";
        }
        return value.trim();
    }
}
